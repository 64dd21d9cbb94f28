/**
 * RFM: recency, frequency, monetary. Only customers with a purchase are scored.
 *
 * Scores 1–5 are quintiles by rank: score = 1 + floor(5 × (rank − 1) / n), where rank is 1 +
 * the number of buyers strictly worse. Equal values therefore always get the same score
 * (ties are never split by id or by luck). R is HIGH for RECENT buyers (fewer days since the
 * last purchase is better); F counts purchase occasions, M sums spend.
 *
 * Classic named segments come from R and FM = (F + M) / 2 rounded half up, through the
 * 5 × 5 map below (rows R 5→1, columns FM 1→5). The Chinese 8-class scheme compares each of
 * R, F, M with the buyers' mean: R high = days since last purchase below the mean, F high =
 * orders above the mean, M high = spend above the mean (equal to the mean counts as low).
 */
export const rfmSchemes = ['classic', 'cn8'] as const
export type RfmScheme = (typeof rfmSchemes)[number]

export const classicSegments = [
  'Champions',
  'Loyal',
  'Potential Loyalist',
  'New',
  'Promising',
  'Need Attention',
  'About to Sleep',
  'At Risk',
  "Can't Lose Them",
  'Hibernating',
  'Lost'
] as const
export type ClassicSegment = (typeof classicSegments)[number]

export const classicLabels: Record<ClassicSegment, { zh: string; en: string }> = {
  Champions: { zh: '冠军客户', en: 'Champions' },
  Loyal: { zh: '忠诚客户', en: 'Loyal' },
  'Potential Loyalist': { zh: '潜力忠诚客户', en: 'Potential Loyalist' },
  New: { zh: '新客户', en: 'New' },
  Promising: { zh: '有潜力客户', en: 'Promising' },
  'Need Attention': { zh: '需要关注', en: 'Need Attention' },
  'About to Sleep': { zh: '即将沉睡', en: 'About to Sleep' },
  'At Risk': { zh: '有流失风险', en: 'At Risk' },
  "Can't Lose Them": { zh: '不能失去', en: "Can't Lose Them" },
  Hibernating: { zh: '冬眠客户', en: 'Hibernating' },
  Lost: { zh: '已流失', en: 'Lost' }
}

/** classicMap[R - 1][FM - 1]: the named segment for an R score and an FM score. */
export const classicMap: readonly (readonly ClassicSegment[])[] = [
  /* R=1 */ ['Lost', 'Lost', 'At Risk', 'At Risk', "Can't Lose Them"],
  /* R=2 */ ['Hibernating', 'Hibernating', 'At Risk', 'At Risk', "Can't Lose Them"],
  /* R=3 */ ['About to Sleep', 'About to Sleep', 'Need Attention', 'Loyal', 'Loyal'],
  /* R=4 */ ['Promising', 'Potential Loyalist', 'Loyal', 'Loyal', 'Champions'],
  /* R=5 */ ['New', 'Potential Loyalist', 'Potential Loyalist', 'Champions', 'Champions']
]

export const cn8Classes = ['重要价值', '重要发展', '重要保持', '重要挽留', '一般价值', '一般发展', '一般保持', '一般挽留'] as const
export type Cn8Class = (typeof cn8Classes)[number]

export const cn8Labels: Record<Cn8Class, { zh: string; en: string }> = {
  重要价值: { zh: '重要价值客户', en: 'Important value' },
  重要发展: { zh: '重要发展客户', en: 'Important to develop' },
  重要保持: { zh: '重要保持客户', en: 'Important to keep' },
  重要挽留: { zh: '重要挽留客户', en: 'Important to win back' },
  一般价值: { zh: '一般价值客户', en: 'General value' },
  一般发展: { zh: '一般发展客户', en: 'General to develop' },
  一般保持: { zh: '一般保持客户', en: 'General to keep' },
  一般挽留: { zh: '一般挽留客户', en: 'General to win back' }
}

/** The FM score: (F + M) / 2, halves rounded up. */
export function fmScore(f: number, m: number): number {
  return Math.floor((f + m + 1) / 2)
}

/** The classic named segment for R, F and M scores (1–5 each). */
export function classicSegment(r: number, f: number, m: number): ClassicSegment {
  return classicMap[r - 1][fmScore(f, m) - 1]
}

/**
 * The 8-class name: M decides 重要 / 一般; then R and F: both high → 价值, R high F low → 发展,
 * R low F high → 保持, both low → 挽留.
 */
export function cn8Class(rHigh: boolean, fHigh: boolean, mHigh: boolean): Cn8Class {
  // cn8Classes lists 重要 before 一般, each as 价值, 发展, 保持, 挽留
  return cn8Classes[(mHigh ? 0 : 4) + (rHigh ? (fHigh ? 0 : 1) : fHigh ? 2 : 3)]
}

/**
 * Quintile scores 1–5 by rank (see above); pass higherIsBetter = false for days since the last
 * purchase. The reference the SQL version is tested against.
 */
export function quintileScores(values: readonly number[], higherIsBetter: boolean): number[] {
  const n = values.length
  const sorted = [...values].sort((a, b) => (higherIsBetter ? a - b : b - a))
  // rank = 1 + count of strictly worse values = 1 + index of the first equal value in worst-first order
  const firstIndex = new Map<number, number>()
  sorted.forEach((v, i) => {
    if (!firstIndex.has(v)) firstIndex.set(v, i)
  })
  return values.map((v) => 1 + Math.floor((5 * firstIndex.get(v)!) / n))
}
