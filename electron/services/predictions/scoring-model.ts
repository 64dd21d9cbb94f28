/**
 * What the scores staff see need from a fitted model, behind one small interface: expected
 * purchases over a horizon, P(alive), the wait until the next purchase (with an interval) and
 * the spend per purchase. Any count model the shop's backtest chooses (or the user pins),
 * fitted in days, plus Gamma-Gamma (or the stated spend fallback) fills it.
 */
import type { CalibrationRow } from './calibration'
import type { BgNbdParams } from './models/bgnbd'
import { bgnbdModel, lomaxWaitQuantile, type CountModel } from './models/count-models'
import { expectedSpendFen, type SpendModel } from './spend'

/** Days from the as-of date: the median wait and an 80% interval (10th and 90th percentiles). */
export interface NextPurchaseDays {
  median: number
  low: number
  high: number
}

export interface ScoringModel {
  /** the count model's name as the CLI and page show it ('bgnbd', 'mbgcnbd' …) */
  name: string
  spend: SpendModel
  /** expected purchase days in the `horizonDays` days after the as-of date */
  expectedPurchases(row: CalibrationRow, horizonDays: number): number
  pAlive(row: CalibrationRow): number
  /** the wait for the next purchase if the customer is still one; null when the model cannot say */
  nextPurchaseDays(row: CalibrationRow): NextPurchaseDays | null
  /** expected value of one purchase in fen */
  valuePerPurchaseFen(row: CalibrationRow): number
}

/** BG/NBD's wait quantile (a Lomax, see lomaxWaitQuantile). */
export function bgnbdWaitQuantile(p: BgNbdParams, x: number, T: number, q: number): number {
  return lomaxWaitQuantile(p.r, p.alpha, x, T, q)
}

/** A count model fitted with one day as its unit, for counts, P(alive) and waits. */
export function countScoringModel(m: CountModel, spend: SpendModel): ScoringModel {
  return {
    name: m.name,
    spend,
    expectedPurchases: (r, horizonDays) => m.expected(horizonDays, r.x, r.txDays, r.TDays),
    pAlive: (r) => m.pAlive(r.x, r.txDays, r.TDays),
    nextPurchaseDays: (r) => {
      const wait = {
        median: m.waitQuantile(0.5, r.x, r.txDays, r.TDays),
        low: m.waitQuantile(0.1, r.x, r.txDays, r.TDays),
        high: m.waitQuantile(0.9, r.x, r.txDays, r.TDays)
      }
      return Number.isFinite(wait.median) && Number.isFinite(wait.low) && Number.isFinite(wait.high) ? wait : null
    },
    valuePerPurchaseFen: (r) => expectedSpendFen(spend, r.spendDays, r.zbarFen)
  }
}

/** BG/NBD for counts, P(alive) and waits, fitted on purchase days (unit: one day). */
export function bgnbdScoringModel(params: BgNbdParams, spend: SpendModel): ScoringModel {
  return countScoringModel(bgnbdModel(params, Number.NaN), spend)
}
