import { describe, expect, it } from 'vitest'
import { catalogueAreas, errorCatalogue, type ErrorKey } from '../../../shared/errors/catalogue'
import { bilingual, formatError, pickErrorLocale, placeholders } from '../../../shared/errors/messages'
import { refuse } from '../../../shared/errors/refuse'
import { errorCodes } from '../../../shared/result'

const keys = Object.keys(errorCatalogue) as ErrorKey[]

describe('the error catalogue', () => {
  it.each(keys)('%s has a Chinese and an English sentence with the same parameters and a known category', (key) => {
    const entry = errorCatalogue[key]
    expect(entry['zh-CN'].trim()).not.toBe('')
    expect(entry.en.trim()).not.toBe('')
    expect(/[\u4e00-\u9fff]/.test(entry['zh-CN'])).toBe(true)
    expect(/[\u4e00-\u9fff]/.test(entry.en)).toBe(false)
    expect([...placeholders(entry['zh-CN'])].sort()).toEqual([...placeholders(entry.en)].sort())
    expect(errorCodes).toContain(entry.code)
  })

  it.each(keys)('%s holds nothing vue-i18n would read as plural, link or stray brace syntax', (key) => {
    for (const sentence of [errorCatalogue[key]['zh-CN'], errorCatalogue[key].en]) {
      expect(sentence).not.toMatch(/[|@$%]/)
      expect(sentence.replace(/\{\w+\}/g, '')).not.toMatch(/[{}]/)
    }
  })

  it('defines every key in one area only (the merge would silently keep the later one)', () => {
    const seen = new Map<string, string>()
    for (const [area, entries] of Object.entries(catalogueAreas)) {
      for (const key of Object.keys(entries)) {
        expect(seen.get(key), `${key} in ${area}`).toBeUndefined()
        seen.set(key, area)
      }
    }
    expect(seen.size).toBe(keys.length)
  })

  it('fills the parameters in each language and keeps both in the fallback message', () => {
    const params = { file: 't_orders.csv', expected: 12, found: 11 }
    expect(formatError('exportRowsDiffer', params, 'en')).toBe('t_orders.csv: expected 12 rows, found 11')
    expect(formatError('exportRowsDiffer', params, 'zh-CN')).toBe('t_orders.csv：行数不符（应为 12 行，实为 11 行）')
    expect(bilingual('exportRowsDiffer', params)).toBe('t_orders.csv：行数不符（应为 12 行，实为 11 行） (t_orders.csv: expected 12 rows, found 11)')
  })

  it('refuse() gives a DomainError with the category, key and parameters of the catalogue', () => {
    const e = refuse('fileNotFound', { path: '/tmp/x.zip' })
    expect(e.code).toBe('NOT_FOUND')
    expect(e.key).toBe('fileNotFound')
    expect(e.params).toEqual({ path: '/tmp/x.zip' })
    expect(e.message).toBe('找不到文件：/tmp/x.zip (file not found: /tmp/x.zip)')
  })

  it('picks the language from --lang first, then LANG: zh* is Chinese, anything else English', () => {
    expect(pickErrorLocale('en', { LANG: 'zh_CN.UTF-8' })).toBe('en')
    expect(pickErrorLocale('zh-CN', { LANG: 'de_DE.UTF-8' })).toBe('zh-CN')
    expect(pickErrorLocale(undefined, { LANG: 'zh_CN.UTF-8' })).toBe('zh-CN')
    expect(pickErrorLocale(undefined, { LANG: 'zh_TW.UTF-8' })).toBe('zh-CN')
    expect(pickErrorLocale(undefined, { LANG: 'en_US.UTF-8' })).toBe('en')
    expect(pickErrorLocale(undefined, { LANG: 'C' })).toBe('en')
    expect(pickErrorLocale(undefined, {})).toBe('en')
  })
})
