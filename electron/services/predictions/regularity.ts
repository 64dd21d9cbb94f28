/**
 * What the regular-timing models read beyond (x, t_x, T), and how their k is said to staff:
 * k = 1 is random timing; a larger k is a steadier rhythm (gaps vary by about 1/√k of their
 * mean), named with the shop's own mean gap between purchase days.
 */
import type { Words } from '../../../shared/schemas/predictions'
import type { CalibrationRow } from './calibration'
import type { GapSummary } from './models/bgcnbd'

/** Σ log gaps in the model's unit: each day-gap divided by `daysPerUnit`. */
export function gapSummary(rows: CalibrationRow[], daysPerUnit: number): GapSummary {
  let littSum = 0
  const shift = Math.log(daysPerUnit)
  for (const r of rows) littSum += r.littDays - r.x * shift
  return { littSum }
}

/** Mean days between purchase days over every repeat buyer's gaps; null without repeat buyers. */
export function meanGapDays(rows: CalibrationRow[]): number | null {
  let days = 0
  let gaps = 0
  for (const r of rows) {
    days += r.txDays
    gaps += r.x
  }
  return gaps > 0 ? days / gaps : null
}

/** The regularity in words: 「买得很有规律，大约每 N 天一次」 for k ≥ 2, plainly "no rhythm" for k = 1. */
export function describeRegularity(k: number, gapDays: number | null): Words {
  if (k <= 1 || gapDays === null) {
    return {
      zh: '购买时间没有明显规律（间隔长短随机）',
      en: 'no clear rhythm: the gaps between purchases vary at random'
    }
  }
  const n = Math.max(1, Math.round(gapDays))
  const steady = k >= 3 ? { zh: '买得很有规律', en: 'buys very regularly' } : { zh: '买得比较有规律', en: 'buys fairly regularly' }
  return {
    zh: `${steady.zh}，大约每 ${n} 天一次`,
    en: `${steady.en}, about every ${n} days`
  }
}
