import { describe, expect, it } from 'vitest'
import { createI18n } from 'vue-i18n'
import printing from '../../../renderer/src/i18n/messages/printing'
import { warningWords } from '../../../renderer/src/components/printing/warning-words'

// The preview's warnings speak the page's language (the service's text carries both, for the CLI).
function translator(locale: 'zh-CN' | 'en') {
  // typed loosely: vue-i18n's message types are too deep for tsc on this tree
  const i18n = createI18n({ legacy: false, locale, messages: printing as unknown as Record<string, never> }) as unknown as {
    global: { t: (key: string, params: Record<string, unknown>) => string }
  }
  return (key: string, params?: Record<string, unknown>) => i18n.global.t(key, params ?? {})
}
const shopName = { kind: 'empty-field', field: '店名', message: '{{店名}} 为空 (merge field is empty)' } as const

describe('print warnings in the page’s language', () => {
  it('says in Chinese alone that the shop name is not set and where to set it', () => {
    const words = warningWords(shopName, translator('zh-CN'))
    expect(words).toBe('{{店名}} 为空：还没有设置店名，请在本页的「店名」框或「设置」里填写（所有模板和回访话术都用它）')
    expect(words).not.toMatch(/[A-Za-z]/)
  })
  it('says it in English on the English page', () => {
    expect(warningWords(shopName, translator('en'))).toBe(
      '{{店名}} is empty: no shop name is set yet; fill in “Shop name” on this page or in Settings (every template and call script uses it)'
    )
  })
  it('names the field or block of every other kind without English in Chinese', () => {
    const zh = translator('zh-CN')
    expect(warningWords({ kind: 'empty-field', field: '生日', message: '' }, zh)).toBe('{{生日}} 为空')
    expect(warningWords({ kind: 'overflow', blockId: 'addr', message: '' }, zh)).toBe('「addr」文字放不下，会被截断')
    for (const kind of ['unknown-field', 'missing-qr', 'outside-cell', 'no-cards'] as const)
      expect(warningWords({ kind, field: '姓名', blockId: 'b1', message: 'x (english)' }, zh).replace('https://', '')).not.toMatch(/[A-Za-z]{3,}/)
  })
})
