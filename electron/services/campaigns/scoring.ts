/**
 * Ranking by expected value: value at stake × chance of return. Until the predictions
 * service answers per customer, this is a transparent fallback anyone can check by hand:
 *   value at stake = average order value (purchase orders up to the plan date);
 *   chance of return = 0.9 / (1 + max(0, r − 1)), r = days since the last purchase ÷ the
 *   customer's usual interval ((last − first) ÷ (orders − 1)); one-order customers take the
 *   median interval of the candidates (90 days when nobody has two orders).
 * So a customer still within their rhythm scores 0.9 × AOV, one silent for twice their
 * rhythm 0.45 × AOV, three times 0.3 × AOV. Switch the body of `scoreCandidates` to the
 * predictions (P(alive) × expected value) when it lands; callers need not change.
 */
import type { Db } from '../../db/driver'
import { addDays, daysBetween } from '../../../shared/domain/dates'

export interface CandidateScore {
  customerId: number
  /** value at stake, fen */
  valueFen: number
  /** chance of return, 0..1 */
  pReturn: number
  /** valueFen × pReturn */
  score: number
}

const DEFAULT_INTERVAL_DAYS = 90

/** Scores for these customers as of a date, in the order given. */
export function scoreCandidates(db: Db, customerIds: number[], asOf: string): CandidateScore[] {
  const rows = db
    .prepare(
      `SELECT customer_id AS id, count(*) AS n, sum(total_fen) AS spend,
              substr(min(ordered_at), 1, 10) AS first, substr(max(ordered_at), 1, 10) AS last
       FROM orders WHERE is_purchase = 1 AND ordered_at < ? AND customer_id IN (SELECT value FROM json_each(?))
       GROUP BY customer_id`
    )
    .all(addDays(asOf, 1), JSON.stringify(customerIds)) as { id: number; n: number; spend: number; first: string; last: string }[]
  const byId = new Map(rows.map((r) => [r.id, r]))
  const intervals = rows.filter((r) => r.n >= 2).map((r) => daysBetween(r.first, r.last) / (r.n - 1)).sort((a, b) => a - b)
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
