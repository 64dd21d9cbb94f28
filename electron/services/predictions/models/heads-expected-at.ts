/**
 * E[X(t)] at every horizon of `ts` for one customer at a time, for a backtest that asks every
 * customer at each week's end, for the BG/NBD family whose expectation is head(t, x, T) ×
 * P(alive | x, t_x, T): P(alive) is computed once per customer, and the head, which depends on
 * (x, T, t) only, once per distinct x and T and shared by every customer with them (a shop of
 * 200,000 has about a tenth as many (x, T) as (x, t_x, T)). Heads are kept for one `ts` at a
 * time. The same arithmetic in the same order as the model's one-horizon expectation, so the
 * same figures to the last bit.
 */
export interface HeadTimesAlive {
  /** the model's own one-horizon expectation, used where the head has a removable singularity */
  expected: (t: number, x: number, tx: number, T: number) => number
  /** true when the head cannot be evaluated directly (BG/NBD and MBG/NBD at a = 1) */
  singular: boolean
  head: (t: number, x: number, T: number) => number
  pAlive: (x: number, tx: number, T: number) => number
  /** head × P(alive) checked and floored as the model's expectation does */
  value: (headTimesAlive: number, x: number) => number
}

export type ExpectedAt = (ts: Float64Array, x: number, tx: number, T: number, out: Float64Array) => void

export function headsExpectedAt(m: HeadTimesAlive): ExpectedAt {
  if (m.singular)
    return (ts, x, tx, T, out) => {
      for (let k = 0; k < ts.length; k++) out[k] = m.expected(ts[k], x, tx, T)
    }
  let forTs: Float64Array | null = null
  let cache = new Map<number, Map<number, Float64Array>>()
  return (ts, x, tx, T, out) => {
    if (ts !== forTs) {
      forTs = ts
      cache = new Map()
    }
    let byT = cache.get(x)
    if (!byT) cache.set(x, (byT = new Map()))
    let heads = byT.get(T)
    if (!heads) {
      heads = new Float64Array(ts.length)
      for (let k = 0; k < ts.length; k++) heads[k] = ts[k] > 0 ? m.head(ts[k], x, T) : 0
      byT.set(T, heads)
    }
    const alive = m.pAlive(x, tx, T)
    for (let k = 0; k < ts.length; k++) out[k] = ts[k] > 0 ? m.value(heads[k] * alive, x) : 0
  }
}
