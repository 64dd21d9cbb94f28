/**
 * vue-i18n set up once: every `messages/*.ts` file is merged here, so a feature adds its own
 * file (exporting `default { 'zh-CN': {...}, en: {...} }`) without touching this one.
 * zh-CN first; English is the fallback for a key nobody translated yet.
 */
import { createI18n } from 'vue-i18n'

export const locales = ['zh-CN', 'en'] as const
export type Locale = (typeof locales)[number]

type Tree = { [key: string]: string | Tree }
type MessageFile = { default: Partial<Record<Locale, Tree>> }

/** Merge b into a, key by key; two files defining the same leaf is a mistake worth seeing. */
export function mergeTrees(a: Tree, b: Tree, path = ''): Tree {
  const out: Tree = { ...a }
  for (const [key, value] of Object.entries(b)) {
    const prev = out[key]
    if (prev && typeof prev === 'object' && typeof value === 'object') out[key] = mergeTrees(prev, value, `${path}${key}.`)
    else {
      if (prev !== undefined && import.meta.env.DEV) console.warn(`i18n: ${path}${key} defined twice`)
      out[key] = value
    }
  }
  return out
}

/** Every message file merged into one tree per locale. */
export function mergeMessageFiles(files: MessageFile[]): Record<Locale, Tree> {
  const merged: Record<Locale, Tree> = { 'zh-CN': {}, en: {} }
  for (const file of files) {
    for (const locale of locales) {
      const tree = file.default[locale]
      if (tree) merged[locale] = mergeTrees(merged[locale], tree)
    }
  }
  return merged
}

const files = import.meta.glob<MessageFile>('./messages/*.ts', { eager: true })

export const i18n = createI18n({
  legacy: false,
  locale: 'zh-CN',
  fallbackLocale: ['zh-CN', 'en'],
  messages: mergeMessageFiles(Object.values(files)),
  missingWarn: false,
  fallbackWarn: false
})

/** Switch the UI language (and the page's lang attribute, so CJK fonts are chosen right). */
export function applyLocale(locale: Locale): void {
  i18n.global.locale.value = locale
  document.documentElement.lang = locale
}
