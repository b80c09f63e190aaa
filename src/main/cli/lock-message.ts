// A lock error's message ends with the desktop app's way out (open read-only, break the lock), which
// the CLI does not have; what it has instead is that reads never take the lock.
import type { ClaimdeskError } from '../../shared/errors'

const READS = 'reads (list, show, search, suggest and conflicts without their changing options, export) work meanwhile'

/** The CLI's wording of a lock error; undefined for any other error. */
export function lockMessage(err: ClaimdeskError): string | undefined {
  const situation = err.details?.situation
  if (typeof situation !== 'string') return undefined
  if (err.code !== 'locked') return `${situation}; ${READS}`
  const wayOut =
    err.details?.breakable === true
      ? ': if no Claimdesk has it open, open it in the desktop app, which offers to break the lock'
      : ', so close it there first'
  return `${situation}. This command changes the case${wayOut}; ${READS}`
}
