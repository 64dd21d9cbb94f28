/**
 * The per-customer snapshot every scheme, custom rule and view reads: one row per live customer
 * known on the as-of date, with figures as of that date and the built-in scheme memberships,
 * in the connection's temp table `seg_snap`. Building it once and reading it many times is
 * what keeps 200,000 customers fast. It is rebuilt when the as-of date, the scheme settings or
 * the data change (any write on this connection, or PRAGMA data_version for other ones).
 */
import type { Db } from '../../db/driver'
import { addDays } from '../../../shared/domain/dates'
import { classicMap } from '../../../shared/domain/rfm'
import type { SchemeSettings } from './scheme-settings'
import { LIVE_CUSTOMER } from '../stats/stats-service'

/**
 * The name custom rules are compiled against (alias `s`): a view over the figures table
 * `temp.seg_base` that adds the RFM scores, computed as it is read from four cut points per
 * measure. Writing the scores into 200,000 rows cost more than the rest of the build.
 */
export const SNAPSHOT = 'temp.seg_snap'

/** Who is in the snapshot (customers `c`): live, and known by the as-of date (`@next` the day after). */
export const SNAPSHOT_MEMBER = `${LIVE_CUSTOMER} AND c.created_at < @next`

const cacheKeys = new WeakMap<Db, string>()

/** Make sure temp.seg_snap holds the snapshot for this date and settings. */
export function ensureSnapshot(db: Db, asOf: string, settings: SchemeSettings): void {
  const key = `${asOf}|${JSON.stringify(settings)}|${dataVersion(db)}`
  if (cacheKeys.get(db) === key) return
  buildSnapshot(db, asOf, settings)
  cacheKeys.set(db, `${asOf}|${JSON.stringify(settings)}|${dataVersion(db)}`)
}

/** Forget the cached snapshot (benchmarks; tests of a rebuild). */
export function invalidateSnapshot(db: Db): void {
  cacheKeys.delete(db)
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

function buildSnapshot(db: Db, asOf: string, s: SchemeSettings): void {
  const next = addDays(asOf, 1)
  const coreFrom = addDays(asOf, 1 - s.core.windowDays)
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
            CASE WHEN f.purchase_days >= 2 THEN (f.days_first - f.days_last) * 1.0 / (f.purchase_days - 1) END,
            f.channels,
            CASE WHEN f.orders = 0 THEN NULL
                 WHEN f.days_last <= @active THEN 'active'
                 WHEN f.days_last <= @silent THEN 'silent'
                 WHEN f.days_last <= @sleeping THEN 'sleeping'
                 WHEN f.days_last <= @drifting THEN 'drifting'
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
    ...s.lifecycle,
    silverOrders: t.silver.minOrders,
    silverSpend: t.silver.minSpendFen,
    goldOrders: t.gold.minOrders,
    goldSpend: t.gold.minSpendFen,
    diamondOrders: t.diamond.minOrders,
    diamondSpend: t.diamond.minSpendFen
  })

  scoreRfm(db)
}

/** A computed number as an SQL literal (±9e999 is how SQLite spells infinity). */
function literal(n: number): string {
  if (Number.isNaN(n)) throw new Error('RFM cut is not a number')
  return Number.isFinite(n) ? String(n) : n > 0 ? '9e999' : '-9e999'
}

/**
 * Quintile scores by rank (see shared/domain/rfm.ts). A score depends only on the value, and
 * rises with it, so four cut points per measure say it all: they are found from the sorted
 * values here and spelled into the view as numbers (computed here, never user input). R
 * counts fewer days since the last purchase as better: recent buyers score 5.
 */
function scoreRfm(db: Db): void {
  // one pass over the buyers, three columns
  const rows = db.prepare('SELECT days_last, orders, spend_fen FROM temp.seg_base WHERE orders > 0').raw().all() as [number, number, number][]
  if (rows.length === 0) {
    db.exec('CREATE TEMP VIEW seg_snap AS SELECT *, NULL AS r, NULL AS f, NULL AS m, NULL AS rfm_classic, NULL AS rfm_cn8 FROM seg_base')
    return
  }
  const days = rows.map((r) => r[0])
  const orders = rows.map((r) => r[1])
  const spend = rows.map((r) => r[2])
  // R: negate days so that higher is better for the cut search, then negate the cuts back
  const r = scoreCuts(days.map((d) => -d)).map((c) => literal(-c))
  const f = scoreCuts(orders).map(literal)
  const m = scoreCuts(spend).map(literal)
  const mean = (xs: number[]) => literal(xs.reduce((a, b) => a + b, 0) / xs.length)
  const [meanDays, meanOrders, meanSpend] = [mean(days), mean(orders), mean(spend)]
  const rExpr = `(1 + (days_last <= ${r[0]}) + (days_last <= ${r[1]}) + (days_last <= ${r[2]}) + (days_last <= ${r[3]}))`
  const fExpr = `(1 + (orders >= ${f[0]}) + (orders >= ${f[1]}) + (orders >= ${f[2]}) + (orders >= ${f[3]}))`
  const mExpr = `(1 + (spend_fen >= ${m[0]}) + (spend_fen >= ${m[1]}) + (spend_fen >= ${m[2]}) + (spend_fen >= ${m[3]}))`
  // the map is a constant of the code (no user value), spelled into the CASE
  const cases = classicMap
    .flatMap((row, ri) => row.map((name, fi) => `WHEN ${ri + 1}${fi + 1} THEN '${name.replace(/'/g, "''")}'`))
    .join(' ')
  db.exec(`CREATE TEMP VIEW seg_snap AS
    SELECT *,
      CASE WHEN orders > 0 THEN ${rExpr} END AS r,
      CASE WHEN orders > 0 THEN ${fExpr} END AS f,
      CASE WHEN orders > 0 THEN ${mExpr} END AS m,
      CASE WHEN orders > 0 THEN CASE ${rExpr} * 10 + (${fExpr} + ${mExpr} + 1) / 2 ${cases} END END AS rfm_classic,
      CASE WHEN orders > 0 THEN
        CASE WHEN spend_fen > ${meanSpend} THEN '重要' ELSE '一般' END ||
        CASE WHEN days_last < ${meanDays} THEN (CASE WHEN orders > ${meanOrders} THEN '价值' ELSE '发展' END)
             ELSE (CASE WHEN orders > ${meanOrders} THEN '保持' ELSE '挽留' END) END
      END AS rfm_cn8
    FROM seg_base`)
}

/**
 * For values where higher is better: the smallest value scoring at least 2, 3, 4 and 5
 * (Infinity when no value reaches that score). A value scores ≥ k when the number of values
 * strictly below it is at least (k − 1) × n / 5.
 */
export function scoreCuts(values: number[]): number[] {
  const sorted = Float64Array.from(values).sort()
  const n = sorted.length
  const cuts: number[] = []
  for (let k = 2; k <= 5; k++) {
    let j = Math.ceil(((k - 1) * n) / 5)
    // the first position at or after j where a new value starts (its count of lower values is j)
    while (j < n && j > 0 && sorted[j] === sorted[j - 1]) j++
    cuts.push(j < n ? sorted[j] : Infinity)
  }
  return cuts
}
