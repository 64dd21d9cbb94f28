import { describe, expect, it } from 'vitest'
import { runBacktest } from '../../../electron/services/predictions/backtest'
import type { CalibrationRow } from '../../../electron/services/predictions/calibration'

/** a customer who buys half a time a week, whatever came before: E[X(t)] = t / 2 (t in weeks) */
const halfAWeek = (t: number) => t / 2

function row(customerId: number, later: number[]): CalibrationRow {
  return { customerId, x: 1, txDays: 10, TDays: 30, zbarFen: 0, spendDays: 0, littDays: 0, later }
}
// purchase days after the calibration end; day 27 falls after a 26-day holdout
const rows = [row(1, [1, 8, 22, 24]), row(2, [3, 26, 27])]

describe('backtest periods', () => {
  it('cuts the last week of a holdout that ends mid-week short, says it covers 5 days and marks it partial', () => {
    // 2026-10-28 + 26 days = 2026-11-23 (the shop's today): three whole weeks and five days
    const b = runBacktest(halfAWeek, rows, '2026-10-28', 26, 7)
    expect(b.periods.map(({ from, to, days, partial, actual }) => ({ from, to, days, partial, actual }))).toEqual([
      { from: '2026-10-29', to: '2026-11-04', days: 7, partial: false, actual: 2 },
      { from: '2026-11-05', to: '2026-11-11', days: 7, partial: false, actual: 1 },
      { from: '2026-11-12', to: '2026-11-18', days: 7, partial: false, actual: 0 },
      { from: '2026-11-19', to: '2026-11-23', days: 5, partial: true, actual: 3 }
    ])
    // two customers at half a purchase a week: 1 a whole week, 5/7 of it in the five-day week
    expect(b.periods.map((p) => p.forecast)).toEqual([1, 1, 1, 5 / 7].map((f) => expect.closeTo(f, 12)))
    expect(b.actualRepeat).toBe(6)
  })

  it('marks no period partial when the holdout is whole weeks', () => {
    const b = runBacktest(halfAWeek, rows, '2026-10-26', 28, 7)
    expect(b.periods.map((p) => [p.to, p.days, p.partial])).toEqual([
      ['2026-11-02', 7, false],
      ['2026-11-09', 7, false],
      ['2026-11-16', 7, false],
      ['2026-11-23', 7, false]
    ])
  })

  it('gives a holdout shorter than a week one partial period of its days', () => {
    const b = runBacktest(halfAWeek, rows, '2026-11-20', 3, 7)
    expect(b.periods).toEqual([{ from: '2026-11-21', to: '2026-11-23', days: 3, partial: true, forecast: expect.closeTo(3 / 7, 12), actual: 2 }])
  })
})
