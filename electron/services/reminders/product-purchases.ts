/**
 * Who bought which product on which days, and how many units each day: sale lines only
 * (positive quantity, not a refund), of live customers, up to a date. The call list and the
 * days-per-unit table both start from this whole-shop read (370 ms of a 900 ms call list at
 * 20,000 customers), so it is kept per date until the data changes; its answer is read only.
 */
import type { Db } from '../../db/driver'
import { addDays, dayNumber } from '../../../shared/domain/dates'
import { LIVE_CUSTOMER } from '../stats/stats-service'
import { keptUntilWrite } from '../app/data-version'

export interface ProductPurchases {
  customerId: number
  productId: number
  /** purchase days (day numbers), ascending */
  days: number[]
  /** units bought on each of those days */
  quantities: number[]
  /** ISO date of the last day */
  lastDay: string
}

/** Every (customer, product) pair with its purchase days up to and including `asOf`; read again only after a write. */
export function readProductPurchases(db: Db, asOf: string): readonly ProductPurchases[] {
  return keptUntilWrite(db, ['productPurchases', asOf], () => Object.freeze(queryProductPurchases(db, asOf)))
}

/** The read itself, kept or not (the kept answer is checked against it). */
export function queryProductPurchases(db: Db, asOf: string): ProductPurchases[] {
  const rows = db
    .prepare(
      `SELECT l.customer_id, l.product_id, substr(o.ordered_at, 1, 10) AS day, sum(l.quantity)
       FROM order_lines l
       JOIN orders o ON o.id = l.order_id
       JOIN customers c ON c.id = l.customer_id AND ${LIVE_CUSTOMER}
       WHERE l.quantity > 0 AND l.amount_fen >= 0 AND l.product_id IS NOT NULL AND o.ordered_at < ?
       GROUP BY l.customer_id, l.product_id, day
       ORDER BY l.customer_id, l.product_id, day`
    )
    .raw()
    .iterate(addDays(asOf, 1)) as IterableIterator<[number, number, string, number]>
  const out: ProductPurchases[] = []
  let cur: ProductPurchases | undefined
  for (const [customerId, productId, day, qty] of rows) {
    if (!cur || cur.customerId !== customerId || cur.productId !== productId) {
      cur = { customerId, productId, days: [], quantities: [], lastDay: day }
      out.push(cur)
    }
    cur.days.push(dayNumber(day))
    cur.quantities.push(qty)
    cur.lastDay = day
  }
  return out
}
