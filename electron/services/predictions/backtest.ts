/**
 * Forecast against what happened: with the model fitted up to the calibration end, the sum
 * over customers of expected repeat purchases in each following week, next to the purchase
 * days that actually came. The shop sees how far to trust the numbers on its own data.
 */
import { addDays } from '../../../shared/domain/dates'
import type { Backtest } from '../../../shared/schemas/predictions'
import { groupDays } from './models/rfm'
import type { CalibrationRow } from './calibration'

/** E[X(t) | x, t_x, T] of a fitted count model, t in the model's unit. */
export type Expected = (t: number, x: number, tx: number, T: number) => number

/**
 * Week-by-week forecast vs actual over `holdoutDays` days after `calibrationEnd`, and the
 * per-customer error: the mean over customers of |forecast − actual| for the whole holdout.
 */
export function runBacktest(expected: Expected, rows: CalibrationRow[], calibrationEnd: string, holdoutDays: number, daysPerUnit: number): Backtest {
  const weeks = Math.ceil(holdoutDays / 7)
  const bounds = Array.from({ length: weeks + 1 }, (_, k) => Math.min(7 * k, holdoutDays))
  const g = groupDays(
    rows.map((r) => r.x),
    rows.map((r) => r.txDays),
    rows.map((r) => r.TDays),
    daysPerUnit
  )
  const forecast = new Array<number>(weeks).fill(0)
  // week by week over every customer (not customer by customer): a model that shares work
  // between customers at one horizon (the CNBD-k expectation) keeps one horizon's cache at a time
  const whole = new Float64Array(g.x.length)
  for (let k = 1; k <= weeks; k++) {
    const t = bounds[k] / daysPerUnit
    for (let i = 0; i < g.x.length; i++) {
      const cum = expected(t, g.x[i], g.tx[i], g.T[i])
      forecast[k - 1] += g.weight[i] * (cum - whole[i])
      whole[i] = cum
    }
  }
  let absError = 0
  rows.forEach((r, i) => {
    const came = r.later.filter((d) => d <= holdoutDays).length
    absError += Math.abs(whole[(g.groupOf as Int32Array)[i]] - came)
  })
  const actual = new Array<number>(weeks).fill(0)
  for (const r of rows) {
    for (const d of r.later) if (d <= holdoutDays) actual[Math.ceil(d / 7) - 1]++
  }
  const periods = forecast.map((f, k) => ({
    from: addDays(calibrationEnd, bounds[k] + 1),
    to: addDays(calibrationEnd, bounds[k + 1]),
    forecast: f,
    actual: actual[k]
  }))
  return {
    forecastRepeat: forecast.reduce((a, b) => a + b, 0),
    actualRepeat: actual.reduce((a, b) => a + b, 0),
    mae: rows.length > 0 ? absError / rows.length : 0,
    periods
  }
}
