import type { ErrorCode } from '../../result'

/**
 * One refusal: its category (what a caller can act on) and the sentence in each language.
 * Parameters are written `{name}` — the syntax vue-i18n reads — so the renderer and the CLI
 * share these exact words. No `|` or `@` in sentences: vue-i18n reads them as plural and link
 * markers.
 */
export interface Entry {
  code: ErrorCode
  'zh-CN': string
  en: string
}
