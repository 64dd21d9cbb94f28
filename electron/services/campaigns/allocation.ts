/**
 * The budget and the holdout, without a database: from candidates ranked by expected value,
 * take the longest top run (the pool) such that, after a seeded share of it is held out as
 * the control, every treated member gets a gift in stock and the treated total stays within
 * the budget. Treated and control come from the same ranks, so they are comparable; the
 * budget is never exceeded because a pool that would exceed it is never accepted.
 */
import type { GiftOption } from './gift-match'
import { seededSample } from './seeded-draw'

export interface RankedCandidate {
  customerId: number
  /** gifts in the order this customer should get them (see giftPreference) */
  preference: { gift: GiftOption; fit: number }[]
}

export interface Assignment {
  customerId: number
  gift: GiftOption
  matched: boolean
  /** gift + postage, fen */
  costFen: number
}

export interface AllocationInput {
  ranked: RankedCandidate[]
  budgetFen: number
  postageFen: number
  holdout: number
  seed: number | string
}

export interface Allocation {
  /** how many top-ranked candidates form the pool */
  poolSize: number
  treated: Assignment[]
  control: number[]
  costFen: number
  /** stock left per SKU after the treated are served (counted gifts only) */
  stockLeft: Map<string, number>
}

type Attempt = { ok: true; treated: Assignment[]; control: number[]; costFen: number; stockLeft: Map<string, number> } | { ok: false }

/** Serve customers in order, each the first preferred gift in stock that the remaining budget allows. */
function serve(
  customers: RankedCandidate[],
  budgetFen: number,
  postageFen: number
): { served: Assignment[]; failedAt: number | null; stockLeft: Map<string, number>; costFen: number } {
  const stockLeft = new Map<string, number>()
  const served: Assignment[] = []
  let costFen = 0
  for (let i = 0; i < customers.length; i++) {
    const c = customers[i]
    const pick = c.preference.find(({ gift }) => {
      const left = gift.stock === null ? Infinity : (stockLeft.get(gift.sku) ?? gift.stock)
      return left > 0 && costFen + gift.costFen + postageFen <= budgetFen
    })
    if (!pick) return { served, failedAt: i, stockLeft, costFen }
    if (pick.gift.stock !== null) stockLeft.set(pick.gift.sku, (stockLeft.get(pick.gift.sku) ?? pick.gift.stock) - 1)
    const cost = pick.gift.costFen + postageFen
    costFen += cost
    served.push({ customerId: c.customerId, gift: pick.gift, matched: pick.fit > 0, costFen: cost })
  }
  return { served, failedAt: null, stockLeft, costFen }
}

/** The control share of a pool of this size. */
export function controlSize(poolSize: number, holdout: number): number {
  return Math.round(poolSize * holdout)
}

function attempt(input: AllocationInput, poolSize: number): Attempt {
  const pool = input.ranked.slice(0, poolSize)
  const control = seededSample(
    pool.map((c) => c.customerId),
    controlSize(poolSize, input.holdout),
    input.seed
  )
  const treated = pool.filter((c) => !control.has(c.customerId))
  const r = serve(treated, input.budgetFen, input.postageFen)
  if (r.failedAt !== null) return { ok: false }
  return {
    ok: true,
    treated: r.served,
    control: pool.filter((c) => control.has(c.customerId)).map((c) => c.customerId),
    costFen: r.costFen,
    stockLeft: r.stockLeft
  }
}

/** The largest pool (found by stepping down, then bisecting) whose treated members all fit. */
export function allocate(input: AllocationInput): Allocation {
  const n = input.ranked.length
  // how far the budget and stock reach with nobody held out, then widened by the holdout share
  const reach = serve(input.ranked, input.budgetFen, input.postageFen).served.length
  let size = Math.min(n, Math.ceil(reach / (1 - input.holdout)) + 1)
  let best = attempt(input, size)
  let failed = -1
  let step = 1
  while (!best.ok) {
    failed = size
    size = Math.max(0, size - step)
    step *= 2
    best = attempt(input, size)
  }
  // between the last size that failed and one that fits, keep the largest that fits
  let lo = size
  let hi = failed
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1
    const a = attempt(input, mid)
    if (a.ok) {
      lo = mid
      best = a
    } else hi = mid
  }
  if (!best.ok) throw new Error('unreachable: an empty pool always fits')
  return { poolSize: lo, treated: best.treated, control: best.control, costFen: best.costFen, stockLeft: best.stockLeft }
}
