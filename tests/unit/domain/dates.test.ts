/**
 * dayNumber and addDays work the calendar out without a Date: they must answer exactly what the
 * Date built-in answers (what they did before), day for day, and keep its answers for the
 * malformed strings and the years it reads its own way.
 */
import { describe, expect, it } from 'vitest'
import { addDays, dayNumber, isIsoDate } from '../../../shared/domain/dates'

const DAY_MS = 86_400_000
const byDate = {
  dayNumber: (iso: string) => Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS),
  addDays: (iso: string, n: number) => new Date((byDate.dayNumber(iso) + n) * DAY_MS).toISOString().slice(0, 10)
}
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10)

describe('calendar days', () => {
  it('numbers every day from 1600 to 2400 as Date does, and steps forward and back from each as Date does', () => {
    const mismatches: string[] = []
    for (let day = byDate.dayNumber('1600-01-01'); day <= byDate.dayNumber('2400-12-31'); day++) {
      const iso = isoOf(day)
      if (dayNumber(iso) !== day) mismatches.push(`${iso} numbered ${dayNumber(iso)}`)
      for (const n of [1, -1, 59, -366]) if (addDays(iso, n) !== byDate.addDays(iso, n)) mismatches.push(`${iso} ${n}`)
    }
    expect(mismatches.slice(0, 5)).toEqual([])
  })

  it('reads a date-time by its date part', () => {
    expect(dayNumber('2024-02-29T23:59:59')).toBe(19782)
    expect(addDays('2024-02-28T08:00:00', 1)).toBe('2024-02-29')
  })

  it('keeps Date’s answers at the edges of four-digit years and for strings it reads its own way', () => {
    for (const [iso, n] of [
      ['1000-01-01', -1],
      ['9999-12-31', 1],
      ['0050-01-01', 0],
      ['2024-02-30', 0],
      ['2024-13-01', 0],
      ['2024-00-10', 0],
      ['2024-01-00', 0],
      ['2024-01-32', 0]
    ] as const) {
      expect([iso, dayNumber(iso), addDays(iso, n)]).toEqual([iso, byDate.dayNumber(iso), byDate.addDays(iso, n)])
    }
    for (const bad of ['2024-1-05', '2024-01-5x', 'abcd-01-01']) {
      expect(dayNumber(bad)).toBeNaN()
      expect(() => addDays(bad, 1)).toThrow(RangeError)
    }
  })

  it('accepts only real calendar dates', () => {
    expect(['2024-02-29', '2023-02-29', '2024-04-31', '2024-13-01', '0050-01-01', '2024-1-05'].map(isIsoDate)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false
    ])
  })
})
