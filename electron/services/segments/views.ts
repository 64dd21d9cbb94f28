/**
 * The data behind the segment views: RFM grid, repeat-purchase rate by month, cohort
 * retention, lifecycle migration between two dates, customers by region. All read the
 * snapshot for the as-of date plus, where time matters, the orders_purchase index (covering:
 * customer, purchase flag, time), so none reads order rows.
 */
import type { Db } from '../../db/driver'
import type { Settings } from '../../../shared/schemas/settings'
import type { Cohorts, Migration, Regions, RepeatRate, RfmGrid } from '../../../shared/schemas/segments'
import { addDays } from '../../../shared/domain/dates'
import { lifecycleStages } from '../../../shared/domain/lifecycle'
import { ensureSnapshot, SNAPSHOT } from './snapshot'
import { schemeSettings } from './scheme-settings'

type S = Pick<Settings, 'lifecycle' | 'core' | 'tiers'>

/** 'YYYY-MM' of the month `n` months after the month of `iso` (n may be negative). */
export function monthAdd(iso: string, n: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + n
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}

/** Distinct (customer, month) purchase pairs from `from` up to the as-of date. */
const customerMonths = `SELECT customer_id, substr(ordered_at, 1, 7) AS month FROM orders INDEXED BY orders_purchase
  WHERE customer_id IS NOT NULL AND is_purchase = 1 AND ordered_at >= @from AND ordered_at < @next
  GROUP BY customer_id, month`

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
      `WITH cm AS (${customerMonths})
       SELECT cm.month, count(*) AS buyers, sum(s.first_day < cm.month || '-01') AS "returning"
       FROM cm JOIN ${SNAPSHOT} s ON s.customer_id = cm.customer_id GROUP BY cm.month`
    )
    .all({ from: `${first}-01`, next: addDays(asOf, 1) }) as { month: string; buyers: number; returning: number }[]
  const byMonth = new Map(rows.map((r) => [r.month, r]))
  const months: RepeatRate['months'] = []
  for (let i = 0; i < 24; i++) {
    const month = monthAdd(first, i)
    const r = byMonth.get(month) ?? { month, buyers: 0, returning: 0 }
    months.push({ ...r, rate: r.buyers ? r.returning / r.buyers : 0 })
  }
  return { asOf, months }
}

/** The last 12 first-purchase months: cohort size and how many bought again k months later. */
export function cohorts(db: Db, asOf: string, settings: S): Cohorts {
  ensureSnapshot(db, asOf, schemeSettings(settings))
  const first = monthAdd(asOf, -11)
  const from = `${first}-01`
  const sizes = db
    .prepare(`SELECT substr(first_day, 1, 7) AS month, count(*) AS n FROM ${SNAPSHOT} WHERE first_day >= ? GROUP BY month`)
    .all(from) as { month: string; n: number }[]
  const cells = db
    .prepare(
      `WITH cm AS (${customerMonths})
       SELECT substr(s.first_day, 1, 7) AS cohort, cm.month, count(*) AS n
       FROM cm JOIN ${SNAPSHOT} s ON s.customer_id = cm.customer_id
       WHERE s.first_day >= @from GROUP BY cohort, cm.month`
    )
    .all({ from, next: addDays(asOf, 1) }) as { cohort: string; month: string; n: number }[]
  const index = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7))
  const sizeOf = new Map(sizes.map((s) => [s.month, s.n]))
  const out: Cohorts['cohorts'] = []
  for (let i = 0; i < 12; i++) {
    const month = monthAdd(first, i)
    const retained = new Array<number>(12 - i).fill(0)
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
  const rows = db
    .prepare(
      `WITH a AS (
         SELECT customer_id, max(ordered_at) AS last FROM orders INDEXED BY orders_purchase
         WHERE customer_id IS NOT NULL AND is_purchase = 1 AND ordered_at < @nextFrom GROUP BY customer_id
       ), d AS (
         SELECT CAST(julianday(@from) - julianday(substr(a.last, 1, 10)) AS INTEGER) AS days, s.lifecycle AS toStage
         FROM ${SNAPSHOT} s LEFT JOIN a ON a.customer_id = s.customer_id
       )
       SELECT CASE WHEN days IS NULL THEN 'none' WHEN days <= @active THEN 'active' WHEN days <= @silent THEN 'silent'
                   WHEN days <= @sleeping THEN 'sleeping' WHEN days <= @drifting THEN 'drifting' ELSE 'lost' END AS fromStage,
              coalesce(toStage, 'none') AS toStage, count(*) AS n
       FROM d GROUP BY fromStage, toStage`
    )
    .all({ from, nextFrom: addDays(from, 1), ...t }) as { fromStage: string; toStage: string; n: number }[]
  const cells = stages.map(() => stages.map(() => 0))
  for (const r of rows) cells[stages.indexOf(r.fromStage)][stages.indexOf(r.toStage)] = r.n
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
