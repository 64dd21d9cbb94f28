/**
 * The data behind the segment views: RFM grid, repeat-purchase rate by month, cohort
 * retention, lifecycle migration between two dates, customers by region. All read the
 * snapshot for the as-of date plus, where time matters, the ledger's customer_months (one row
 * per customer and purchase month, with its first and last purchase), so none walks the orders
 * but for one month at most.
 */
import type { Db } from '../../db/driver'
import type { Settings } from '../../../shared/schemas/settings'
import type { Cohorts, Migration, Regions, RepeatRate, RfmGrid } from '../../../shared/schemas/segments'
import { addDays } from '../../../shared/domain/dates'
import { lifecycleStage, lifecycleStages } from '../../../shared/domain/lifecycle'
import { readNumberList } from './number-list'
import { ensureSnapshot, SNAPSHOT, SNAPSHOT_MEMBER } from './snapshot'
import { schemeSettings } from './scheme-settings'
import { chartFrom } from '../../../shared/domain/chart-months'

type S = Pick<Settings, 'lifecycle' | 'core' | 'tiers'>

/** 'YYYY-MM' of the month `n` months after the month of `iso` (n may be negative). */
export function monthAdd(iso: string, n: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + n
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}

/**
 * Customers whose purchase months stay out of the views although their sales count: those the
 * snapshot leaves out (erased, merged, not yet known). Usually a handful, so this small set is
 * far cheaper to test against than the 200,000-row snapshot itself.
 */
const OUTSIDE = `SELECT c.id FROM customers c WHERE NOT (${SNAPSHOT_MEMBER})`

/**
 * Purchase months from `@fromMonth` up to the as-of date: a month counts when its earliest
 * purchase came before `@next`, which also cuts the as-of month at the as-of day.
 */
const MONTHS_UP_TO_AS_OF = `month >= @fromMonth AND month <= @asOfMonth AND first_at < @next AND customer_id NOT IN (${OUTSIDE})`

/** Buyers and their spend for every R × F score pair (25 cells, empty ones included). */
export function rfmGrid(db: Db, asOf: string, settings: S): RfmGrid {
  ensureSnapshot(db, asOf, schemeSettings(settings))
  const rows = db
    .prepare(`SELECT r, f, count(*) AS count, sum(spend_fen) AS spendFen FROM ${SNAPSHOT} WHERE orders > 0 GROUP BY r, f`)
    .all() as RfmGrid['cells']
  const byKey = new Map(rows.map((c) => [c.r * 10 + c.f, c]))
  const cells: RfmGrid['cells'] = []
  for (let r = 1; r <= 5; r++) for (let f = 1; f <= 5; f++) cells.push(byKey.get(r * 10 + f) ?? { r, f, count: 0, spendFen: 0 })
  return { asOf, buyers: rows.reduce((a, c) => a + c.count, 0), cells }
}

/** For each of the last 24 months: buyers, and those whose first purchase came before that month. */
export function repeatRate(db: Db, asOf: string, settings: S): RepeatRate {
  ensureSnapshot(db, asOf, schemeSettings(settings))
  const first = monthAdd(asOf, -23)
  const rows = db
    .prepare(
      `SELECT month, count(*) AS buyers, sum(first_month < month) AS "returning"
       FROM customer_months INDEXED BY customer_months_month
       WHERE ${MONTHS_UP_TO_AS_OF} GROUP BY month`
    )
    .all({ fromMonth: first, asOfMonth: asOf.slice(0, 7), next: addDays(asOf, 1) }) as { month: string; buyers: number; returning: number }[]
  const byMonth = new Map(rows.map((r) => [r.month, r]))
  const months: RepeatRate['months'] = []
  for (let i = 0; i < 24; i++) {
    const month = monthAdd(first, i)
    const r = byMonth.get(month) ?? { month, buyers: 0, returning: 0 }
    months.push({ ...r, rate: r.buyers ? r.returning / r.buyers : 0 })
  }
  // the chart starts at the shop's first purchase month (customer_months_month answers min() with one seek)
  const firstMonth = db.prepare(`SELECT min(month) FROM customer_months WHERE month <= ?`).pluck().get(asOf.slice(0, 7)) as string | null
  return { asOf, months, chartFrom: chartFrom(asOf, firstMonth) }
}

/** A 'YYYY-MM' month as a count of months, so two months subtract. */
const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7))

/**
 * The last 12 first-purchase months: cohort size and how many bought again k months later. A
 * shop younger than that starts at its first month with a first purchase (a three-month-old
 * shop reads three rows, not nine empty ones above them); a shop with no purchase yet, none.
 */
export function cohorts(db: Db, asOf: string, settings: S): Cohorts {
  ensureSnapshot(db, asOf, schemeSettings(settings))
  const shopFirst = db.prepare(`SELECT min(first_day) FROM ${SNAPSHOT}`).pluck().get() as string | null
  if (shopFirst === null) return { asOf, cohorts: [] }
  const twelveBack = monthAdd(asOf, -11)
  const first = shopFirst.slice(0, 7) > twelveBack ? shopFirst.slice(0, 7) : twelveBack
  const rows = index(asOf.slice(0, 7)) - index(first) + 1
  const from = `${first}-01`
  const sizes = db.prepare(`SELECT substr(first_day, 1, 7) AS month, count(*) AS n FROM ${SNAPSHOT} WHERE first_day >= ? GROUP BY month`).all(from) as {
    month: string
    n: number
  }[]
  const cells = db
    .prepare(
      `SELECT first_month AS cohort, month, count(*) AS n
       FROM customer_months INDEXED BY customer_months_month
       WHERE ${MONTHS_UP_TO_AS_OF} AND first_month >= @fromMonth GROUP BY first_month, month`
    )
    .all({ fromMonth: first, asOfMonth: asOf.slice(0, 7), next: addDays(asOf, 1) }) as { cohort: string; month: string; n: number }[]
  const sizeOf = new Map(sizes.map((s) => [s.month, s.n]))
  const out: Cohorts['cohorts'] = []
  for (let i = 0; i < rows; i++) {
    const month = monthAdd(first, i)
    const retained = new Array<number>(rows - i).fill(0)
    for (const c of cells) if (c.cohort === month) retained[index(c.month) - index(month)] = c.n
    out.push({ month, size: sizeOf.get(month) ?? 0, retained })
  }
  return { asOf, cohorts: out }
}

/** Lifecycle stage on `from` (rows) against stage on the as-of date (columns); 'none' = no purchase yet. */
export function migration(db: Db, from: string, asOf: string, settings: S): Migration {
  ensureSnapshot(db, asOf, schemeSettings(settings))
  const stages = ['none', ...lifecycleStages]
  const t = settings.lifecycle
  // Each customer's days since the last purchase up to the from date, then (as of the snapshot
  // date) days_last, read as one list that JS tallies by the one rule in shared/domain/lifecycle.
  // Whoever has not bought since the from date had that purchase last of all (the summary's);
  // only the others seek it: in the from date's month, that month's last purchase when it came
  // by then, else the orders up to then; failing that, the latest earlier month's last purchase.
  const lastUpToFrom = `CASE WHEN cs.last_purchase < @nextFrom THEN cs.last_purchase
       WHEN cs.last_purchase IS NOT NULL THEN coalesce(
         (SELECT CASE WHEN m.last_at < @nextFrom THEN m.last_at ELSE
                   (SELECT max(o.ordered_at) FROM orders o INDEXED BY orders_purchase
                    WHERE o.customer_id = s.customer_id AND o.is_purchase = 1 AND o.ordered_at >= @fromMonthStart AND o.ordered_at < @nextFrom) END
          FROM customer_months m WHERE m.customer_id = s.customer_id AND m.month = @fromMonth AND m.first_at < @nextFrom),
         (SELECT m.last_at FROM customer_months m
          WHERE m.customer_id = s.customer_id AND m.month < @fromMonth ORDER BY m.month DESC LIMIT 1))
     END`
  const days = readNumberList(
    db,
    [`coalesce(CAST(julianday(@from) - julianday(substr(${lastUpToFrom}, 1, 10)) AS INTEGER), 'null')`, `coalesce(s.days_last, 'null')`],
    `${SNAPSHOT} s LEFT JOIN customer_summaries cs ON cs.customer_id = s.customer_id`,
    { from, fromMonth: from.slice(0, 7), fromMonthStart: `${from.slice(0, 7)}-01`, nextFrom: addDays(from, 1) }
  )
  const stageIndex = (d: number | null) => (d === null ? 0 : 1 + lifecycleStages.indexOf(lifecycleStage(d, t)))
  const cells = stages.map(() => stages.map(() => 0))
  for (let i = 0; i < days.length; i += 2) cells[stageIndex(days[i])][stageIndex(days[i + 1])]++
  return { from, to: asOf, stages, cells }
}

/** Customers, buyers and spend by province, most customers first. */
export function regions(db: Db, asOf: string, settings: S): Regions {
  ensureSnapshot(db, asOf, schemeSettings(settings))
  const rows = db
    .prepare(
      `SELECT coalesce(nullif(c.province, ''), '未知') AS province, count(*) AS customers,
              sum(s.orders > 0) AS buyers, sum(s.spend_fen) AS spendFen
       FROM ${SNAPSHOT} s JOIN customers c ON c.id = s.customer_id
       GROUP BY 1 ORDER BY customers DESC, province`
    )
    .all() as Regions['regions']
  return { asOf, regions: rows }
}
