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
 * E[X(t)] at every horizon of `ts` for one customer, into `out` (CountModel.expectedAt): the
 * models share what does not move with t (P(alive), the alive terms) between the horizons.
 */
export interface ExpectedAt {
  expectedAt(ts: Float64Array, x: number, tx: number, T: number, out: Float64Array): void
}

/** A bare expectation asked one horizon at a time. */
function oneByOne(expected: Expected): ExpectedAt {
  return {
    expectedAt: (ts, x, tx, T, out) => {
      for (let k = 0; k < ts.length; k++) out[k] = expected(ts[k], x, tx, T)
    }
  }
}

/**
 * Week-by-week forecast vs actual over `holdoutDays` days after `calibrationEnd` (the last
 * week cut short, and marked partial, when the holdout is not whole weeks), and the per-customer error: the mean over customers of |forecast − actual| for the whole holdout.
 */
export function runBacktest(model: Expected | ExpectedAt, rows: CalibrationRow[], calibrationEnd: string, holdoutDays: number, daysPerUnit: number): Backtest {
  const m = typeof model === 'function' ? oneByOne(model) : model
  const weeks = Math.ceil(holdoutDays / 7)
  const bounds = Array.from({ length: weeks + 1 }, (_, k) => Math.min(7 * k, holdoutDays))
  const g = groupDays(
    rows.map((r) => r.x),
    rows.map((r) => r.txDays),
    rows.map((r) => r.TDays),
    daysPerUnit
  )
  const forecast = new Array<number>(weeks).fill(0)
  const ts = Float64Array.from(bounds.slice(1), (d) => d / daysPerUnit)
  const cum = new Float64Array(weeks)
  // customer by customer, every week's end at once; each week's total still adds the
  // customers in the same order as week by week did, so the sums are the same to the bit
  const whole = new Float64Array(g.x.length)
  for (let i = 0; i < g.x.length; i++) {
    m.expectedAt(ts, g.x[i], g.tx[i], g.T[i], cum)
    let before = 0
    for (let k = 0; k < weeks; k++) {
      forecast[k] += g.weight[i] * (cum[k] - before)
      before = cum[k]
    }
    whole[i] = before
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
    days: bounds[k + 1] - bounds[k],
    // a holdout that ends mid-week leaves a short last week: fewer days, fewer purchases
    partial: bounds[k + 1] - bounds[k] < 7,
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
