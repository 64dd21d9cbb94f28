/**
 * Each customer's purchase figures as of a date, as the SELECT the snapshot build reads
 * (columns customer_id, orders, purchase_days, spend_fen, first_purchase, last_purchase,
 * channels; the parameter @next is the day after the as-of date). Customers without a row
 * bought nothing by then. Three ways to the same figures, picked by cost:
 * - `summaries`: the ledger's customer_summaries, exact when no order is newer than the date;
 * - `subtract`: the summaries minus the orders from the day after the date on, while those are
 *   the smaller part of the history (two months back on a two-year shop: 320 instead of 780 ms);
 * - `aggregate`: every order up to the date, grouped by customer.
 */
import type { Db } from '../../db/driver'
import { daysBetween } from '../../../shared/domain/dates'

export type FiguresSource = 'summaries' | 'subtract' | 'aggregate'

/**
 * The cheapest exact source for a date. Subtracting reads the orders after the date plus one
 * look-up per customer who bought after it, about twice the cost per order of grouping the
 * orders before it, so it is taken while the days after make up less than a third of the history.
 */
export function figuresSource(db: Db, asOf: string): FiguresSource {
  const newest = db.prepare('SELECT max(ordered_at) FROM orders').pluck().get() as string | null
  if (newest === null || newest.slice(0, 10) <= asOf) return 'summaries'
  const oldest = db.prepare('SELECT min(ordered_at) FROM orders').pluck().get() as string
  const after = daysBetween(asOf, newest.slice(0, 10))
  const before = daysBetween(oldest.slice(0, 10), asOf)
  return after * 2 < before ? 'subtract' : 'aggregate'
}

/** The figures' SELECT for a source. */
export function figuresSql(source: FiguresSource): string {
  switch (source) {
    case 'summaries':
      return `SELECT customer_id, orders, purchase_days, spend_fen, first_purchase, last_purchase, channels FROM customer_summaries`
    case 'aggregate':
      return `SELECT customer_id, sum(is_purchase) AS orders,
                     count(DISTINCT CASE WHEN is_purchase THEN substr(ordered_at, 1, 10) END) AS purchase_days,
                     sum(total_fen) AS spend_fen,
                     min(CASE WHEN is_purchase THEN ordered_at END) AS first_purchase,
                     max(CASE WHEN is_purchase THEN ordered_at END) AS last_purchase,
                     count(DISTINCT CASE WHEN is_purchase THEN channel END) AS channels
              FROM orders WHERE ordered_at < @next AND customer_id IS NOT NULL GROUP BY customer_id`
    case 'subtract':
      // Counts, purchase days (the days after the date are other days) and spend subtract.
      // The first purchase stands while one came by the date. The last purchase and the
      // channels are looked up again only for customers who bought after the date.
      return `SELECT x.customer_id, x.orders - coalesce(a.orders, 0) AS orders,
                     x.purchase_days - coalesce(a.purchase_days, 0) AS purchase_days,
                     x.spend_fen - coalesce(a.spend_fen, 0) AS spend_fen,
                     CASE WHEN x.orders > coalesce(a.orders, 0) THEN x.first_purchase END AS first_purchase,
                     CASE WHEN x.orders = coalesce(a.orders, 0) THEN NULL
                          WHEN coalesce(a.orders, 0) = 0 THEN x.last_purchase
                          ELSE (SELECT max(o.ordered_at) FROM orders o INDEXED BY orders_purchase
                                WHERE o.customer_id = x.customer_id AND o.is_purchase = 1 AND o.ordered_at < @next) END AS last_purchase,
                     CASE WHEN x.orders = coalesce(a.orders, 0) THEN 0
                          WHEN coalesce(a.orders, 0) = 0 OR x.channels <= 1 THEN x.channels
                          ELSE (SELECT count(DISTINCT o.channel) FROM orders o
                                WHERE o.customer_id = x.customer_id AND o.is_purchase = 1 AND o.ordered_at < @next) END AS channels
              FROM customer_summaries x LEFT JOIN (
                SELECT customer_id, sum(is_purchase) AS orders,
                       count(DISTINCT CASE WHEN is_purchase THEN substr(ordered_at, 1, 10) END) AS purchase_days,
                       sum(total_fen) AS spend_fen
                FROM orders WHERE ordered_at >= @next AND customer_id IS NOT NULL GROUP BY customer_id
              ) a ON a.customer_id = x.customer_id`
  }
}
