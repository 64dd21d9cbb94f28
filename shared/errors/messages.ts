/**
 * The catalogue as plain message tables, one per language: the renderer hands them to vue-i18n
 * (under `errors.`), the CLI formats them with formatError. Same words, one source.
 */
import { errorCatalogue, type ErrorKey, type ErrorParams } from './catalogue'

export const errorLocales = ['zh-CN', 'en'] as const
export type ErrorLocale = (typeof errorLocales)[number]

function table(locale: ErrorLocale): Record<ErrorKey, string> {
  const out = {} as Record<ErrorKey, string>
  for (const key of Object.keys(errorCatalogue) as ErrorKey[]) out[key] = errorCatalogue[key][locale]
  return out
}

export const errorMessages: Record<ErrorLocale, Record<ErrorKey, string>> = { 'zh-CN': table('zh-CN'), en: table('en') }

/** `{name}` placeholders of a sentence, in order of appearance. */
export function placeholders(sentence: string): string[] {
  return [...sentence.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
}

export function isErrorKey(key: unknown): key is ErrorKey {
  return typeof key === 'string' && Object.prototype.hasOwnProperty.call(errorCatalogue, key)
}

/** The sentence for a key in one language, parameters filled in (a missing one stays visible as {name}). */
export function formatError(key: ErrorKey, params: ErrorParams, locale: ErrorLocale): string {
  return errorMessages[locale][key].replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

/** Both languages in one line — the fallback message kept for logs and older callers. */
export function bilingual(key: ErrorKey, params: ErrorParams): string {
  return `${formatError(key, params, 'zh-CN')} (${formatError(key, params, 'en')})`
}

/** `--lang` wins; otherwise LANG (or LC_ALL / LC_MESSAGES) starting with zh means Chinese, anything else English. */
export function pickErrorLocale(flag: string | undefined, env: Record<string, string | undefined>): ErrorLocale {
  if (flag === 'zh-CN' || flag === 'en') return flag
  const lang = env.LC_ALL || env.LC_MESSAGES || env.LANG || ''
  return /^zh/i.test(lang) ? 'zh-CN' : 'en'
}
