/**
 * Derived figures kept in step with the ledger: each order's total and whether it is a
 * purchase (any sale line, a free one at 0 fen included; an order of returns only is not), one summary row per
 * customer, and one row per customer and purchase month. Passing no ids refreshes everything.
 */
import type { Db } from '../../db/driver'

function withScope(db: Db, table: string, ids: number[] | undefined, body: (scoped: boolean) => void): void {
  if (ids === undefined) return body(false)
  if (ids.length === 0) return
  db.exec(`CREATE TEMP TABLE IF NOT EXISTS ${table} (id INTEGER PRIMARY KEY); DELETE FROM ${table};`)
  const insert = db.prepare(`INSERT OR IGNORE INTO ${table} (id) VALUES (?)`)
  for (const id of ids) insert.run(id)
  body(true)
  db.exec(`DELETE FROM ${table}`)
}

/**
 * Purchase occasions and spend (returns included) of a group of orders: the summaries'
 * definition, which the segments snapshot also applies to the orders before or after a date,
 * so that summaries minus later orders give the figures as of it.
 */
export const PURCHASE_TOTALS = `sum(is_purchase) AS orders, sum(total_fen) AS spend_fen`

/** The totals and the distinct purchase days of the same group of orders. */
export const PURCHASE_COUNTS = `${PURCHASE_TOTALS},
  count(DISTINCT CASE WHEN is_purchase THEN substr(ordered_at, 1, 10) END) AS purchase_days`

/** First and last purchase and the channels bought through, of the same group of orders. */
export const PURCHASE_SPAN = `min(CASE WHEN is_purchase THEN ordered_at END) AS first_purchase,
  max(CASE WHEN is_purchase THEN ordered_at END) AS last_purchase,
  count(DISTINCT CASE WHEN is_purchase THEN channel END) AS channels`

export function refreshOrderTotals(db: Db, orderIds?: number[]): void {
  withScope(db, 'scope_orders', orderIds, (scoped) => {
    db.exec(`
      UPDATE orders SET
        total_fen = coalesce((SELECT sum(amount_fen) FROM order_lines WHERE order_id = orders.id), 0),
        is_purchase = EXISTS (SELECT 1 FROM order_lines WHERE order_id = orders.id AND (amount_fen > 0 OR (amount_fen = 0 AND quantity > 0)))
      ${scoped ? 'WHERE id IN (SELECT id FROM scope_orders)' : ''}`)
  })
}

export function refreshSummaries(db: Db, customerIds?: number[]): void {
  withScope(db, 'scope_customers', customerIds, (scoped) => {
    const where = scoped ? 'WHERE o.customer_id IN (SELECT id FROM scope_customers)' : 'WHERE o.customer_id IS NOT NULL'
    db.exec(`DELETE FROM customer_summaries ${scoped ? 'WHERE customer_id IN (SELECT id FROM scope_customers)' : ''}`)
    db.exec(`
      INSERT INTO customer_summaries
        (customer_id, orders, spend_fen, purchase_days, first_purchase, last_purchase, channels, returns_fen, categories)
      SELECT o.customer_id,
             ${PURCHASE_COUNTS},
             ${PURCHASE_SPAN},
             coalesce((SELECT sum(l.amount_fen) FROM order_lines l WHERE l.customer_id = o.customer_id AND l.amount_fen < 0), 0),
             (SELECT count(DISTINCT p.category) FROM order_lines l JOIN products p ON p.id = l.product_id
               WHERE l.customer_id = o.customer_id AND l.amount_fen > 0)
      FROM orders o
      ${where}
      GROUP BY o.customer_id`)
    // the customer's purchase months, each with its first and last purchase
    db.exec(`DELETE FROM customer_months ${scoped ? 'WHERE customer_id IN (SELECT id FROM scope_customers)' : ''}`)
    db.exec(`
      INSERT INTO customer_months (customer_id, month, first_month, first_at, last_at)
      SELECT o.customer_id, substr(o.ordered_at, 1, 7), substr(s.first_purchase, 1, 7), min(o.ordered_at), max(o.ordered_at)
      FROM orders o JOIN customer_summaries s ON s.customer_id = o.customer_id
      ${where} AND o.is_purchase = 1
      GROUP BY o.customer_id, substr(o.ordered_at, 1, 7)`)
  })
}
