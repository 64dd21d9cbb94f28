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

/** The table name custom rules are compiled against (alias `s`). */
export const SNAPSHOT = 'temp.seg_snap'

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
  db.exec(`DROP TABLE IF EXISTS temp.seg_snap;
    CREATE TEMP TABLE seg_snap (
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
      ladder        TEXT NOT NULL,
      r INTEGER, f INTEGER, m INTEGER,
      rfm_classic   TEXT,
      rfm_cn8       TEXT
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
       WHERE ${LIVE_CUSTOMER} AND c.created_at < @next
     ),
     f AS (
       SELECT *, CAST(julianday(@asOf) - julianday(last_day) AS INTEGER) AS days_last,
                 CAST(julianday(@asOf) - julianday(first_day) AS INTEGER) AS days_first
       FROM fig
     ),
     -- core: enough purchase occasions, spend and categories within the window
     win AS (${coreWindow}),
     core AS (
       SELECT win.customer_id FROM win
       WHERE (SELECT count(DISTINCT p.category) FROM orders o
                JOIN order_lines l ON l.order_id = o.id AND l.amount_fen > 0
                JOIN products p ON p.id = l.product_id
              WHERE o.customer_id = win.customer_id AND o.ordered_at >= @coreFrom AND o.ordered_at < @next) >= @coreCategories
     ),
     -- advocates: referred someone who bought by the as-of date
     adv AS (
       SELECT DISTINCT r.referred_by AS customer_id FROM customers r
       WHERE r.referred_by IS NOT NULL
         AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = r.id AND o.is_purchase = 1 AND o.ordered_at < @next)
     )
     INSERT INTO seg_snap (customer_id, orders, purchase_days, spend_fen, first_day, last_day, days_last, days_first,
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

/**
 * Quintile scores by rank (see shared/domain/rfm.ts). A score depends only on the value, and
 * rises with it, so four cut points per measure say it all: they are found from the sorted
 * values here, and one UPDATE applies them (far faster than window functions over 200,000
 * rows). R counts fewer days since the last purchase as better: recent buyers score 5.
 */
function scoreRfm(db: Db): void {
  const days = db.prepare(`SELECT days_last FROM ${SNAPSHOT} WHERE orders > 0`).pluck().all() as number[]
  if (days.length === 0) return
  const orders = db.prepare(`SELECT orders FROM ${SNAPSHOT} WHERE orders > 0`).pluck().all() as number[]
  const spend = db.prepare(`SELECT spend_fen FROM ${SNAPSHOT} WHERE orders > 0`).pluck().all() as number[]
  // R: negate days so that higher is better for the cut search, then negate the cuts back
  const r = scoreCuts(days.map((d) => -d)).map((c) => -c)
  const f = scoreCuts(orders)
  const m = scoreCuts(spend)
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const params = {
    r2: r[0], r3: r[1], r4: r[2], r5: r[3],
    f2: f[0], f3: f[1], f4: f[2], f5: f[3],
    m2: m[0], m3: m[1], m4: m[2], m5: m[3],
    meanDays: mean(days), meanOrders: mean(orders), meanSpend: mean(spend)
  }
  const cases = classicMap
    .flatMap((row, ri) => row.map((name, fi) => `WHEN ${ri + 1}${fi + 1} THEN '${name.replace(/'/g, "''")}'`))
    .join(' ')
  db.prepare(
    `UPDATE ${SNAPSHOT} SET
       r = 1 + (days_last <= @r2) + (days_last <= @r3) + (days_last <= @r4) + (days_last <= @r5),
       f = 1 + (orders >= @f2) + (orders >= @f3) + (orders >= @f4) + (orders >= @f5),
       m = 1 + (spend_fen >= @m2) + (spend_fen >= @m3) + (spend_fen >= @m4) + (spend_fen >= @m5),
       rfm_cn8 = CASE WHEN spend_fen > @meanSpend THEN '重要' ELSE '一般' END ||
         CASE WHEN days_last < @meanDays THEN (CASE WHEN orders > @meanOrders THEN '价值' ELSE '发展' END)
              ELSE (CASE WHEN orders > @meanOrders THEN '保持' ELSE '挽留' END) END
     WHERE orders > 0`
  ).run(params)
  // the map is a constant of the code (no user value), spelled into the CASE
  db.exec(`UPDATE ${SNAPSHOT} SET rfm_classic = CASE r * 10 + (f + m + 1) / 2 ${cases} END WHERE orders > 0`)
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
