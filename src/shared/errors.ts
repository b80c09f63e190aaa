// Errors that cross the contract. Every door turns them into one clear line for the user.

export type ErrorCode =
  | 'invalid' // bad arguments or bad input file
  | 'not-found'
  | 'conflict' // e.g. deleting a source still in use
  | 'no-case' // no case is open
  | 'read-only' // case opened read-only
  | 'locked' // another process holds the case
  | 'corrupt' // case file unreadable; details.backups lists good backups
  | 'io'
  | 'internal'

export interface ErrorInfo {
  code: ErrorCode
  message: string
  details?: Record<string, unknown>
}

export class ClaimdeskError extends Error {
  readonly code: ErrorCode
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message)
    this.name = 'ClaimdeskError'
    this.code = code
    this.details = details
  }

  toJSON(): ErrorInfo {
    return { code: this.code, message: this.message, details: this.details }
  }

  static from(info: ErrorInfo): ClaimdeskError {
    return new ClaimdeskError(info.code, info.message, info.details)
  }
}

/** Any thrown value as ErrorInfo; unexpected errors keep their message but not their stack. */
export function toErrorInfo(err: unknown): ErrorInfo {
  if (err instanceof ClaimdeskError) return err.toJSON()
  const message = err instanceof Error ? err.message : String(err)
  return { code: 'internal', message }
}

export const invalid = (message: string, details?: Record<string, unknown>): ClaimdeskError =>
  new ClaimdeskError('invalid', message, details)

export const notFound = (message: string): ClaimdeskError => new ClaimdeskError('not-found', message)
