// Plain words for the errors a disk gives, so a message says what happened and to which file:
//   cannot write /cases/kursk.claimdesk.json.journal: the disk is full (ENOSPC); this change was not saved
import { ClaimdeskError } from '../../shared/errors'

const WHY: Record<string, string> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EIO: 'the disk reported an input/output error',
  ENOENT: 'the folder or file does not exist',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open'
}

export function errnoCode(err: unknown): string | undefined {
  return (err as NodeJS.ErrnoException | undefined)?.code
}

/** "the disk is full (ENOSPC)", or the error's own message when its code is not one of the above. */
export function why(err: unknown): string {
  const code = errnoCode(err)
  if (code && WHY[code]) return `${WHY[code]} (${code})`
  return err instanceof Error ? err.message : String(err)
}

/** A failed file operation as ClaimdeskError('io'); a ClaimdeskError passes through unchanged. */
export function ioError(err: unknown, what: string, consequence?: string): ClaimdeskError {
  if (err instanceof ClaimdeskError) return err
  const code = errnoCode(err)
  return new ClaimdeskError(
    'io',
    `${what}: ${why(err)}${consequence ? `; ${consequence}` : ''}`,
    code ? { errno: code } : undefined
  )
}
