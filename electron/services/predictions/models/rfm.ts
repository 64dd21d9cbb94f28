/**
 * The per-customer summary the purchase models read: x repeat purchase days, t_x the time
 * of the last purchase and T the time since the first, both measured from the first
 * purchase. Customers with identical (x, t_x, T) are pooled with a weight, which shortens
 * every likelihood evaluation (many customers share a triple when times are whole days).
 */
import { refuse } from '../../../../shared/errors/refuse'

export interface Rfm {
  x: number
  tx: number
  T: number
}

/** Pooled triples: parallel arrays, weight = number of customers with that triple. */
export interface RfmGroups {
  x: Float64Array
  tx: Float64Array
  T: Float64Array
  weight: Float64Array
  /** number of customers behind the groups */
  customers: number
  /** customers with at least one repeat purchase */
  repeatBuyers: number
  /** for each input customer, the index of its group (groupDays only) */
  groupOf?: Int32Array
}

/**
 * Pool customers given in whole days; `daysPerUnit` turns days into the model's unit
 * (1 for days, 7 for weeks).
 */
export function groupDays(x: ArrayLike<number>, txDays: ArrayLike<number>, TDays: ArrayLike<number>, daysPerUnit: number): RfmGroups {
  const index = new Map<number | string, number>()
  const gx: number[] = []
  const gtx: number[] = []
  const gT: number[] = []
  const gw: number[] = []
  let repeatBuyers = 0
  const groupOf = new Int32Array(x.length)
  for (let i = 0; i < x.length; i++) {
    const xi = x[i]
    if (xi > 0) repeatBuyers++
    // whole days below 2^20 and counts below 2^12 pack exactly into one double
    const small = xi < 4096 && TDays[i] < 1_048_576 && Number.isInteger(xi) && Number.isInteger(txDays[i]) && Number.isInteger(TDays[i])
    const key = small ? (xi * 1_048_576 + txDays[i]) * 1_048_576 + TDays[i] : `${xi}|${txDays[i]}|${TDays[i]}`
    const at = index.get(key)
    if (at !== undefined) {
      gw[at]++
      groupOf[i] = at
    } else {
      groupOf[i] = gx.length
      index.set(key, gx.length)
      gx.push(xi)
      gtx.push(txDays[i] / daysPerUnit)
      gT.push(TDays[i] / daysPerUnit)
      gw.push(1)
    }
  }
  return {
    x: Float64Array.from(gx),
    tx: Float64Array.from(gtx),
    T: Float64Array.from(gT),
    weight: Float64Array.from(gw),
    customers: x.length,
    repeatBuyers,
    groupOf
  }
}

/** Pool customers given directly in the model's unit (exact keys, for tests and tools). */
export function groupRfm(rows: Rfm[]): RfmGroups {
  const index = new Map<string, number>()
  const gx: number[] = []
  const gtx: number[] = []
  const gT: number[] = []
  const gw: number[] = []
  let repeatBuyers = 0
  for (const r of rows) {
    if (r.x > 0) repeatBuyers++
    const key = `${r.x}|${r.tx}|${r.T}`
    const at = index.get(key)
    if (at !== undefined) gw[at]++
    else {
      index.set(key, gx.length)
      gx.push(r.x)
      gtx.push(r.tx)
      gT.push(r.T)
      gw.push(1)
    }
  }
  return { x: Float64Array.from(gx), tx: Float64Array.from(gtx), T: Float64Array.from(gT), weight: Float64Array.from(gw), customers: rows.length, repeatBuyers }
}

/** Refuse data no model can learn from, with a message a shop owner understands. */
export function assertFittable(g: RfmGroups): void {
  if (g.customers === 0) throw refuse('noCustomersToFit')
  for (let i = 0; i < g.x.length; i++) {
    const bad = !(g.x[i] >= 0) || !(g.tx[i] >= 0) || !(g.T[i] >= g.tx[i]) || (g.x[i] > 0 && !(g.tx[i] > 0))
    if (bad) throw refuse('inconsistentCustomerData', { x: g.x[i], tx: g.tx[i], T: g.T[i] })
  }
  if (g.repeatBuyers === 0) {
    throw refuse('everyoneBoughtOnce', { customers: g.customers })
  }
  if (g.customers < 2) {
    throw refuse('singleCustomer')
  }
}

/** Mean of T over customers: the time scale used for starting points. */
export function meanT(g: RfmGroups): number {
  let s = 0
  for (let i = 0; i < g.T.length; i++) s += g.T[i] * g.weight[i]
  return s / g.customers
}
