/**
 * The per-customer snapshot every scheme, custom rule and view reads: one row per live customer
 * known on the as-of date, with figures as of that date (temp table `seg_base`), the core and
 * advocate customers (`seg_core`, `seg_advocates`), and the view `seg_snap` that adds the
 * built-in scheme memberships. Building it once and reading it many times is what keeps
 * 200,000 customers fast. It is rebuilt when the as-of date, the scheme settings or
 * the data change (any write on this connection, or PRAGMA data_version for other ones).
 */
import type { Db } from '../../db/driver'
import { dataVersion } from '../app/data-version'
import { addDays, isIsoDate } from '../../../shared/domain/dates'
import { ladderStep, ladderSteps } from '../../../shared/domain/ladder'
import { readNumberList } from './number-list'
import { fillCore } from './snapshot-core'
import { rfmColumnsSql, rfmCutSteps, type RfmCuts } from './rfm-cuts'
import type { SchemeSettings } from './scheme-settings'
import {
  dropFiguresScratch,
  EVERY_CUSTOMER,
  figuresQuery,
  figuresSource,
  fillPurchaseDetail,
  ID_RANGE,
  type FiguresSource,
  type Within
} from './snapshot-figures'
import { refuse } from '../../../shared/errors/refuse'
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

/** Customers per step of a stepped build: at 200,000 customers a step costs about what 10,000 do in the one-pass build. */
export const SNAPSHOT_CHUNK = 10_000

/** Writes between steps that start a stepped build again; after these the build finishes in one pass. */
export const SNAPSHOT_RESTARTS = 2

/** Where a stepped build stands before its next step: customers (live ones, by id) already built of all. */
export interface SnapshotStep {
  done: number
  total: number
}

export interface SnapshotStepOptions {
  /** customers per step (tests make small steps on a small shop); the default SNAPSHOT_CHUNK */
  chunk?: number
  /** the figures source (tests compare them); the cheapest by default */
  source?: FiguresSource
}

/** The stepped build now running on each connection: only it may use the work tables. */
const running = new WeakMap<Db, object>()

/**
 * Make sure temp.seg_snap holds the snapshot for this date and settings, one range of
 * customers per step: each `yield` says how many are built before the next step runs, the
 * return is the snapshot. The ranges fill work tables (seg_next_*) beside the snapshot the
 * other calls go on reading; three steps more find the RFM cuts (a measure each), and the
 * last renames the work tables over the live ones, so a build stopped
 * between steps (the generator's return) leaves the old snapshot whole and its work tables
 * dropped. A shop of at most `chunk` customers is built in one step, by the one-pass build.
 *
 * - A write between steps (this connection's changes or another's data_version, measured after
 *   each step of the build's own) makes the ranges built so far stale: the build starts again,
 *   unless the snapshot now cached is this one on the data as it stands (another call built it
 *   in the meantime); after SNAPSHOT_RESTARTS restarts it finishes in one pass, so writes
 *   that keep coming cannot hold it off.
 * - A newer stepped build on the same connection takes the work tables over; the older one
 *   stops at its next step with snapshotSuperseded (a cancel), so it never renames stale
 *   tables over the newer one's snapshot. A one-pass build (a small shop, the one-call
 *   overview, any view) takes nothing over: it writes the live tables in one go, which a
 *   stepped build then hears as a write.
 */
export function* snapshotSteps(db: Db, asOf: string, settings: SchemeSettings, options: SnapshotStepOptions = {}): Generator<SnapshotStep, SnapshotState> {
  const cached = built.get(db)
  if (cached?.key === cacheKey(db, asOf, settings)) return cached.state
  const chunk = options.chunk ?? SNAPSHOT_CHUNK
  const token = {}
  let claimed = false
  /** take the work tables over from any stepped build still running (it stops at its next step) */
  const claim = () => {
    running.set(db, token)
    claimed = true
    dropWork(db)
  }
  let seen = ''
  /** before each step: still this connection's build, and nothing written since its last step */
  const unchanged = () => {
    if (claimed && running.get(db) !== token) throw refuse('snapshotSuperseded', { asOf })
    return dataVersion(db) === seen
  }
  const adoptable = () => built.get(db)?.key === cacheKey(db, asOf, settings)
  try {
    for (let restarts = 0; ; restarts++) {
      const total = db.prepare(`SELECT count(*) FROM customers c WHERE ${LIVE_CUSTOMER}`).pluck().get() as number
      if (total <= chunk || restarts === SNAPSHOT_RESTARTS) {
        // the one-pass build writes the live tables only: no work tables to claim
        if (claimed && running.get(db) === token) dropWork(db)
        yield { done: 0, total }
        unchanged()
        return rebuildSnapshot(db, asOf, settings, options.source)
      }
      const source = options.source ?? figuresSource(db, asOf)
      const params = buildParams(asOf, settings)
      const inRange = db.prepare(`SELECT count(*) FROM customers c WHERE ${LIVE_CUSTOMER}${ID_RANGE('c.id')}`).pluck()
      const nextBound = db.prepare(`SELECT c.id FROM customers c WHERE ${LIVE_CUSTOMER} AND c.id >= @lo ORDER BY c.id LIMIT 1 OFFSET @chunk`).pluck()
      if (!claimed) claim()
      else if (running.get(db) !== token) throw refuse('snapshotSuperseded', { asOf })
      createTables(db, NEXT)
      const parts: Facts[] = []
      let detailPending = false
      let done = 0
      seen = dataVersion(db)
      let stale = false
      // ranges of `chunk` live customers by id, the first open below and the last open above
      for (let lo = Number.MIN_SAFE_INTEGER; lo < Number.MAX_SAFE_INTEGER;) {
        yield { done, total }
        if (!unchanged()) {
          stale = true
          break
        }
        const hi = (nextBound.get({ lo, chunk }) as number | undefined) ?? Number.MAX_SAFE_INTEGER
        const at = { ...params, lo, hi }
        detailPending = fillFigures(db, NEXT, settings, source, at, ID_RANGE).detailPending || detailPending
        parts.push(readFacts(db, NEXT, ID_RANGE, at))
        done += inRange.get(at) as number
        lo = hi
        seen = dataVersion(db)
      }
      if (!stale) {
        const last = finishSteps(db, NEXT, asOf, settings, parts, detailPending)
        for (;;) {
          yield { done, total }
          if (!unchanged()) {
            stale = true
            break
          }
          const next = last.next()
          if (next.done) {
            built.set(db, { key: cacheKey(db, asOf, settings), state: next.value })
            return next.value
          }
          seen = dataVersion(db)
        }
      }
      if (adoptable()) return (built.get(db) as { state: SnapshotState }).state
    }
  } finally {
    // stopped, failed or finished: the work tables go, unless a newer build has them now
    if (running.get(db) === token) {
      running.delete(db)
      dropWork(db)
    }
  }
}

/** Drop a stepped build's work tables (the last step has renamed them away). */
function dropWork(db: Db): void {
  db.exec(
    Object.values(NEXT)
      .map((table) => `DROP TABLE IF EXISTS temp.${table};`)
      .join('\n')
  )
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

/** The temp tables one build fills: the live snapshot's, or a stepped build's work tables beside them. */
interface Tables {
  base: string
  core: string
  advocates: string
  /** figuresQuery's scratch when subtracting */
  rewound: string
}
const LIVE: Tables = { base: 'seg_base', core: 'seg_core', advocates: 'seg_advocates', rewound: 'seg_rewound' }
/** A stepped build's work tables, renamed over the live ones by its last step. */
const NEXT: Tables = { base: 'seg_next_base', core: 'seg_next_core', advocates: 'seg_next_advocates', rewound: 'seg_next_rewound' }

type BuildParams = { asOf: string; next: string; coreFrom: string }

const buildParams = (asOf: string, s: SchemeSettings): BuildParams => ({ asOf, next: addDays(asOf, 1), coreFrom: addDays(asOf, 1 - s.core.windowDays) })

/** The one-pass build: every customer in one run of each query, into the live tables. */
function buildSnapshot(db: Db, asOf: string, s: SchemeSettings, source: FiguresSource): SnapshotState {
  const params = buildParams(asOf, s)
  createTables(db, LIVE)
  const { detailPending } = fillFigures(db, LIVE, s, source, params, EVERY_CUSTOMER)
  const last = finishSteps(db, LIVE, asOf, s, [readFacts(db, LIVE, EVERY_CUSTOMER, params)], detailPending)
  for (;;) {
    const next = last.next()
    if (next.done) return next.value
  }
}

function createTables(db: Db, t: Tables): void {
  // the live view goes with the live tables; a stepped build leaves it readable until its last step
  db.exec(`${t === LIVE ? 'DROP VIEW IF EXISTS temp.seg_snap;' : ''}
    DROP TABLE IF EXISTS temp.${t.base};
    DROP TABLE IF EXISTS temp.${t.core};
    DROP TABLE IF EXISTS temp.${t.advocates};
    CREATE TEMP TABLE ${t.base} (
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
    CREATE TEMP TABLE ${t.core} (customer_id INTEGER PRIMARY KEY);
    CREATE TEMP TABLE ${t.advocates} (customer_id INTEGER PRIMARY KEY);`)
}

/**
 * The figures, core and advocate rows of the customers `within` covers (all of them, or one
 * range of ids with @lo and @hi): an advocate is filed under the referrer's own id, so a range
 * holds every row its customers' ladder steps read.
 */
function fillFigures(db: Db, t: Tables, s: SchemeSettings, source: FiguresSource, params: BuildParams, within: Within): { detailPending: boolean } {
  const f = figuresQuery(db, source, params, within, t.rewound)
  db.prepare(
    `WITH fig AS (
       SELECT c.id AS customer_id, c.targeted,
              coalesce(${f.orders}, 0) AS orders, coalesce(${f.spend}, 0) AS spend_fen,
              CASE WHEN coalesce(${f.orders}, 0) = 0 THEN 0 ELSE ${f.purchaseDays} END AS purchase_days,
              CASE WHEN coalesce(${f.orders}, 0) = 0 THEN 0 ELSE ${f.channels} END AS channels,
              CASE WHEN ${f.orders} > 0 THEN substr(${f.firstPurchase}, 1, 10) END AS first_day,
              CASE WHEN ${f.orders} > 0 THEN substr(${f.lastPurchase}, 1, 10) END AS last_day
       FROM customers c ${f.joins}
       WHERE ${SNAPSHOT_MEMBER}${within('c.id')}
     )
     INSERT INTO ${t.base} (customer_id, orders, purchase_days, spend_fen, first_day, last_day, days_last, channels, targeted)
     SELECT customer_id, orders, purchase_days, spend_fen, first_day, last_day,
            CAST(julianday(@asOf) - julianday(last_day) AS INTEGER), channels,
            CASE WHEN orders > 0 THEN 0
                 ELSE targeted = 1 OR EXISTS (SELECT 1 FROM customer_tags g WHERE g.customer_id = fig.customer_id) END
     FROM fig`
  ).run(params)
  dropFiguresScratch(db, t.rewound)

  fillCore(db, s.core, params, t, within)

  // advocates: referred someone who bought by the as-of date
  db.prepare(
    `INSERT INTO ${t.advocates} (customer_id)
     SELECT DISTINCT r.referred_by FROM customers r
     WHERE r.referred_by IS NOT NULL${within('r.referred_by')}
       AND EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = r.id AND o.is_purchase = 1 AND o.ordered_at < @next)`
  ).run(params)
  return { detailPending: f.detailPending }
}

/** What readFacts keeps of the rows of one range. */
type Facts = Pick<SnapshotState, 'days' | 'orders' | 'spend' | 'ladder'>

/**
 * The facts of the rows `within` covers, read in one go, each ladder step decided by the rule
 * in shared/domain.
 */
function readFacts(db: Db, t: Tables, within: Within, params: Record<string, unknown>): Facts {
  const rows = (table: string) => `temp.${table} WHERE 1${within('customer_id')}`
  const flat = readNumberList(db, ['customer_id', `coalesce(days_last, 'null')`, 'orders', 'spend_fen', 'targeted'], rows(t.base), params)
  const core = new Set(readNumberList(db, ['customer_id'], rows(t.core), params))
  const advocates = new Set(readNumberList(db, ['customer_id'], rows(t.advocates), params))
  const n = flat.length / 5
  const days = new Float64Array(n)
  const orders = new Float64Array(n)
  const spend = new Float64Array(n)
  const ladder = new Uint8Array(n)
  for (let i = 0, k = 0; i < n; i++, k += 5) {
    const id = flat[k]
    days[i] = flat[k + 1] ?? NaN
    orders[i] = flat[k + 2] as number
    spend[i] = flat[k + 3] as number
    ladder[i] = ladderSteps.indexOf(ladderStep({ orders: orders[i], targeted: flat[k + 4] === 1, meetsCore: core.has(id), referredBuyer: advocates.has(id) }))
  }
  return { days, orders, spend, ladder }
}

/**
 * The last of a build: the facts of every range end to end, the RFM cuts over the buyers (a
 * measure per step: `yield` between them), the work tables (if any) renamed over the live
 * ones, and the view over them.
 */
function* finishSteps(db: Db, t: Tables, asOf: string, s: SchemeSettings, parts: Facts[], detailPending: boolean): Generator<void, SnapshotState> {
  const n = parts.reduce((sum, p) => sum + p.orders.length, 0)
  const all: Facts = { days: new Float64Array(n), orders: new Float64Array(n), spend: new Float64Array(n), ladder: new Uint8Array(n) }
  let at = 0
  for (const p of parts) {
    all.days.set(p.days, at)
    all.orders.set(p.orders, at)
    all.spend.set(p.spend, at)
    all.ladder.set(p.ladder, at)
    at += p.orders.length
  }
  let buyers = 0
  for (let i = 0; i < n; i++) if (all.orders[i] > 0) buyers++
  const pick = (xs: Float64Array) => {
    const out = new Float64Array(buyers)
    for (let i = 0, j = 0; i < n; i++) if (all.orders[i] > 0) out[j++] = xs[i]
    return out
  }
  const cuts = yield* rfmCutSteps({ days: pick(all.days), orders: pick(all.orders), spend: pick(all.spend) })
  const state: SnapshotState = { cuts, ...all, detailPending }
  if (t !== LIVE) {
    db.exec(`DROP VIEW IF EXISTS temp.seg_snap;
      DROP TABLE IF EXISTS temp.${LIVE.base};
      DROP TABLE IF EXISTS temp.${LIVE.core};
      DROP TABLE IF EXISTS temp.${LIVE.advocates};
      ALTER TABLE temp.${t.base} RENAME TO ${LIVE.base};
      ALTER TABLE temp.${t.core} RENAME TO ${LIVE.core};
      ALTER TABLE temp.${t.advocates} RENAME TO ${LIVE.advocates};`)
  }
  db.exec(`CREATE TEMP VIEW seg_snap AS SELECT *, ${rarelyReadSql(asOf)}, ${stagesSql(s)}, ${rfmColumnsSql(state.cuts)} FROM seg_base`)
  return state
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
