/** The envelope every contract call answers with: nothing throws across a boundary. */
export type Ok<T> = { ok: true; data: T }
/**
 * `key` and `params` name the sentence in shared/errors (the renderer and the CLI show it in
 * the reader's language); `message` is both languages in one line, kept for logs and for the
 * refusals not yet in the catalogue.
 */
export type Fail = { ok: false; code: ErrorCode; message: string; key?: string; params?: Record<string, string | number> }
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
  /** a workbook locked with an opening password: the user must remove it first */
  'PASSWORD_PROTECTED',
  'DB_TOO_NEW',
  /** the app is locked with a passcode: only the lock screen's channels answer */
  'LOCKED',
  'INTERNAL'
] as const
export type ErrorCode = (typeof errorCodes)[number]

/** A domain error with a code: services throw it (via refuse() in shared/errors), the registrar turns it into a Fail. */
export class DomainError extends Error {
  readonly key?: string
  readonly params?: Record<string, string | number>
  constructor(
    readonly code: ErrorCode,
    message: string,
    detail?: { key: string; params: Record<string, string | number> }
  ) {
    super(message)
    this.name = 'DomainError'
    if (detail) {
      this.key = detail.key
      this.params = detail.params
    }
  }
}

export const ok = <T>(data: T): Ok<T> => ({ ok: true, data })
export const fail = (code: ErrorCode, message: string): Fail => ({ ok: false, code, message })

/** The Fail for a thrown DomainError, carrying its key and parameters when it has them. */
export const failFrom = (e: DomainError): Fail =>
  e.key === undefined ? fail(e.code, e.message) : { ok: false, code: e.code, message: e.message, key: e.key, params: e.params ?? {} }
