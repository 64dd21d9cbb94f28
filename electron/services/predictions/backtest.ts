/**
 * Forecast against what happened: with the model fitted up to the calibration end, the sum
 * over customers of expected repeat purchases in each following week, next to the purchase
 * days that actually came. The shop sees how far to trust the numbers on its own data.
 */
import { addDays } from '../../../shared/domain/dates'
import type { Backtest } from '../../../shared/schemas/predictions'
import { bgnbdExpected, type BgNbdParams } from './models/bgnbd'
import { groupDays } from './models/rfm'
import type { CalibrationRow } from './calibration'

/** Week-by-week forecast vs actual over `holdoutDays` days after `calibrationEnd`. */
export function runBacktest(p: BgNbdParams, rows: CalibrationRow[], calibrationEnd: string, holdoutDays: number, daysPerUnit: number): Backtest {
  const weeks = Math.ceil(holdoutDays / 7)
  const bounds = Array.from({ length: weeks + 1 }, (_, k) => Math.min(7 * k, holdoutDays))
  const g = groupDays(
    rows.map((r) => r.x),
    rows.map((r) => r.txDays),
    rows.map((r) => r.TDays),
    daysPerUnit
  )
  const forecast = new Array<number>(weeks).fill(0)
  for (let i = 0; i < g.x.length; i++) {
    let before = 0
    for (let k = 1; k <= weeks; k++) {
      const cum = bgnbdExpected(p, bounds[k] / daysPerUnit, g.x[i], g.tx[i], g.T[i])
      forecast[k - 1] += g.weight[i] * (cum - before)
      before = cum
    }
  }
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
    periods
  }
}
