/**
 * lunarToSolar counts from the lunar month's first day instead of asking Lunar.fromYmd (1.7 ms a
 * date against 0.03 ms): it must answer exactly the library's dates, on every day of every
 * ordinary month, and keep a 30th the month lacks on its 29th.
 */
import { describe, expect, it } from 'vitest'
import { Lunar, LunarYear } from 'lunar-typescript'
import { lunarDatesBetween, lunarToSolar } from '../../../shared/domain/lunar'

describe('lunarToSolar', () => {
  it('answers Lunar.fromYmd’s date for every day of the lunar years 2023–2026, twice (the second from memory)', () => {
    let days = 0
    for (const year of [2023, 2024, 2025, 2026]) {
      for (let month = 1; month <= 12; month++) {
        const count = LunarYear.fromYear(year).getMonth(month)!.getDayCount()
        for (let day = 1; day <= count; day++) {
          const expected = Lunar.fromYmd(year, month, day).getSolar().toYmd()
          expect(lunarToSolar(year, month, day), `${year}-${month}-${day}`).toBe(expected)
          expect(lunarToSolar(year, month, day)).toBe(expected)
          days++
        }
      }
    }
    expect(days).toBe(1418)
  })

  it('keeps a 30th on the 29th in a 29-day month, and 八月十五 on its solar dates', () => {
    // lunar 2025 month 2 has 29 days: 二月廿九 is 2025-03-28
    expect(LunarYear.fromYear(2025).getMonth(2)!.getDayCount()).toBe(29)
    expect(lunarToSolar(2025, 2, 30)).toBe('2025-03-28')
    expect(lunarDatesBetween(8, 15, '2024-01-01', '2026-12-31')).toEqual(['2024-09-17', '2025-10-06', '2026-09-25'])
  })

  it('refuses a month the lunar calendar has not', () => {
    expect(() => lunarToSolar(2025, 13, 1)).toThrow(RangeError)
  })
})
