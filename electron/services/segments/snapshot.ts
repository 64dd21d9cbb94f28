/**
 * The per-customer snapshot every scheme, custom rule and view reads: one row per live customer
 * known on the as-of date, with figures as of that date (temp table `seg_base`), the core and
 * advocate customers (`seg_core`, `seg_advocates`), and the view `seg_snap` that adds the
 * built-in scheme memberships. Building it once and reading it many times is what keeps
 * 200,000 customers fast. It is rebuilt when the as-of date, the scheme settings or
 * the data change (any write on this connection, or PRAGMA data_version for other ones).
 */
import type { Db } from '../../db/driver'
import { addDays, isIsoDate } from '../../../shared/domain/dates'
import { ladderStep, ladderSteps } from '../../../shared/domain/ladder'
import { readNumberList } from './number-list'
import { fillCore } from './snapshot-core'
import { rfmColumnsSql, rfmCuts, type RfmCuts } from './rfm-cuts'
import type { SchemeSettings } from './scheme-settings'
import { dropFiguresScratch, figuresQuery, figuresSource, fillPurchaseDetail, type FiguresSource } from './snapshot-figures'
import { knownBefore, LIVE_CUSTOMER } from '../stats/stats-service'

/**
 * The name custom rules are compiled against (alias `s`): a view over the figures table
 * `temp.seg_base` that adds lifecycle, tier, ladder step and the RFM scores, computed as
 * they are read from a few thresholds and cut points. Writing them into 200,000 rows cost
 * more than the rest of the build.
 */
export const SNAPSHOT = 'temp.seg_snap'

/** The figures table under the view. */
const SNAPSHOT_BASE = 'temp.seg_base'

/** Who is in the snapshot (customers `c`): live, and known by the as-of date (`@next` the day after; see knownBefore). */
export const SNAPSHOT_MEMBER = `${LIVE_CUSTOMER} AND ${knownBefore('@next')}`

/**
 * What a build leaves in memory beside the temp tables: the RFM cuts the view was made from,
 * and for every snapshot row (in no particular order) the facts the overview tallies: days
 * since the last purchase, orders, spend and the
 * ladder step's position in `ladderSteps`. Lifecycle and tier follow from these by the rules
 * in shared/domain, so the overview never reads the 200,000 rows a second time.
 */
export interface SnapshotState {
  cuts: RfmCuts | null
  /** NaN for customers who never bought */
  days: Float64Array
  orders: Float64Array
  spend: Float64Array
  ladder: Uint8Array
  /** purchase days and channels are still NULL on some rows (see ensurePurchaseDetail) */
  detailPending: boolean
}

const built = new WeakMap<Db, { key: string; state: SnapshotState }>()

/** Make sure temp.seg_snap holds the snapshot for this date and settings. */
export function ensureSnapshot(db: Db, asOf: string, settings: SchemeSettings): SnapshotState {
  const cached = built.get(db)
  if (cached?.key === cacheKey(db, asOf, settings)) return cached.state
  return rebuildSnapshot(db, asOf, settings)
}

/** Build the snapshot now, from the figures source given (tests compare the sources) or the cheapest. */
export function rebuildSnapshot(db: Db, asOf: string, settings: SchemeSettings, source = figuresSource(db, asOf)): SnapshotState {
  const state = buildSnapshot(db, asOf, settings, source)
  built.set(db, { key: cacheKey(db, asOf, settings), state })
  return state
}

const cacheKey = (db: Db, asOf: string, settings: SchemeSettings) => `${asOf}|${JSON.stringify(settings)}|${dataVersion(db)}`

/**
 * The snapshot for this date and settings with every row's purchase days and channels worked
 * out. A past date's build leaves some NULL (see figuresQuery); only rules on the average
 * interval or the channel count read them.
 */
export function ensurePurchaseDetail(db: Db, asOf: string, settings: SchemeSettings): SnapshotState {
  const state = ensureSnapshot(db, asOf, settings)
  if (!state.detailPending) return state
  fillPurchaseDetail(db, SNAPSHOT_BASE, { next: addDays(asOf, 1) })
  const filled = { ...state, detailPending: false }
  // the fill counts as a change on this connection: key the snapshot again, as of now
  built.set(db, { key: cacheKey(db, asOf, settings), state: filled })
  return filled
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

function buildSnapshot(db: Db, asOf: string, s: SchemeSettings, source: FiguresSource): SnapshotState {
  const params = { asOf, next: addDays(asOf, 1), coreFrom: addDays(asOf, 1 - s.core.windowDays) }
  db.exec(`DROP VIEW IF EXISTS temp.seg_snap;
    DROP TABLE IF EXISTS temp.seg_base;
    DROP TABLE IF EXISTS temp.seg_core;
    DROP TABLE IF EXISTS temp.seg_advocates;
    CREATE TEMP TABLE seg_base (
      customer_id   INTEGER PRIMARY KEY,
      orders        INTEGER NOT NULL,
      purchase_days INTEGER,           -- NULL: not worked out yet (see ensurePurchaseDetail)
      spend_fen     INTEGER NOT NULL,
      first_day     TEXT,
      last_day      TEXT,
      days_last     INTEGER,
      channels      INTEGER,           -- NULL: not worked out yet
      targeted      INTEGER NOT NULL  -- courted (customers.targeted or any tag); worked out only without a purchase, where the ladder asks
    );
    CREATE TEMP TABLE seg_core (customer_id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE seg_advocates (customer_id INTEGER PRIMARY KEY);`)

  const f = figuresQuery(db, source, params)
  db.prepare(
    `WITH fig AS (
       SELECT c.id AS customer_id, c.targeted,
              coalesce(${f.orders}, 0) AS orders, coalesce(${f.spend}, 0) AS spend_fen,
              CASE WHEN coalesce(${f.orders}, 0) = 0 THEN 0 ELSE ${f.purchaseDays} END AS purchase_days,
              CASE WHEN coalesce(${f.orders}, 0) = 0 THEN 0 ELSE ${f.channels} END AS channels,
              CASE WHEN ${f.orders} > 0 THEN substr(${f.firstPurchase}, 1, 10) END AS first_day,
              CASE WHEN ${f.orders} > 0 THEN substr(${f.lastPurchase}, 1, 10) END AS last_day
       FROM customers c ${f.joins}
       WHERE ${SNAPSHOT_MEMBER}
     )
     INSERT INTO seg_base (customer_id, orders, purchase_days, spend_fen, first_day, last_day, days_last, channels, targeted)
     SELECT customer_id, orders, purchase_days, spend_fen, first_day, last_day,
            CAST(julianday(@asOf) - julianday(last_day) AS INTEGER), channels,
            CASE WHEN orders > 0 THEN 0
                 ELSE targeted = 1 OR EXISTS (SELECT 1 FROM customer_tags g WHERE g.customer_id = fig.customer_id) END
     FROM fig`
  ).run(params)
  dropFiguresScratch(db)

  fillCore(db, s.core, params)

  // advocates: referred someone who bought by the as-of date
  db.prepare(
    `INSERT INTO seg_advocates (customer_id)
     SELECT DISTINCT r.referred_by FROM customers r
     WHERE r.referred_by IS NOT NULL
       AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = r.id AND o.is_purchase = 1 AND o.ordered_at < @next)`
  ).run(params)

  const state: SnapshotState = { ...readFacts(db), detailPending: f.detailPending }
  db.exec(`CREATE TEMP VIEW seg_snap AS SELECT *, ${rarelyReadSql(asOf)}, ${stagesSql(s)}, ${rfmColumnsSql(state.cuts)} FROM seg_base`)
  return state
}

/**
 * Read every row's facts in one go, decide each ladder step by the rule in shared/domain and
 * find the RFM cuts over the buyers.
 */
function readFacts(db: Db): Omit<SnapshotState, 'detailPending'> {
  const flat = readNumberList(db, ['customer_id', `coalesce(days_last, 'null')`, 'orders', 'spend_fen', 'targeted'], SNAPSHOT_BASE)
  const core = new Set(readNumberList(db, ['customer_id'], 'temp.seg_core'))
  const advocates = new Set(readNumberList(db, ['customer_id'], 'temp.seg_advocates'))
  const n = flat.length / 5
  const days = new Float64Array(n)
  const orders = new Float64Array(n)
  const spend = new Float64Array(n)
  const ladder = new Uint8Array(n)
  let buyers = 0
  for (let i = 0, k = 0; i < n; i++, k += 5) {
    const id = flat[k]
    days[i] = flat[k + 1] ?? NaN
    orders[i] = flat[k + 2] as number
    spend[i] = flat[k + 3] as number
    if (orders[i] > 0) buyers++
    ladder[i] = ladderSteps.indexOf(ladderStep({ orders: orders[i], targeted: flat[k + 4] === 1, meetsCore: core.has(id), referredBuyer: advocates.has(id) }))
  }
  const pick = (xs: Float64Array) => {
    const out = new Float64Array(buyers)
    for (let i = 0, j = 0; i < n; i++) if (orders[i] > 0) out[j++] = xs[i]
    return out
  }
  return { cuts: rfmCuts({ days: pick(days), orders: pick(orders), spend: pick(spend) }), days, orders, spend, ladder }
}

/** A whole number from the validated settings, as SQL text (views take no parameters). */
function int(n: number): string {
  if (!Number.isSafeInteger(n)) throw new Error(`scheme threshold is not a whole number: ${n}`)
  return String(n)
}

/** The view columns days_first and avg_interval, which only some rules read. */
function rarelyReadSql(asOf: string): string {
  if (!isIsoDate(asOf)) throw new Error(`not a date: ${asOf}`)
  return `CAST(julianday('${asOf}') - julianday(first_day) AS INTEGER) AS days_first,
          CASE WHEN purchase_days >= 2 THEN (julianday(last_day) - julianday(first_day)) / (purchase_days - 1) END AS avg_interval`
}

/**
 * The view columns lifecycle, tier and ladder, spelling in SQL the rules of shared/domain
 * (lifecycleStage, memberTier, ladderStep) that the overview applies in JS; the segments
 * tests hold the two to the same memberships.
 */
function stagesSql(s: SchemeSettings): string {
  const l = s.lifecycle
  const t = s.tiers
  const reach = (tier: 'silver' | 'gold' | 'diamond') =>
    `(orders >= ${int(t[tier].minOrders)} ${t.match === 'all' ? 'AND' : 'OR'} spend_fen >= ${int(t[tier].minSpendFen)})`
  return `CASE WHEN orders = 0 THEN NULL
               WHEN days_last <= ${int(l.active)} THEN 'active'
               WHEN days_last <= ${int(l.silent)} THEN 'silent'
               WHEN days_last <= ${int(l.sleeping)} THEN 'sleeping'
               WHEN days_last <= ${int(l.drifting)} THEN 'drifting'
               ELSE 'lost' END AS lifecycle,
          CASE WHEN ${reach('diamond')} THEN 'diamond' WHEN ${reach('gold')} THEN 'gold'
               WHEN ${reach('silver')} THEN 'silver' ELSE 'normal' END AS tier,
          CASE WHEN customer_id IN (SELECT customer_id FROM temp.seg_advocates) THEN 'advocate'
               WHEN orders >= 2 AND customer_id IN (SELECT customer_id FROM temp.seg_core) THEN 'core'
               WHEN orders >= 2 THEN 'repeat'
               WHEN orders = 1 THEN 'firstTime'
               WHEN targeted = 1 THEN 'target'
               ELSE 'prospect' END AS ladder`
}
