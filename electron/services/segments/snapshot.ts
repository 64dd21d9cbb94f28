/**
 * The per-customer snapshot every scheme, custom rule and view reads: one row per live customer
 * known on the as-of date, with figures as of that date and the built-in scheme memberships,
 * in the connection's temp table `seg_snap`. Building it once and reading it many times is
 * what keeps 200,000 customers fast. It is rebuilt when the as-of date, the scheme settings or
 * the data change (any write on this connection, or PRAGMA data_version for other ones).
 */
import type { Db } from '../../db/driver'
import { addDays } from '../../../shared/domain/dates'
import { stageStartDays } from '../../../shared/domain/lifecycle'
import { rfmColumnsSql, rfmCuts, type RfmCuts } from './rfm-cuts'
import type { SchemeSettings } from './scheme-settings'
import { LIVE_CUSTOMER } from '../stats/stats-service'

/**
 * The name custom rules are compiled against (alias `s`): a view over the figures table
 * `temp.seg_base` that adds the RFM scores, computed as it is read from four cut points per
 * measure. Writing the scores into 200,000 rows cost more than the rest of the build.
 */
export const SNAPSHOT = 'temp.seg_snap'

/** The figures table under the view, for readers that need no RFM column. */
export const SNAPSHOT_BASE = 'temp.seg_base'

/** Who is in the snapshot (customers `c`): live, and known by the as-of date (`@next` the day after). */
export const SNAPSHOT_MEMBER = `${LIVE_CUSTOMER} AND c.created_at < @next`

/**
 * What a build leaves in memory beside the temp table: the RFM cuts the view was made from,
 * and the three RFM measures of every snapshot row in customer id order (days since the last
 * purchase is null for customers who never bought), so the scheme overview can tally them
 * without reading 200,000 rows again.
 */
export interface SnapshotState {
  cuts: RfmCuts | null
  days: (number | null)[]
  orders: number[]
  spend: number[]
}

const built = new WeakMap<Db, { key: string; state: SnapshotState }>()

/** Make sure temp.seg_snap holds the snapshot for this date and settings. */
export function ensureSnapshot(db: Db, asOf: string, settings: SchemeSettings): SnapshotState {
  const key = () => `${asOf}|${JSON.stringify(settings)}|${dataVersion(db)}`
  const cached = built.get(db)
  if (cached?.key === key()) return cached.state
  const state = buildSnapshot(db, asOf, settings)
  built.set(db, { key: key(), state })
  return state
}

/** Forget the cached snapshot (benchmarks; tests of a rebuild). */
export function invalidateSnapshot(db: Db): void {
  built.delete(db)
}

/** Changes by this connection and, through data_version, by any other. */
function dataVersion(db: Db): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number
  const other = db.pragma('data_version', { simple: true }) as number
  return `${changes}:${other}`
}

/** The newest order date; as of it or later the ledger's customer_summaries are exact. */
function summariesAreCurrent(db: Db, asOf: string): boolean {
  const newest = db.prepare('SELECT max(ordered_at) FROM orders').pluck().get() as string | null
  return newest === null || newest.slice(0, 10) <= asOf
}

function buildSnapshot(db: Db, asOf: string, s: SchemeSettings): SnapshotState {
  const next = addDays(asOf, 1)
  const coreFrom = addDays(asOf, 1 - s.core.windowDays)
  const [activeSince, silentSince, sleepingSince, driftingSince] = stageStartDays(asOf, s.lifecycle)
  db.exec(`DROP VIEW IF EXISTS temp.seg_snap;
    DROP TABLE IF EXISTS temp.seg_base;
    CREATE TEMP TABLE seg_base (
      customer_id   INTEGER PRIMARY KEY,
      orders        INTEGER NOT NULL,
      purchase_days INTEGER NOT NULL,
      spend_fen     INTEGER NOT NULL,
      first_day     TEXT,
      last_day      TEXT,
      days_last     INTEGER,
      days_first    INTEGER,
      avg_interval  REAL,
      channels      INTEGER NOT NULL,
      lifecycle     TEXT,
      tier          TEXT NOT NULL,
      ladder        TEXT NOT NULL
    );`)

  // figures as of the date: the ledger's summaries when nothing newer exists, else from orders
  const figures = summariesAreCurrent(db, asOf)
    ? `SELECT customer_id, orders, purchase_days, spend_fen, first_purchase, last_purchase, channels FROM customer_summaries`
    : `SELECT customer_id, sum(is_purchase) AS orders,
              count(DISTINCT CASE WHEN is_purchase THEN substr(ordered_at, 1, 10) END) AS purchase_days,
              sum(total_fen) AS spend_fen,
              min(CASE WHEN is_purchase THEN ordered_at END) AS first_purchase,
              max(CASE WHEN is_purchase THEN ordered_at END) AS last_purchase,
              count(DISTINCT CASE WHEN is_purchase THEN channel END) AS channels
       FROM orders WHERE ordered_at < @next AND customer_id IS NOT NULL GROUP BY customer_id`

  // without a spend criterion the window count reads the orders_purchase index alone (covering)
  const coreWindow =
    s.core.minSpendFen > 0
      ? `SELECT customer_id FROM orders
         WHERE is_purchase = 1 AND customer_id IS NOT NULL AND ordered_at >= @coreFrom AND ordered_at < @next
         GROUP BY customer_id HAVING count(*) >= @coreOrders AND sum(total_fen) >= @coreSpend`
      : `SELECT customer_id FROM orders INDEXED BY orders_purchase
         WHERE customer_id IS NOT NULL AND is_purchase = 1 AND ordered_at >= @coreFrom AND ordered_at < @next
         GROUP BY customer_id HAVING count(*) >= @coreOrders`

  const t = s.tiers
  const reach = (tier: 'silver' | 'gold' | 'diamond') =>
    t.match === 'all'
      ? `(f.orders >= @${tier}Orders AND f.spend_fen >= @${tier}Spend)`
      : `(f.orders >= @${tier}Orders OR f.spend_fen >= @${tier}Spend)`

  db.prepare(
    `WITH fig AS (
       SELECT c.id AS customer_id, c.targeted,
              coalesce(x.orders, 0) AS orders, coalesce(x.purchase_days, 0) AS purchase_days,
              coalesce(x.spend_fen, 0) AS spend_fen, coalesce(x.channels, 0) AS channels,
              CASE WHEN x.orders > 0 THEN substr(x.first_purchase, 1, 10) END AS first_day,
              CASE WHEN x.orders > 0 THEN substr(x.last_purchase, 1, 10) END AS last_day
       FROM customers c LEFT JOIN (${figures}) x ON x.customer_id = c.id
       WHERE ${SNAPSHOT_MEMBER}
     ),
     -- (the stages compare last_day with dates: SQLite repeats a flattened column's julianday() at every use)
     f AS (
       SELECT *, CAST(julianday(@asOf) - julianday(last_day) AS INTEGER) AS days_last,
                 CAST(julianday(@asOf) - julianday(first_day) AS INTEGER) AS days_first
       FROM fig
     ),
     -- core: enough purchase occasions, spend and categories within the window
     win AS (${coreWindow}),
     -- (the LIMIT stops reading a customer's lines once enough categories are seen)
     core AS (
       SELECT win.customer_id FROM win
       WHERE (SELECT count(*) FROM (
                SELECT DISTINCT p.category FROM orders o
                  JOIN order_lines l ON l.order_id = o.id AND l.amount_fen > 0
                  JOIN products p ON p.id = l.product_id
                WHERE o.customer_id = win.customer_id AND o.ordered_at >= @coreFrom AND o.ordered_at < @next
                LIMIT @coreCategories)) >= @coreCategories
     ),
     -- advocates: referred someone who bought by the as-of date
     adv AS (
       SELECT DISTINCT r.referred_by AS customer_id FROM customers r
       WHERE r.referred_by IS NOT NULL
         AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = r.id AND o.is_purchase = 1 AND o.ordered_at < @next)
     )
     INSERT INTO seg_base (customer_id, orders, purchase_days, spend_fen, first_day, last_day, days_last, days_first,
                           avg_interval, channels, lifecycle, tier, ladder)
     SELECT f.customer_id, f.orders, f.purchase_days, f.spend_fen, f.first_day, f.last_day, f.days_last, f.days_first,
            CASE WHEN f.purchase_days >= 2 THEN (julianday(f.last_day) - julianday(f.first_day)) / (f.purchase_days - 1) END,
            f.channels,
            CASE WHEN f.orders = 0 THEN NULL
                 WHEN f.last_day >= @activeSince THEN 'active'
                 WHEN f.last_day >= @silentSince THEN 'silent'
                 WHEN f.last_day >= @sleepingSince THEN 'sleeping'
                 WHEN f.last_day >= @driftingSince THEN 'drifting'
                 ELSE 'lost' END,
            CASE WHEN ${reach('diamond')} THEN 'diamond' WHEN ${reach('gold')} THEN 'gold'
                 WHEN ${reach('silver')} THEN 'silver' ELSE 'normal' END,
            CASE WHEN f.customer_id IN (SELECT customer_id FROM adv) THEN 'advocate'
                 WHEN f.orders >= 2 AND f.customer_id IN (SELECT customer_id FROM core) THEN 'core'
                 WHEN f.orders >= 2 THEN 'repeat'
                 WHEN f.orders = 1 THEN 'firstTime'
                 WHEN f.targeted = 1 OR EXISTS (SELECT 1 FROM customer_tags g WHERE g.customer_id = f.customer_id) THEN 'target'
                 ELSE 'prospect' END
     FROM f`
  ).run({
    asOf,
    next,
    coreFrom,
    coreOrders: s.core.minOrders,
    coreSpend: s.core.minSpendFen,
    coreCategories: s.core.minCategories,
    activeSince,
    silentSince,
    sleepingSince,
    driftingSince,
    silverOrders: t.silver.minOrders,
    silverSpend: t.silver.minSpendFen,
    goldOrders: t.gold.minOrders,
    goldSpend: t.gold.minSpendFen,
    diamondOrders: t.diamond.minOrders,
    diamondSpend: t.diamond.minSpendFen
  })

  return scoreRfm(db)
}

/**
 * Read the RFM measures once (a column at a time: plucked numbers cost a fifth of row arrays),
 * find the cuts over the buyers and define the view `seg_snap` with the scores.
 */
function scoreRfm(db: Db): SnapshotState {
  const column = (name: string) => db.prepare(`SELECT ${name} FROM ${SNAPSHOT_BASE} ORDER BY customer_id`).pluck().all()
  const days = column('days_last') as (number | null)[]
  const orders = column('orders') as number[]
  const spend = column('spend_fen') as number[]
  const buyers = orders.reduce((n, o) => n + (o > 0 ? 1 : 0), 0)
  const pick = (xs: (number | null)[]) => {
    const out = new Float64Array(buyers)
    let j = 0
    for (let i = 0; i < xs.length; i++) if (orders[i] > 0) out[j++] = xs[i] as number
    return out
  }
  const cuts = rfmCuts({ days: pick(days), orders: pick(orders), spend: pick(spend) })
  db.exec(`CREATE TEMP VIEW seg_snap AS SELECT *, ${rfmColumnsSql(cuts)} FROM seg_base`)
  return { cuts, days, orders, spend }
}
