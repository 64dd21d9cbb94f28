import { describe, expect, it } from 'vitest'
import { parseDateText, withinBounds } from '../../../renderer/src/components/base/date-text'

describe('a date as staff type it', () => {
  it('reads the ways a day is written in a shop as one ISO date', () => {
    const typed = ['2026-05-25', '2026-5-25', '2026/5/25', '2026.05.25', '20260525', '2026年5月25日', ' 2026 年 5 月 25 日 ']
    expect(typed.map(parseDateText)).toEqual(typed.map(() => '2026-05-25'))
  })
  it('refuses text that is no day, and days that do not exist', () => {
    expect(['05/25/2026', '2026-02-30', '2026-13-01', '2026-05', '', 'abc', '2026052'].map(parseDateText)).toEqual([null, null, null, null, null, null, null])
  })
  it('knows 29 February only in leap years', () => {
    expect([parseDateText('2028-02-29'), parseDateText('2027-02-29')]).toEqual(['2028-02-29', null])
  })
  it('keeps a day within the bounds given', () => {
    expect([
      withinBounds('2026-05-25', '2026-05-25', '2026-05-31'),
      withinBounds('2026-05-24', '2026-05-25'),
      withinBounds('2026-06-01', undefined, '2026-05-31')
    ]).toEqual([true, false, false])
  })
})
