/**
 * From purchase days to what the models read, as of a calibration end date (inclusive):
 * x = purchase days after the first, t_x and T in whole days from the first purchase to the
 * last one and to the calibration end, z̄ = the mean of the repeat days' totals (the first
 * day excluded, as in Fader, Hardie & Lee), the sum of the log gaps between purchase days
 * (what the regular-timing models read beyond x, t_x, T), and the purchase days after the
 * end, for backtests. Customers whose first purchase comes after the end are not in the calibration.
 */
import type { CustomerHistory } from './purchase-history'

export interface CalibrationRow {
  customerId: number
  x: number
  txDays: number
  TDays: number
  /** mean repeat-day value in fen; 0 when there is no repeat day with a positive total */
  zbarFen: number
  /** repeat days whose total was positive (the spend model's x) */
  spendDays: number
  /** Σ ln(days between consecutive purchase days) within the calibration; 0 for one-time buyers */
  littDays: number
  /** purchase days after the calibration end, as days after it (1 = the next day) */
  later: number[]
}

/** Summaries for every customer who had bought by `endDay` (a day number). */
export function calibrate(histories: CustomerHistory[], endDay: number): CalibrationRow[] {
  const rows: CalibrationRow[] = []
  for (const h of histories) {
    if (h.days.length === 0 || h.days[0] > endDay) continue
    const first = h.days[0]
    let x = 0
    let last = first
    let spend = 0
    let spendDays = 0
    let littDays = 0
    const later: number[] = []
    for (let i = 1; i < h.days.length; i++) {
      const d = h.days[i]
      if (d <= endDay) {
        x++
        // purchases are pooled by day, so every gap is at least one day
        littDays += Math.log(d - last)
        last = d
        if (h.fen[i] > 0) {
          spend += h.fen[i]
          spendDays++
        }
      } else later.push(d - endDay)
    }
    rows.push({
      customerId: h.customerId,
      x,
      txDays: last - first,
      TDays: endDay - first,
      zbarFen: spendDays > 0 ? spend / spendDays : 0,
      spendDays,
      littDays,
      later
    })
  }
  return rows
}
