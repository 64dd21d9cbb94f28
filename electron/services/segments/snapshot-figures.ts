/**
 * Each customer's purchase figures as of a date, as joins and expressions the snapshot build
 * reads beside `customers c`. Three ways to the same figures, picked by cost:
 * - `summaries`: the ledger's customer_summaries, exact when no order is newer than the date;
 * - `subtract`: the summaries minus the orders from the day after the date on, while those are
 *   the smaller part of the history;
 * - `aggregate`: every order up to the date, grouped by customer.
 */
import type { Db } from '../../db/driver'
import { daysBetween } from '../../../shared/domain/dates'
import { PURCHASE_COUNTS, PURCHASE_SPAN, PURCHASE_TOTALS } from '../ledger/summaries'

export type FiguresSource = 'summaries' | 'subtract' | 'aggregate'

/**
 * The customers a build works on: every one (`''`), or one range of ids in a stepped build
 * (parameters @lo and @hi), as a condition to AND onto a query's WHERE for an id column.
 */
export type Within = (column: string) => string
export const EVERY_CUSTOMER: Within = () => ''
export const ID_RANGE: Within = (column) => ` AND ${column} >= @lo AND ${column} < @hi`

/**
 * The cheapest exact source for a date. Subtracting reads the orders after the date from the
 * orders_purchase index alone, plus one look-up per customer who bought both before and after
 * it; on the demo shop it costs what grouping the orders before the date costs when the two
 * spans are equal (a whole recompute a year back on two years: 1,015 against 979 ms), so it is taken while
 * the days after the date are the fewer.
 */
export function figuresSource(db: Db, asOf: string): FiguresSource {
  const newest = db.prepare('SELECT max(ordered_at) FROM orders').pluck().get() as string | null
  if (newest === null || newest.slice(0, 10) <= asOf) return 'summaries'
  const oldest = db.prepare('SELECT min(ordered_at) FROM orders').pluck().get() as string
  const after = daysBetween(asOf, newest.slice(0, 10))
  const before = daysBetween(oldest.slice(0, 10), asOf)
  return after < before ? 'subtract' : 'aggregate'
}

/** Joins after `customers c` and the SQL of each figure (NULL or 0 where nothing was bought). */
export interface FiguresQuery {
  joins: string
  orders: string
  purchaseDays: string
  spend: string
  firstPurchase: string
  lastPurchase: string
  channels: string
  /** purchaseDays and channels give NULL where they are left for fillPurchaseDetail */
  detailPending: boolean
}

const plain = (joins: string): FiguresQuery => ({
  joins,
  orders: 'x.orders',
  purchaseDays: 'x.purchase_days',
  spend: 'x.spend_fen',
  firstPurchase: 'x.first_purchase',
  lastPurchase: 'x.last_purchase',
  channels: 'x.channels',
  detailPending: false
})

/**
 * The figures as of the date for a source (parameter @next: the day after it). Subtracting
 * first fills temp.seg_rewound with the figures as of the date of each customer who has orders
 * after it (the summaries minus those orders, the last purchase by the date looked up only for
 * them); everyone else's figures are their summaries. The snapshot then reads plain joins: a
 * subquery with a join of its own on the right of a LEFT JOIN is materialised and indexed again
 * by SQLite, which cost 200 ms.
 *
 * Subtracting leaves purchase days and channels NULL for customers who bought on both sides of
 * the date: only two custom-rule fields read them, and working them out for every recompute
 * cost 100 ms of its 1.1 s. fillPurchaseDetail works them out when a rule asks.
 */
export function figuresQuery(db: Db, source: FiguresSource, params: { next: string }, within: Within = EVERY_CUSTOMER, scratch = 'seg_rewound'): FiguresQuery {
  switch (source) {
    case 'summaries':
      return plain('LEFT JOIN customer_summaries x ON x.customer_id = c.id')
    case 'aggregate':
      return plain(`LEFT JOIN (
        SELECT customer_id, ${PURCHASE_COUNTS}, ${PURCHASE_SPAN}
        FROM orders WHERE ordered_at < @next AND customer_id IS NOT NULL${within('customer_id')} GROUP BY customer_id
      ) x ON x.customer_id = c.id`)
    case 'subtract': {
      fillRewound(db, params, within, scratch)
      const rewound = (column: string) => `CASE WHEN a.customer_id IS NULL THEN x.${column} ELSE a.${column} END`
      return {
        joins: `LEFT JOIN customer_summaries x ON x.customer_id = c.id LEFT JOIN temp.${scratch} a ON a.customer_id = c.id`,
        orders: rewound('orders'),
        purchaseDays: rewound('purchase_days'),
        spend: rewound('spend_fen'),
        firstPurchase: rewound('first_purchase'),
        lastPurchase: rewound('last_purchase'),
        channels: rewound('channels'),
        detailPending: true
      }
    }
  }
}

/**
 * temp.seg_rewound: the figures as of the date of every customer with orders after it. Counts
 * and spend subtract; the first purchase stands while one came by the date; purchase days,
 * channels and the last purchase stand while nothing was bought after it (returns only), and
 * otherwise the last purchase is looked up and the other two are left NULL.
 */
function fillRewound(db: Db, params: { next: string }, within: Within, scratch: string): void {
  db.exec(`DROP TABLE IF EXISTS temp.${scratch};
    CREATE TEMP TABLE ${scratch} (
      customer_id    INTEGER PRIMARY KEY,
      orders         INTEGER NOT NULL,
      spend_fen      INTEGER NOT NULL,
      purchase_days  INTEGER,
      first_purchase TEXT,
      last_purchase  TEXT,
      channels       INTEGER
    );`)
  db.prepare(
    `INSERT INTO ${scratch} (customer_id, orders, spend_fen, purchase_days, first_purchase, last_purchase, channels)
     SELECT g.customer_id, x.orders - g.orders, x.spend_fen - g.spend_fen,
            CASE WHEN g.orders = 0 THEN x.purchase_days END,
            CASE WHEN x.orders > g.orders THEN x.first_purchase END,
            CASE WHEN g.orders = 0 THEN x.last_purchase
                 WHEN x.orders > g.orders THEN
                   (SELECT max(o.ordered_at) FROM orders o INDEXED BY orders_purchase
                    WHERE o.customer_id = g.customer_id AND o.is_purchase = 1 AND o.ordered_at < @next) END,
            CASE WHEN g.orders = 0 THEN x.channels END
     FROM (
       SELECT customer_id, ${PURCHASE_TOTALS}
       FROM orders WHERE ordered_at >= @next AND customer_id IS NOT NULL${within('customer_id')} GROUP BY customer_id
     ) g JOIN customer_summaries x ON x.customer_id = g.customer_id`
  ).run(params)
}

/**
 * Purchase days and channels as of the date for the rows of `table` (customer_id,
 * purchase_days, channels) that subtracting left NULL (see figuresQuery), grouped from those
 * customers' orders by the date.
 */
export function fillPurchaseDetail(db: Db, table: string, params: { next: string }): void {
  db.prepare(
    `UPDATE ${table} SET purchase_days = g.purchase_days, channels = g.channels
     FROM (
       SELECT customer_id, ${PURCHASE_COUNTS}, ${PURCHASE_SPAN}
       FROM orders WHERE ordered_at < @next
         AND customer_id IN (SELECT customer_id FROM ${table} WHERE purchase_days IS NULL OR channels IS NULL)
       GROUP BY customer_id
     ) g
     WHERE ${table}.customer_id = g.customer_id`
  ).run(params)
}

/** Drop what figuresQuery filled once the snapshot has read it. */
export function dropFiguresScratch(db: Db, scratch = 'seg_rewound'): void {
  db.exec(`DROP TABLE IF EXISTS temp.${scratch}`)
}
