/**
 * RFM scores from cut points. A quintile score (shared/domain/rfm.ts) depends only on the
 * value and rises with it, so four cut points per measure say it all; with the buyers' means
 * they decide both the classic names and the Chinese 8 classes. The same cuts are spelled
 * into the snapshot view's SQL (for rules and views) and applied here in JS (for the scheme
 * overview, which tallies 200,000 customers faster in memory than SQLite groups them); the
 * segments tests hold the two to the same answer.
 */
import { classicSegment, cn8Class, type ClassicSegment, type Cn8Class, classicMap } from '../../../shared/domain/rfm'

export interface RfmCuts {
  /** days since the last purchase at or below each cut score ≥ 2, 3, 4, 5 (R is high for recent buyers) */
  r: number[]
  /** orders / spend at or above each cut score ≥ 2, 3, 4, 5 */
  f: number[]
  m: number[]
  meanDays: number
  meanOrders: number
  meanSpend: number
}

/**
 * For values where higher is better: the smallest value scoring at least 2, 3, 4 and 5
 * (Infinity when no value reaches that score). A value scores ≥ k when the number of values
 * strictly below it is at least (k − 1) × n / 5. Each cut is found by selecting the value at
 * that position and then, if its run of equal values starts earlier, taking the next larger
 * value: linear passes instead of sorting 200,000 values three times.
 */
export function scoreCuts(values: ArrayLike<number>): number[] {
  const xs = Float64Array.from(values)
  const n = xs.length
  const cuts: number[] = []
  let lo = 0
  for (let k = 2; k <= 5; k++) {
    const j = Math.ceil(((k - 1) * n) / 5)
    if (j >= n) {
      cuts.push(Infinity)
      continue
    }
    // positions below lo already hold smaller-or-equal values, so the selection starts there
    const w = selectNth(xs, j, lo, n - 1)
    lo = j
    let below = 0
    let next = Infinity
    for (let i = 0; i < n; i++) {
      const x = xs[i]
      if (x < w) below++
      else if (x > w && x < next) next = x
    }
    cuts.push(below >= j ? w : next)
  }
  return cuts
}

/**
 * Hoare's selection: rearranges xs[lo..hi] so that xs[j] holds the value a sort would put
 * there, smaller-or-equal values before it and larger-or-equal after; returns that value.
 */
function selectNth(xs: Float64Array, j: number, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    // median of three as the pivot keeps already ordered input linear
    const a = xs[lo]
    const b = xs[mid]
    const c = xs[hi]
    const pivot = a < b ? (b < c ? b : a < c ? c : a) : a < c ? a : b < c ? c : b
    let i = lo
    let k = hi
    while (i <= k) {
      while (xs[i] < pivot) i++
      while (xs[k] > pivot) k--
      if (i <= k) {
        const t = xs[i]
        xs[i] = xs[k]
        xs[k] = t
        i++
        k--
      }
    }
    if (j <= k) hi = k
    else if (j >= i) lo = i
    else return xs[j]
  }
  return xs[j]
}

const mean = (xs: Float64Array) => xs.reduce((a, b) => a + b, 0) / xs.length

/** The cuts and means over the buyers' measures (null when nobody bought). */
export function rfmCuts(buyers: { days: Float64Array; orders: Float64Array; spend: Float64Array }): RfmCuts | null {
  const steps = rfmCutSteps(buyers)
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/**
 * rfmCuts a measure at a time, yielding between them (a stepped snapshot build: each measure
 * of 200,000 buyers is about 10 ms).
 */
export function* rfmCutSteps(buyers: { days: Float64Array; orders: Float64Array; spend: Float64Array }): Generator<void, RfmCuts | null> {
  if (buyers.days.length === 0) return null
  // R: negate days so that higher is better for the cut search, then negate the cuts back
  const r = scoreCuts(buyers.days.map((d) => -d)).map((c) => -c)
  yield
  const f = scoreCuts(buyers.orders)
  yield
  return { r, f, m: scoreCuts(buyers.spend), meanDays: mean(buyers.days), meanOrders: mean(buyers.orders), meanSpend: mean(buyers.spend) }
}

const above = (v: number, cuts: number[]) => 1 + (v >= cuts[0] ? 1 : 0) + (v >= cuts[1] ? 1 : 0) + (v >= cuts[2] ? 1 : 0) + (v >= cuts[3] ? 1 : 0)
const atMost = (v: number, cuts: number[]) => 1 + (v <= cuts[0] ? 1 : 0) + (v <= cuts[1] ? 1 : 0) + (v <= cuts[2] ? 1 : 0) + (v <= cuts[3] ? 1 : 0)

/** One buyer's scores and classes. */
export function rfmOf(c: RfmCuts, days: number, orders: number, spend: number): { r: number; f: number; m: number; classic: ClassicSegment; cn8: Cn8Class } {
  const r = atMost(days, c.r)
  const f = above(orders, c.f)
  const m = above(spend, c.m)
  return { r, f, m, classic: classicSegment(r, f, m), cn8: cn8Class(days < c.meanDays, orders > c.meanOrders, spend > c.meanSpend) }
}

/** A computed number as an SQL literal (±9e999 is how SQLite spells infinity). */
function literal(n: number): string {
  if (Number.isNaN(n)) throw new Error('RFM cut is not a number')
  return Number.isFinite(n) ? String(n) : n > 0 ? '9e999' : '-9e999'
}

/**
 * The view columns r, f, m, rfm_classic, rfm_cn8 over `days_last`, `orders`, `spend_fen`, as
 * SQL. The cuts are numbers computed here and the names constants of the code: no user value
 * reaches this text.
 */
export function rfmColumnsSql(c: RfmCuts | null): string {
  if (!c) return 'NULL AS r, NULL AS f, NULL AS m, NULL AS rfm_classic, NULL AS rfm_cn8'
  const { rExpr, fExpr, mExpr } = scoreSql(c, '')
  const cases = classicMap.flatMap((row, ri) => row.map((name, fi) => `WHEN ${ri + 1}${fi + 1} THEN '${name.replace(/'/g, "''")}'`)).join(' ')
  return `CASE WHEN orders > 0 THEN ${rExpr} END AS r,
      CASE WHEN orders > 0 THEN ${fExpr} END AS f,
      CASE WHEN orders > 0 THEN ${mExpr} END AS m,
      CASE WHEN orders > 0 THEN CASE ${rExpr} * 10 + (${fExpr} + ${mExpr} + 1) / 2 ${cases} END END AS rfm_classic,
      CASE WHEN orders > 0 THEN
        CASE WHEN spend_fen > ${literal(c.meanSpend)} THEN '重要' ELSE '一般' END ||
        CASE WHEN days_last < ${literal(c.meanDays)} THEN (CASE WHEN orders > ${literal(c.meanOrders)} THEN '价值' ELSE '发展' END)
             ELSE (CASE WHEN orders > ${literal(c.meanOrders)} THEN '保持' ELSE '挽留' END) END
      END AS rfm_cn8`
}

/** The R, F and M scores as SQL over the snapshot's columns (`prefix` names its alias). */
function scoreSql(c: RfmCuts, prefix: string): { rExpr: string; fExpr: string; mExpr: string } {
  const sum = (col: string, op: string, cuts: number[]) => `(1 + ${cuts.map((x) => `(${prefix}${col} ${op} ${literal(x)})`).join(' + ')})`
  return { rExpr: sum('days_last', '<=', c.r), fExpr: sum('orders', '>=', c.f), mExpr: sum('spend_fen', '>=', c.m) }
}

/**
 * A condition that holds for the buyers in any of the named segments (classic names or the 8
 * classes), NULL for customers who never bought: the memberships of the view's rfm_classic and
 * rfm_cn8 columns without naming every row. A classic name is a set of cells of the R × FM grid,
 * so the R score picks a row and only its buyers have F + M worked out; a class is three
 * comparisons with the means. (The benchmark's "At Risk or gold/diamond" count: 195–214 → 146–147 ms.)
 * Only cut points and the code's constants reach the SQL text.
 */
export function rfmNamesSql(c: RfmCuts | null, names: readonly string[], prefix: string): string {
  if (!c) return 'NULL'
  const { rExpr, fExpr, mExpr } = scoreSql(c, prefix)
  const parts: string[] = []
  const rows: string[] = []
  const scores = [1, 2, 3, 4, 5]
  for (const r of scores) {
    // the classic name follows R and F + M (through the FM score): the sums naming a wanted one
    const sums = new Set<number>()
    for (const f of scores) for (const m of scores) if (names.includes(classicSegment(r, f, m))) sums.add(f + m)
    if (sums.size === 9) rows.push(`WHEN ${r} THEN 1`)
    else if (sums.size > 0) rows.push(`WHEN ${r} THEN ${fExpr} + ${mExpr} IN (${[...sums].sort((a, b) => a - b).join(', ')})`)
  }
  if (rows.length > 0) parts.push(`CASE ${rExpr} ${rows.join(' ')} ELSE 0 END`)
  for (const mHigh of [true, false]) {
    for (const rHigh of [true, false]) {
      for (const fHigh of [true, false]) {
        if (!names.includes(cn8Class(rHigh, fHigh, mHigh))) continue
        parts.push(
          `(${prefix}spend_fen ${mHigh ? '>' : '<='} ${literal(c.meanSpend)} AND ${prefix}days_last ${rHigh ? '<' : '>='} ${literal(c.meanDays)}` +
            ` AND ${prefix}orders ${fHigh ? '>' : '<='} ${literal(c.meanOrders)})`
        )
      }
    }
  }
  return `CASE WHEN ${prefix}orders > 0 THEN ${parts.length > 0 ? parts.join(' OR ') : '0'} END`
}
