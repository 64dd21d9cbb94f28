/** The envelope every contract call answers with: nothing throws across a boundary. */
export type Ok<T> = { ok: true; data: T }
export type Fail = { ok: false; code: ErrorCode; message: string }
export type Result<T> = Ok<T> | Fail

/** Codes a caller can act on; messages are for people. */
export const errorCodes = [
  'BAD_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'CANCELLED',
  'UNREADABLE_FILE',
  'DB_TOO_NEW',
  /** the app is locked with a passcode: only the lock screen's channels answer */
  'LOCKED',
  'INTERNAL'
] as const
export type ErrorCode = (typeof errorCodes)[number]

/** A domain error with a code: services throw it, the registrar turns it into a Fail. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'DomainError'
  }
}

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data })
export const fail = (code: ErrorCode, message: string): Fail => ({ ok: false, code, message })
