/**
 * The sentence a failed call shows: a catalogued refusal (key + params) in the app's language,
 * anything else (transport failures, refusals not yet catalogued) by its own message.
 */
import type { Fail } from '@shared/result'
import { i18n } from './index'

export function failureText(failure: Fail): string {
  const path = `errors.${failure.key ?? ''}`
  if (failure.key && i18n.global.te(path)) return i18n.global.t(path, failure.params ?? {})
  return failure.message
}
