/**
 * Purchase days per customer read from the ledger: orders that are purchases
 * (is_purchase = 1), pooled by calendar day (two receipts on one day are one purchase, as
 * in the literature), with the day's total in fen. Only live customers count.
 */
import type { Db } from '../../db/driver'
import { addDays, dayNumber } from '../../../shared/domain/dates'
import { LIVE_CUSTOMER } from '../stats/stats-service'

export interface CustomerHistory {
  customerId: number
  /** purchase days as day numbers (days since 1970-01-01), ascending */
  days: number[]
  /** each day's purchase total in fen */
  fen: number[]
}

/** Every live customer's purchase days up to and including `upTo`. */
export function readPurchaseHistory(db: Db, upTo: string): CustomerHistory[] {
  const rows = db
    .prepare(
      `SELECT o.customer_id, substr(o.ordered_at, 1, 10) AS day, sum(o.total_fen)
       FROM orders o JOIN customers c ON c.id = o.customer_id AND ${LIVE_CUSTOMER}
       WHERE o.is_purchase = 1 AND o.ordered_at < ?
       GROUP BY o.customer_id, day
       ORDER BY o.customer_id, day`
    )
    .raw()
    .iterate(addDays(upTo, 1)) as IterableIterator<[number, string, number]>
  const out: CustomerHistory[] = []
  let current: CustomerHistory | undefined
  for (const [customerId, day, fen] of rows) {
    if (!current || current.customerId !== customerId) {
      current = { customerId, days: [], fen: [] }
      out.push(current)
    }
    current.days.push(dayNumber(day))
    current.fen.push(fen)
  }
  return out
}

/** One customer's purchase days up to and including `upTo`. */
export function readCustomerHistory(db: Db, customerId: number, upTo: string): CustomerHistory {
  const rows = db
    .prepare(
      `SELECT substr(ordered_at, 1, 10) AS day, sum(total_fen) FROM orders
       WHERE customer_id = ? AND is_purchase = 1 AND ordered_at < ? GROUP BY day ORDER BY day`
    )
    .raw()
    .all(customerId, addDays(upTo, 1)) as [string, number][]
  return { customerId, days: rows.map((r) => dayNumber(r[0])), fen: rows.map((r) => r[1]) }
}
