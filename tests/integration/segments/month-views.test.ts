/**
 * The month-by-month views read the ledger's customer_months rows. Here they are checked
 * against their plain definitions over the orders (the queries they replaced, kept below as
 * the reference) on the demo shop imported from its export files: for several as-of dates, including mid-month ones and a
 * date before the latest imports, and after an erase, a merge, its undo and an import undo.
 */
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../electron/db/driver'
import { importedDemoShop } from '../../helpers/imported-shops'
import { readSettings } from '../../../electron/services/settings/settings-service'
import { cohorts, migration, monthAdd, repeatRate } from '../../../electron/services/segments/views'
import { ensureSnapshot, SNAPSHOT } from '../../../electron/services/segments/snapshot'
import { schemeSettings } from '../../../electron/services/segments/scheme-settings'
import { mergeCustomers, undoMerge } from '../../../electron/services/customers/merge-service'
import { eraseCustomer } from '../../../electron/services/customers/erase-service'
import { undoBatch } from '../../../electron/services/imports/batches'
import { runImport } from '../../../electron/services/imports/import-service'
import { addDays } from '../../../shared/domain/dates'
import { lifecycleStages } from '../../../shared/domain/lifecycle'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** Distinct (customer, month) purchase pairs from `from` up to the as-of date. */
const customerMonths = `SELECT customer_id, substr(ordered_at, 1, 7) AS month FROM orders
  WHERE customer_id IS NOT NULL AND is_purchase = 1 AND ordered_at >= @from AND ordered_at < @next
  GROUP BY customer_id, month`

function referenceRepeatRate(db: Db, asOf: string) {
  const first = monthAdd(asOf, -23)
  return db
    .prepare(
      `WITH cm AS (${customerMonths})
       SELECT cm.month, count(*) AS buyers, sum(s.first_day < cm.month || '-01') AS "returning"
       FROM cm JOIN ${SNAPSHOT} s ON s.customer_id = cm.customer_id GROUP BY cm.month ORDER BY cm.month`
    )
    .all({ from: `${first}-01`, next: addDays(asOf, 1) })
}

function referenceCohortCells(db: Db, asOf: string) {
  const from = `${monthAdd(asOf, -11)}-01`
  return db
    .prepare(
      `WITH cm AS (${customerMonths})
       SELECT substr(s.first_day, 1, 7) AS cohort, cm.month, count(*) AS n
       FROM cm JOIN ${SNAPSHOT} s ON s.customer_id = cm.customer_id
       WHERE s.first_day >= @from GROUP BY cohort, cm.month ORDER BY cohort, cm.month`
    )
    .all({ from, next: addDays(asOf, 1) }) as { cohort: string; month: string; n: number }[]
}

function referenceMigration(db: Db, from: string, t: Record<string, number>) {
  return db
    .prepare(
      `WITH a AS (
         SELECT customer_id, max(ordered_at) AS last FROM orders
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
}

/** Every view against its reference, as of each date. */
function expectSameAsReference(db: Db, dates: string[]) {
  const s = readSettings(db)
  let compared = 0
  for (const asOf of dates) {
    ensureSnapshot(db, asOf, schemeSettings(s))
    const reference = referenceRepeatRate(db, asOf)
    const rr = repeatRate(db, asOf, s)
      .months.filter((m) => m.buyers > 0)
      .map(({ month, buyers, returning }) => ({ month, buyers, returning }))
    expect(rr).toEqual(reference)

    const cells = cohorts(db, asOf, s).cohorts.flatMap((c) =>
      c.retained.map((n, k) => ({ cohort: c.month, month: monthAdd(`${c.month}-01`, k), n })).filter((x) => x.n > 0)
    )
    ensureSnapshot(db, asOf, schemeSettings(s))
    expect(cells).toEqual(referenceCohortCells(db, asOf))

    for (const from of [addDays(asOf, -91), addDays(asOf, -17)]) {
      const m = migration(db, from, asOf, s)
      ensureSnapshot(db, asOf, schemeSettings(s))
      const stages = ['none', ...lifecycleStages]
      const expected = stages.map(() => stages.map(() => 0))
      for (const r of referenceMigration(db, from, s.lifecycle)) expected[stages.indexOf(r.fromStage)][stages.indexOf(r.toStage)] = r.n
      expect(m.cells).toEqual(expected)
    }
    compared += reference.length
  }
  return compared
}

const DATES = ['2026-11-23', '2026-11-30', '2026-10-17', '2026-06-01', '2025-12-31']

describe('month-by-month views over customer_months', () => {
  it('answer exactly what the plain queries over the orders answer, as of month ends and mid-month days', async () => {
    const db = await importedDemoShop(600, 11, '2026-11-23')
    expect(expectSameAsReference(db, DATES)).toBeGreaterThan(60)
  })

  it('stay equal after an erase, a merge and its undo, and an import and its undo', async () => {
    const db = await importedDemoShop(300, 5, '2026-11-23')
    const ids = db.prepare('SELECT id FROM customers ORDER BY id LIMIT 6').pluck().all() as number[]
    eraseCustomer(db, ids[0], '2026-11-23')
    const m = mergeCustomers(db, ids[1], ids[2], '2026-11-23')
    expectSameAsReference(db, ['2026-11-23', '2026-08-15'])
    undoMerge(db, m.id, '2026-11-23')
    const bytes = readFileSync(join(__dirname, '../../fixtures/imports/gbk-title-totals.csv'))
    const r = await runImport(db, {
      file: { name: 'gbk.csv', dataBase64: bytes.toString('base64') },
      options: {},
      importedAt: '2026-11-23T10:00:00',
      backup: null
    })
    expectSameAsReference(db, ['2026-11-23', '2024-03-31'])
    undoBatch(db, r.batchId, '2026-11-23T11:00:00')
    expectSameAsReference(db, ['2026-11-23'])
    // the month rows are exactly the purchase months of live and erased buyers
    const stray = db
      .prepare(
        `SELECT count(*) FROM customer_months m WHERE NOT EXISTS (
        SELECT 1 FROM orders o WHERE o.customer_id = m.customer_id AND o.is_purchase = 1 AND substr(o.ordered_at, 1, 7) = m.month)`
      )
      .pluck()
      .get()
    expect(stray).toBe(0)
  })
  it("starts the cohort table at the shop's first month with a first purchase, and has no row before any purchase", async () => {
    const db = await importedDemoShop(300, 5, '2026-11-23')
    const s = readSettings(db)
    const firstDay = db.prepare('SELECT min(ordered_at) FROM orders WHERE is_purchase = 1').pluck().get() as string
    const firstMonth = firstDay.slice(0, 7)
    // the 15th of the shop's third month
    const third = `${monthAdd(`${firstMonth}-01`, 2)}-15`
    const young = cohorts(db, third, s).cohorts
    expect(young.map((c) => c.month)).toEqual([firstMonth, monthAdd(`${firstMonth}-01`, 1), monthAdd(`${firstMonth}-01`, 2)])
    expect(young.map((c) => c.retained.length)).toEqual([3, 2, 1])
    const firstBuyers = db
      .prepare(
        `SELECT count(*) FROM (SELECT customer_id FROM orders WHERE is_purchase = 1 AND customer_id IS NOT NULL
         GROUP BY customer_id HAVING substr(min(ordered_at), 1, 7) = ?)`
      )
      .pluck()
      .get(firstMonth) as number
    expect(young[0].size).toBe(firstBuyers)
    expect(firstBuyers).toBeGreaterThan(0)
    expect(cohorts(db, addDays(firstDay.slice(0, 10), -1), s).cohorts).toEqual([])
    // an old shop still reads its last twelve months
    expect(cohorts(db, '2026-11-23', s).cohorts).toHaveLength(12)
  })
})
