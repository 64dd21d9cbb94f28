import { describe, expect, it } from 'vitest'
import { ftsString, lettersGrams, normalizeSearch, phoneDigits, searchTerms, termPlan } from '../../../electron/services/customers/search-text'
import { neutralizeCell } from '../../../electron/services/customers/export-service'

describe('search normalisation', () => {
  it.each([
    ['  王静  ', '王静'],
    ['ＶＩＰ００１', 'vip001'],
    ['Li  Na', 'li na']
  ])('normalises %j to %j', (raw, want) => {
    expect(normalizeSearch(raw)).toBe(want)
  })

  it.each([
    ['138 1234 8000', '13812348000'],
    ['138-1234', '1381234'],
    ['+86 138 1234 8000', '13812348000'],
    ['１３８１２', '13812'],
    ['王静', null],
    ['VIP001', null]
  ])('reads %j as phone digits %j', (raw, want) => {
    expect(phoneDigits(raw)).toBe(want)
  })

  it('keeps a phone typed with spaces as one term and splits other text on spaces', () => {
    expect(searchTerms('138 1234 8000')).toEqual(['13812348000'])
    expect(searchTerms('王静 杭州')).toEqual(['王静', '杭州'])
    expect(searchTerms('   ')).toEqual([])
  })

  it('ignores one or two digits or signs, which match nearly everyone, but keeps one or two letters', () => {
    expect(searchTerms('1')).toEqual([])
    expect(searchTerms('13')).toEqual([])
    expect(searchTerms('138')).toEqual(['138'])
    expect(searchTerms('王 1')).toEqual(['王'])
    expect(searchTerms('-')).toEqual([])
    expect(searchTerms('王')).toEqual(['王'])
    expect(searchTerms('vi')).toEqual(['vi'])
  })

  it.each([
    ['王静', 'grams'],
    ['王', 'grams'],
    ['王静怡', 'trigram'],
    ['800', 'trigram']
  ])('looks %j up by %s', (term, plan) => {
    expect(termPlan(term)).toBe(plan)
  })

  it('makes letter bigrams of every text and single characters of names, but no digit grams', () => {
    const grams = lettersGrams('王静', '杭州市12号').split(' ')
    expect(grams).toEqual(expect.arrayContaining(['王静', '王', '静', '杭州', '州市', '号']))
    expect(grams).not.toContain('12')
    expect(grams).not.toContain('杭')
  })

  it('quotes FTS terms so quotes and operators are plain text', () => {
    expect(ftsString('a"b OR c')).toBe('"a""b OR c"')
  })
})

describe('neutralizeCell', () => {
  it.each([
    ['=HYPERLINK("x")', `'=HYPERLINK("x")`],
    ['+8613812348000', `'+8613812348000`],
    ['-1', `'-1`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tx', `'\tx`],
    ['\rx', `'\rx`],
    ['王静', '王静'],
    ['a=b', 'a=b']
  ])('turns %j into %j', (raw, want) => {
    expect(neutralizeCell(raw)).toBe(want)
  })
})
