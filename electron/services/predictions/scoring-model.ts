/**
 * What the scores staff see need from a fitted model, behind one small interface: expected
 * purchases over a horizon, P(alive), the wait until the next purchase (with an interval
 * where the model has one) and the spend per purchase. BG/NBD + Gamma-Gamma (or the stated
 * spend fallback) is the model today; a regular-buyer model chosen by the shop's backtest
 * slots in by implementing the same interface.
 */
import type { CalibrationRow } from './calibration'
import { bgnbdExpected, bgnbdPAlive, fitBgNbd, type BgNbdParams } from './models/bgnbd'
import { groupDays } from './models/rfm'
import { expectedSpendFen, type SpendModel } from './spend'

/** Days from the as-of date: the median wait and an 80% interval (10th and 90th percentiles). */
export interface NextPurchaseDays {
  median: number
  low: number
  high: number
}

export interface ScoringModel {
  /** the count model's name as the CLI and page show it ('bgnbd', later 'bgcnbd' …) */
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

/**
 * The q-quantile of the wait for the next purchase under BG/NBD given the customer is alive:
 * the rate's posterior is Gamma(r + x, α + T), so the wait is Lomax with
 * P(W > w) = ((α + T) / (α + T + w))^(r + x), and w_q = (α + T)((1 − q)^(−1/(r + x)) − 1).
 */
export function bgnbdWaitQuantile(p: BgNbdParams, x: number, T: number, q: number): number {
  return (p.alpha + T) * (Math.pow(1 - q, -1 / (p.r + x)) - 1)
}

/** BG/NBD for counts, P(alive) and waits, fitted on purchase days (unit: one day). */
export function bgnbdScoringModel(params: BgNbdParams, spend: SpendModel): ScoringModel {
  return {
    name: 'bgnbd',
    spend,
    expectedPurchases: (r, horizonDays) => bgnbdExpected(params, horizonDays, r.x, r.txDays, r.TDays),
    pAlive: (r) => bgnbdPAlive(params, r.x, r.txDays, r.TDays),
    nextPurchaseDays: (r) => ({
      median: bgnbdWaitQuantile(params, r.x, r.TDays, 0.5),
      low: bgnbdWaitQuantile(params, r.x, r.TDays, 0.1),
      high: bgnbdWaitQuantile(params, r.x, r.TDays, 0.9)
    }),
    valuePerPurchaseFen: (r) => expectedSpendFen(spend, r.spendDays, r.zbarFen)
  }
}

/** Fit BG/NBD in days on the rows (throws a DomainError when the data cannot pin it down). */
export function fitBgnbdScoringModel(rows: CalibrationRow[], spend: SpendModel): ScoringModel {
  const groups = groupDays(
    rows.map((r) => r.x),
    rows.map((r) => r.txDays),
    rows.map((r) => r.TDays),
    1
  )
  return bgnbdScoringModel(fitBgNbd(groups).params, spend)
}
