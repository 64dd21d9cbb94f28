/**
 * How every store turns an envelope into data: `{ok:true}` gives the data, `{ok:false}` shows
 * its message as an error notice (once, here) and then either throws (unwrap) or answers
 * undefined (attempt). Views never see envelopes.
 */
import { ref, type Ref } from 'vue'
import type { ErrorCode, Result } from '@shared/result'
import { useAppStore } from './app'
import { useLockStore } from './lock'
import { failureText } from '../i18n/failure-text'

/** A failed call, after its message has been shown. */
export class CallError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'CallError'
  }
}

export interface CallOptions {
  /** do not show a notice (the caller shows the error itself, e.g. beside a form field) */
  quiet?: boolean
}

/** The data of a successful call; on failure shows a notice and throws CallError. */
export async function unwrap<T>(pending: Promise<Result<T>> | Result<T>, options: CallOptions = {}): Promise<T> {
  let result: Result<T>
  try {
    result = await pending
  } catch (e) {
    // a transport that threw (should not happen; both transports answer envelopes)
    result = { ok: false, code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) }
  }
  if (result.ok) return result.data
  // locked meanwhile (idle, another window): the lock screen says so, a notice would only pile up behind it
  // catalogued refusals are shown in the app's language (the CallError carries that sentence too)
  const message = failureText(result)
  if (result.code === 'LOCKED') useLockStore().noteLocked()
  else if (!options.quiet) useAppStore().notify('error', message, result.code)
  throw new CallError(result.code, message)
}

/** Like unwrap, but answers undefined on failure: the notice already told the user. */
export async function attempt<T>(pending: Promise<Result<T>> | Result<T>, options: CallOptions = {}): Promise<T | undefined> {
  try {
    return await unwrap(pending, options)
  } catch (e) {
    if (e instanceof CallError) return undefined
    throw e
  }
}

/** attempt() that stores the data into a ref; answers whether it worked. */
export async function unwrapInto<T>(pending: Promise<Result<T>>, target: Ref<T | null>): Promise<boolean> {
  const data = await attempt(pending)
  if (data === undefined) return false
  target.value = data
  return true
}

/**
 * A store action's busy flag and last error: `const save = useCall(); await save.run(() =>
 * window.api.x.y(input))` gives the data or undefined, with `save.busy` true meanwhile.
 */
export function useCall(options: CallOptions = {}) {
  const busy = ref(false)
  const error = ref<{ code: ErrorCode; message: string } | null>(null)
  async function run<T>(call: () => Promise<Result<T>>): Promise<T | undefined> {
    busy.value = true
    error.value = null
    try {
      return await unwrap(call(), options)
    } catch (e) {
      if (!(e instanceof CallError)) throw e
      error.value = { code: e.code, message: e.message }
      return undefined
    } finally {
      busy.value = false
    }
  }
  return { busy, error, run }
}
