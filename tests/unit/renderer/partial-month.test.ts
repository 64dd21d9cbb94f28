import { describe, expect, it } from 'vitest'
import { barColors, partialMonthIndex } from '../../../renderer/src/components/charts/partial-month'

describe('the month still running', () => {
  const months = ['2026-09', '2026-10', '2026-11']
  it('is the as-of month while it has days left', () => {
    expect(partialMonthIndex(months, '2026-11-23')).toBe(2)
  })
  it('is none on the last day of the month, or when the month is not charted', () => {
    expect([partialMonthIndex(months, '2026-11-30'), partialMonthIndex(months, '2026-12-05')]).toEqual([-1, -1])
  })
  it('knows February 2028 has 29 days', () => {
    expect([partialMonthIndex(['2028-02'], '2028-02-28'), partialMonthIndex(['2028-02'], '2028-02-29')]).toEqual([0, -1])
  })
  it('paints only that bar pale', () => {
    expect(barColors(3, 2, 'F', 'p')).toEqual(['F', 'F', 'p'])
  })
})
