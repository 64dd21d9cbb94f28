/**
 * How today's calls are ranked, so a shop that makes thirty calls makes the thirty that matter.
 *
 * Each reason gets an urgency from 0 to 100:
 * - a birthday today 100; one in d days 60 − 5d (a belated call is not the same call);
 * - an open complaint 80 (an unhappy customer waits for nobody);
 * - a replenishment 70 on the run-out day, 70 − 5d when it runs out in d days (so a can that
 *   runs out next week scores 35), 70 − 2d when it ran out d days ago (they may have bought
 *   elsewhere by now), never below 40 once it has run out;
 * - a slide to the next lifecycle stage in d days 50 − 4d.
 * A customer's score = the most pressing reason's urgency + 5 for each further reason (one call
 * serves them all) + up to 30 points for value: 30 × the share of the shop's buying customers of
 * the last 365 days who spent less than they did (the best customer 30, the smallest 0).
 * Today's birthdays come first whatever the scores; then the score, the earliest due date, the
 * customer id.
 */
import type { Db } from '../../db/driver'
import { addDays } from '../../../shared/domain/dates'
import { LIVE_CUSTOMER } from '../stats/stats-service'

export const birthdayUrgency = (inDays: number): number => (inDays <= 0 ? 100 : Math.max(0, 60 - 5 * inDays))
export const COMPLAINT_URGENCY = 80
/** `runsOutIn` = run-out date − today in days (negative once it ran out). */
export const replenishUrgency = (runsOutIn: number): number => (runsOutIn >= 0 ? Math.max(0, 70 - 5 * runsOutIn) : Math.max(40, 70 + 2 * runsOutIn))
export const slideUrgency = (inDays: number): number => Math.max(0, 50 - 4 * inDays)

export const FURTHER_REASON_POINTS = 5
export const VALUE_POINTS = 30

/**
 * What each customer spent in the 365 days up to and including `date`, fen (customers who spent
 * nothing are absent). An order's total is the sum of its lines (the ledger keeps it), so the
 * orders of the year are summed off the time index (orders_time_purchase covers it) instead of
 * joining every line of the year to its order: 14,000 spenders at 20,000 customers in 73 ms
 * against 361 ms, the same sums (tests/integration/reminders/hot-calls-same.test.ts).
 */
export function yearSpend(db: Db, date: string): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT o.customer_id, sum(o.total_fen) FROM orders o
       JOIN customers c ON c.id = o.customer_id AND ${LIVE_CUSTOMER}
       WHERE o.ordered_at >= ? AND o.ordered_at < ? GROUP BY o.customer_id`
    )
    .raw()
    .all(addDays(date, -364), addDays(date, 1)) as [number, number][]
  return new Map(rows.filter(([, fen]) => fen > 0))
}

/** Value points per customer: 30 × share of the other buying customers who spent less (0 for no spend). */
export function valuePoints(spend: ReadonlyMap<number, number>): (customerId: number) => number {
  const sorted = [...spend.values()].sort((a, b) => a - b)
  const lessThan = (fen: number) => {
    let lo = 0
    let hi = sorted.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if (sorted[mid] < fen) lo = mid + 1
      else hi = mid
    }
    return lo
  }
  return (id) => {
    const fen = spend.get(id)
    if (fen === undefined) return 0
    return sorted.length === 1 ? VALUE_POINTS : (VALUE_POINTS * lessThan(fen)) / (sorted.length - 1)
  }
}

/** The row's score from its reasons' urgencies (any order) and its value points. */
export function callScore(urgencies: number[], value: number): number {
  const top = Math.max(...urgencies)
  return Math.round((top + FURTHER_REASON_POINTS * (urgencies.length - 1) + value) * 10) / 10
}
