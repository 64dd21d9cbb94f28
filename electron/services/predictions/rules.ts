/**
 * The transparent rules every shop can check by hand, used alone when the data is too thin
 * for the models and beside them otherwise: how many purchase days, the customer's own usual
 * gap between them, and how long it has been since the last one, said in words.
 */
import type { Words } from '../../../shared/schemas/predictions'

export interface RuleFigures {
  purchaseDays: number
  daysSinceLast: number
  usualGapDays: number | null
  gapRatio: number | null
}

/** Figures from ascending purchase day numbers, as of a day number. */
export function ruleFigures(days: number[], asOfDay: number): RuleFigures {
  const n = days.length
  if (n === 0) return { purchaseDays: 0, daysSinceLast: 0, usualGapDays: null, gapRatio: null }
  const since = asOfDay - days[n - 1]
  if (n === 1) return { purchaseDays: 1, daysSinceLast: since, usualGapDays: null, gapRatio: null }
  const gap = (days[n - 1] - days[0]) / (n - 1)
  return { purchaseDays: n, daysSinceLast: since, usualGapDays: gap, gapRatio: since / gap }
}

const EN_TIMES = ['', 'once', 'twice', 'three times', 'four times', 'five times', 'six times', 'seven times', 'eight times', 'nine times', 'ten times']

/** A ratio as people say it: whole numbers when close to one, else one decimal. */
function roundRatio(r: number): number {
  const whole = Math.round(r)
  return Math.abs(r - whole) < 0.25 ? whole : Math.round(r * 10) / 10
}

const daysAgoZh = (d: number) => (d === 0 ? '今天' : ` ${d} 天前`)
const daysAgoEn = (d: number) => (d === 0 ? 'today' : d === 1 ? '1 day ago' : `${d} days ago`)

/** "买了 6 次，大约每 30 天一次；上次是 95 天前，是平时间隔的 3 倍" and its English. */
export function explainRules(f: RuleFigures): Words {
  if (f.purchaseDays === 0) return { zh: '还没有买过', en: 'has not bought yet' }
  if (f.usualGapDays === null || f.gapRatio === null) {
    return { zh: `只买过 1 次，${f.daysSinceLast === 0 ? '就是今天' : `是${daysAgoZh(f.daysSinceLast)}`}`, en: `bought once, ${daysAgoEn(f.daysSinceLast)}` }
  }
  const gap = Math.max(1, Math.round(f.usualGapDays))
  const head = {
    zh: `买了 ${f.purchaseDays} 次，大约每 ${gap} 天一次；上次是${daysAgoZh(f.daysSinceLast)}`,
    en: `bought ${f.purchaseDays} times, about every ${gap} ${gap === 1 ? 'day' : 'days'}; last ${daysAgoEn(f.daysSinceLast)}`
  }
  let tail: Words
  if (f.gapRatio >= 1.5) {
    const r = roundRatio(f.gapRatio)
    const en = Number.isInteger(r) && r < EN_TIMES.length ? EN_TIMES[r] : `${r} times`
    tail = { zh: `，是平时间隔的 ${r} 倍`, en: `, ${en} the usual gap` }
  } else if (f.gapRatio >= 1) {
    tail = { zh: '，比平时间隔稍长', en: ', a little past the usual gap' }
  } else {
    tail = { zh: '，还在平时间隔之内', en: ', still within the usual gap' }
  }
  return { zh: head.zh + tail.zh, en: head.en + tail.en }
}

/** The model's figures in words, appended to the rules' sentence. */
export function explainModel(expected: number, pAlive: number, horizon: number, unit: 'day' | 'week'): Words {
  const pct = Math.round(pAlive * 100)
  const e = expected.toFixed(1)
  return {
    zh: `；预计未来 ${horizon} ${unit === 'week' ? '周' : '天'}再买 ${e} 次，仍是回头客的可能约 ${pct}%`,
    en: `; expected ${e} purchases in the next ${horizon} ${unit}s, about ${pct}% likely still a customer`
  }
}
