/**
 * Ranking by expected value: value at stake × chance of return.
 * With enough repeat buyers (the predictions' own threshold) the fitted models decide:
 *   value at stake = Gamma-Gamma expected value of one purchase (fen);
 *   chance of return = 1 − exp(−E[purchases in the next 26 weeks]) from BG/NBD, i.e. the
 *   Poisson chance of at least one purchase (P(alive) alone is 1 for every one-time buyer).
 * Otherwise (a young or small shop) a transparent rule anyone can check by hand:
 *   value at stake = average order value (purchase orders up to the plan date);
 *   chance of return = 0.9 / (1 + max(0, r − 1)), r = days since the last purchase ÷ the
 *   customer's usual interval ((last − first) ÷ (orders − 1)); one-order customers take the
 *   median interval of the candidates (90 days when nobody has two orders).
 * So a customer still within their rhythm scores 0.9 × AOV, one silent for twice their
 * rhythm 0.45 × AOV, three times 0.3 × AOV.
 */
import type { Db } from '../../db/driver'
import { DomainError } from '../../../shared/result'
import { addDays, dayNumber, daysBetween } from '../../../shared/domain/dates'
import { readPurchaseHistory } from '../predictions/purchase-history'
import { calibrate, type CalibrationRow } from '../predictions/calibration'
import { fitForScoring } from '../predictions/clv-service'
import { bgnbdExpected, type BgNbdParams } from '../predictions/models/bgnbd'
import { expectedSpendFen, type SpendModel } from '../predictions/spend'

export interface CandidateScore {
  customerId: number
  /** value at stake, fen */
  valueFen: number
  /** chance of return, 0..1 */
  pReturn: number
  /** valueFen × pReturn */
  score: number
}

export interface Scoring {
  /** 'model': BG/NBD + Gamma-Gamma; 'rules': the hand-checkable rule */
  mode: 'model' | 'rules'
  scores: CandidateScore[]
}

const DEFAULT_INTERVAL_DAYS = 90
const HORIZON_WEEKS = 26

/** Scores for these customers as of a date, in the order given, by the models when the shop supports them. */
export function scoreCandidates(db: Db, customerIds: number[], asOf: string): Scoring {
  const model = modelScores(db, customerIds, asOf)
  return model ? { mode: 'model', scores: model } : { mode: 'rules', scores: ruleScores(db, customerIds, asOf) }
}

type Fit = { rows: Map<number, CalibrationRow>; bgnbd: BgNbdParams; spend: SpendModel } | null

/**
 * The last fit per database, keyed by the as-of date and a fingerprint of the orders: the
 * wizard re-plans at every step, and a fit over a whole shop takes seconds; any import,
 * undo or merge changes the fingerprint and so refits.
 */
const fits = new WeakMap<Db, { key: string; fit: Fit }>()

function fitFor(db: Db, asOf: string): Fit {
  const f = db
    .prepare('SELECT count(*) AS n, coalesce(max(id), 0) AS top, coalesce(sum(total_fen), 0) AS fen, coalesce(sum(customer_id), 0) AS who FROM orders')
    .get() as Record<string, number>
  const key = `${asOf}|${f.n}|${f.top}|${f.fen}|${f.who}`
  const cached = fits.get(db)
  if (cached?.key === key) return cached.fit
  const rows = calibrate(readPurchaseHistory(db, asOf), dayNumber(asOf))
  let fit: Fit = null
  try {
    const fitted = fitForScoring(rows, 'week')
    // campaigns keep their plain rule when Gamma-Gamma falls back (their choice, unchanged here)
    if (fitted.mode === 'model' && fitted.bgnbd && fitted.spend && !fitted.spend.fallback)
      fit = { rows: new Map(rows.map((r) => [r.customerId, r])), bgnbd: fitted.bgnbd, spend: fitted.spend }
  } catch (e) {
    // a fit that cannot settle (too little or too uniform data): the rule ranks instead
    if (!(e instanceof DomainError)) throw e
  }
  fits.set(db, { key, fit })
  return fit
}

/** Model scores, or null when there are too few repeat buyers or the models cannot be fitted. */
function modelScores(db: Db, customerIds: number[], asOf: string): CandidateScore[] | null {
  if (customerIds.length === 0) return null
  const fit = fitFor(db, asOf)
  if (!fit) return null
  const { bgnbd, spend, rows: byId } = fit
  try {
    return customerIds.map((customerId) => {
      const r = byId.get(customerId)
      if (!r) return { customerId, valueFen: 0, pReturn: 0, score: 0 }
      const expected = bgnbdExpected(bgnbd, HORIZON_WEEKS, r.x, r.txDays / 7, r.TDays / 7)
      const pReturn = 1 - Math.exp(-expected)
      const valueFen = Math.max(0, Math.round(expectedSpendFen(spend, r.spendDays, r.zbarFen)))
      return { customerId, valueFen, pReturn, score: valueFen * pReturn }
    })
  } catch (e) {
    // a Gamma-Gamma without a mean (q ≤ 1): the rule still ranks, and the plan says which scoring it used
    if (e instanceof DomainError) return null
    throw e
  }
}

/** The hand-checkable rule (see the head of this file). */
function ruleScores(db: Db, customerIds: number[], asOf: string): CandidateScore[] {
  const rows = db
    .prepare(
      `SELECT customer_id AS id, count(*) AS n, sum(total_fen) AS spend,
              substr(min(ordered_at), 1, 10) AS first, substr(max(ordered_at), 1, 10) AS last
       FROM orders WHERE is_purchase = 1 AND ordered_at < ? AND customer_id IN (SELECT value FROM json_each(?))
       GROUP BY customer_id`
    )
    .all(addDays(asOf, 1), JSON.stringify(customerIds)) as { id: number; n: number; spend: number; first: string; last: string }[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  const intervals = rows
    .filter((r) => r.n >= 2)
    .map((r) => daysBetween(r.first, r.last) / (r.n - 1))
    .sort((a, b) => a - b)
  const fallbackInterval = intervals.length ? intervals[Math.floor(intervals.length / 2)] : DEFAULT_INTERVAL_DAYS
  return customerIds.map((customerId) => {
    const r = byId.get(customerId)
    if (!r) return { customerId, valueFen: 0, pReturn: 0, score: 0 }
    const valueFen = Math.max(0, Math.round(r.spend / r.n))
    const interval = Math.max(1, r.n >= 2 ? daysBetween(r.first, r.last) / (r.n - 1) : fallbackInterval)
    const ratio = daysBetween(r.last, asOf) / interval
    const pReturn = 0.9 / (1 + Math.max(0, ratio - 1))
    return { customerId, valueFen, pReturn, score: valueFen * pReturn }
  })
}
