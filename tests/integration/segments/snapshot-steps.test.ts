/**
 * The segment snapshot built a range of customers per step (snapshotSteps), on the demo shop
 * imported from its files, in ranges of 150 of its 800 customers: the same figures as the
 * one-pass build for every figures source; a recompute job cancelled between ranges leaves no
 * work table and the old snapshot whole; a write between ranges starts the build again (once,
 * not forever) and the figures are those after the write; of two recomputes racing on one
 * connection the newer wins and the older never writes over it.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { copyOfDemoShop, DEMO_AS_OF } from '../../helpers/imported-shops'
import { importCsvRows, namedBySql, namingCells } from '../../helpers/orders-naming-customers'
import { JobRegistry } from '../../../electron/services/jobs/job-registry'
import { startOverviewJob } from '../../../electron/services/jobs/overview-job'
import { schemeOverview, type OverviewStep } from '../../../electron/services/segments/schemes'
import { createSegment } from '../../../electron/services/segments/segment-repo'
import { invalidateSnapshot, rebuildSnapshot, SNAPSHOT_RESTARTS, snapshotSteps, type SnapshotState } from '../../../electron/services/segments/snapshot'
import { figuresSource, type FiguresSource } from '../../../electron/services/segments/snapshot-figures'
import { schemeSettings } from '../../../electron/services/segments/scheme-settings'
import { eraseCustomer } from '../../../electron/services/customers/erase-service'
import { readSettings } from '../../../electron/services/settings/settings-service'
import type { Db } from '../../../electron/db/driver'
import type { OverviewJobProgress } from '../../../shared/schemas/jobs'

const CHUNK = 150
/** the demo shop's sales run over the two years before DEMO_AS_OF */
const DATES: [string, FiguresSource][] = [
  [DEMO_AS_OF, 'summaries'],
  ['2026-08-31', 'subtract'],
  ['2025-06-30', 'aggregate']
]

let db: Db

beforeAll(async () => {
  db = openNodeDatabase(await copyOfDemoShop(800, 3))
  createSegment(db, { name: '回头客', rule: { field: 'orders', op: '>=', value: 2 } }, `${DEMO_AS_OF}T10:00:00`)
}, 120_000)

const schemes = () => schemeSettings(readSettings(db))

/** Every row, core and advocate of the live snapshot, read straight from its tables. */
function snapshotRows() {
  return {
    snap: db.prepare('SELECT * FROM temp.seg_snap ORDER BY customer_id').all(),
    core: db.prepare('SELECT customer_id FROM temp.seg_core ORDER BY 1').pluck().all(),
    advocates: db.prepare('SELECT customer_id FROM temp.seg_advocates ORDER BY 1').pluck().all()
  }
}

const workTables = () => db.prepare("SELECT name FROM sqlite_temp_master WHERE name LIKE 'seg_next%'").pluck().all()

/** Drain a stepped build; its steps and the snapshot. */
function stepped(asOf: string, chunk: number, source?: FiguresSource) {
  const steps: string[] = []
  const g = snapshotSteps(db, asOf, schemes(), { chunk, source })
  for (;;) {
    const next = g.next()
    if (next.done) return { steps, state: next.value as SnapshotState }
    steps.push(`${next.value.done}/${next.value.total}`)
  }
}

/** Run a recompute job to its end; what it said between steps and its end. */
async function recompute(jobs: JobRegistry, asOf: string, between: (step: OverviewStep, jobId: string) => Promise<void> = async () => {}) {
  const seen: string[] = []
  let jobId = ''
  jobId = startOverviewJob(
    jobs,
    {
      db,
      chunk: CHUNK,
      between: async (step) => {
        seen.push(`${step.kind} ${step.done}/${step.total}`)
        await between(step, jobId)
      }
    },
    asOf,
    readSettings(db)
  ).jobId
  return { seen, jobId, end: (await jobs.wait(jobId, 2)) as OverviewJobProgress }
}

/** The overview of the one-pass build on the data as it is now. */
function onePass(asOf: string) {
  invalidateSnapshot(db)
  return schemeOverview(db, asOf, readSettings(db))
}

describe('the snapshot built a range of customers per step', () => {
  it.each(DATES)('gives exactly the one-pass figures as of %s (%s), every row, core and advocate', (asOf, source) => {
    expect(figuresSource(db, asOf)).toBe(source)
    invalidateSnapshot(db)
    const whole = rebuildSnapshot(db, asOf, schemes())
    const rows = snapshotRows()
    expect(rows.snap.length).toBeGreaterThan(100)
    expect(rows.core.length).toBeGreaterThan(0)
    expect(rows.advocates.length).toBeGreaterThan(0)
    for (const chunk of [CHUNK, 333]) {
      invalidateSnapshot(db)
      const { steps, state } = stepped(asOf, chunk)
      // 800 live customers: a step per range, then three for the RFM cuts (a measure each), the last putting the ranges in place
      const ranges = Math.ceil(800 / chunk)
      expect(steps).toEqual([...Array.from({ length: ranges }, (_, i) => `${i * chunk}/800`), '800/800', '800/800', '800/800'])
      expect(state).toEqual(whole)
      expect(snapshotRows()).toEqual(rows)
      expect(workTables()).toEqual([])
    }
  })

  it('builds a shop of no more customers than a step holds in one step, by the one-pass build', () => {
    invalidateSnapshot(db)
    const whole = rebuildSnapshot(db, DEMO_AS_OF, schemes())
    invalidateSnapshot(db)
    const { steps, state } = stepped(DEMO_AS_OF, 800)
    expect(steps).toEqual(['0/800'])
    expect(state).toEqual(whole)
  })

  it('answers through a recompute job the one-pass overview, with the customers built of all at each step', async () => {
    invalidateSnapshot(db)
    const { seen, end } = await recompute(new JobRegistry(), DEMO_AS_OF)
    expect(end).toMatchObject({ state: 'done', done: 800, total: 800, error: null })
    expect(seen).toEqual([
      ...[0, 150, 300, 450, 600, 750].map((n) => `snapshot ${n}/800`),
      ...Array.from({ length: 3 }, () => 'snapshot 800/800'),
      ...Array.from({ length: 6 }, (_, i) => (i < 5 ? 'scheme 800/800' : 'custom 800/800'))
    ])
    expect(end.result).toEqual(onePass(DEMO_AS_OF))
  })

  it('cancelled between any two ranges leaves no seg_next table and the old snapshot as it was', async () => {
    const EARLIER = '2026-08-31'
    invalidateSnapshot(db)
    const earlier = schemeOverview(db, EARLIER, readSettings(db))
    const rows = snapshotRows()
    // the build of today's snapshot has 9 steps (6 ranges and 3 to finish); stop it before each of the last 8
    for (let at = 1; at <= 8; at++) {
      const jobs = new JobRegistry()
      let step = 0
      const { end } = await recompute(jobs, DEMO_AS_OF, async (_, jobId) => {
        if (step++ === at) expect(jobs.cancel(jobId)).toEqual({ cancelled: true })
      })
      expect(end, `cancelled before step ${at}`).toMatchObject({ state: 'cancelled', result: null, error: { code: 'CANCELLED' } })
      expect(workTables(), `cancelled before step ${at}`).toEqual([])
      expect(snapshotRows(), `cancelled before step ${at}`).toEqual(rows)
      // still the cached snapshot of the earlier date: no rebuild, the same figures
      expect(schemeOverview(db, EARLIER, readSettings(db))).toEqual(earlier)
      expect(snapshotRows()).toEqual(rows)
    }
  })

  it('starts again once after a write between ranges, and answers the figures after the write', async () => {
    invalidateSnapshot(db)
    const before = schemeOverview(db, DEMO_AS_OF, readSettings(db))
    invalidateSnapshot(db)
    // a buyer in the first range, built before the write, buys again on the as-of date
    const kinds = ['card', 'phone', 'buyer'] as const
    const who = db
      .prepare(`SELECT ${namedBySql('s.customer_id', kinds)} FROM customer_summaries s WHERE s.orders = 1 ORDER BY s.customer_id LIMIT 1`)
      .pluck()
      .get() as string
    let imported = 0
    const { seen, end } = await recompute(new JobRegistry(), DEMO_AS_OF, async (step) => {
      if (step.kind === 'snapshot' && step.done === 300 && imported === 0) {
        const r = await importCsvRows(
          db,
          '订单编号,下单时间,会员卡号,手机号,买家会员名,渠道,商品编码,商品名称,数量,实收金额',
          [['AGAIN-1', `${DEMO_AS_OF} 12:00:00`, ...namingCells(who, kinds), '门店', 'AGAIN', '再来一单', '1', '88.00']],
          `${DEMO_AS_OF}T12:30:00`
        )
        imported = r.rowsImported
      }
    })
    expect(imported).toBe(1)
    expect(end.state).toBe('done')
    const ranges = [0, 150, 300, 450, 600, 750].map((n) => `snapshot ${n}/800`)
    // three ranges built, the write, then the whole build again
    expect(seen.slice(0, 10)).toEqual([...ranges.slice(0, 3), ...ranges, 'snapshot 800/800'])
    const after = onePass(DEMO_AS_OF)
    expect(end.result).toEqual(after)
    // the write shows: one more repeat buyer
    expect(after.custom.回头客).toBe(before.custom.回头客 + 1)
    expect(workTables()).toEqual([])
  })

  it('finishes in one pass when writes keep coming between its steps, with the figures after the last', async () => {
    invalidateSnapshot(db)
    const buyers = db.prepare('SELECT customer_id FROM customer_summaries WHERE orders > 0 ORDER BY customer_id DESC LIMIT 20').pluck().all() as number[]
    const { seen, end } = await recompute(new JobRegistry(), DEMO_AS_OF, async (step) => {
      if (step.kind === 'snapshot' && step.done === 150) eraseCustomer(db, buyers.pop() as number, `${DEMO_AS_OF}T12:00:00`)
    })
    expect(end.state).toBe('done')
    // each attempt is stopped by the erase after its first range; after SNAPSHOT_RESTARTS it is one step
    expect(SNAPSHOT_RESTARTS).toBe(2)
    expect(seen.slice(0, 6)).toEqual(['snapshot 0/800', 'snapshot 150/800', 'snapshot 0/799', 'snapshot 150/799', 'snapshot 0/798', 'scheme 798/798'])
    expect(end.result).toEqual(onePass(DEMO_AS_OF))
    expect(end.result?.customers).toBe(798)
    expect(workTables()).toEqual([])
  })

  it('takes the snapshot a one-pass call built between its ranges when it is the same one, and starts again when it is not', async () => {
    const settings = readSettings(db)
    // live customers now (an earlier test erased some)
    const n = db.prepare('SELECT count(*) FROM customers WHERE erased_at IS NULL AND merged_into IS NULL').pluck().get() as number
    const ranges = Array.from({ length: Math.ceil(n / CHUNK) + 1 }, (_, i) => `snapshot ${Math.min(i * CHUNK, n)}/${n}`)
    const today = onePass(DEMO_AS_OF)
    const earlier = onePass('2026-08-31')
    // a view asked for today between ranges builds today's snapshot in one pass: the job ends on it
    invalidateSnapshot(db)
    const same = await recompute(new JobRegistry(), DEMO_AS_OF, async (step) => {
      if (step.kind === 'snapshot' && step.done === 300) schemeOverview(db, DEMO_AS_OF, settings)
    })
    expect(same.end.state).toBe('done')
    expect(same.seen.slice(0, 4)).toEqual([...ranges.slice(0, 3), `scheme ${n}/${n}`])
    expect(same.end.result).toEqual(today)
    // …and one for another date replaces the live snapshot: the job builds today's again
    invalidateSnapshot(db)
    let asked = false
    const other = await recompute(new JobRegistry(), DEMO_AS_OF, async (step) => {
      if (step.kind === 'snapshot' && step.done === 300 && !asked) {
        asked = true
        expect(schemeOverview(db, '2026-08-31', settings)).toEqual(earlier)
      }
    })
    expect(other.end.state).toBe('done')
    expect(other.seen.slice(0, 3 + ranges.length)).toEqual([...ranges.slice(0, 3), ...ranges])
    expect(other.end.result).toEqual(today)
    const rows = snapshotRows()
    onePass(DEMO_AS_OF)
    expect(rows).toEqual(snapshotRows())
    expect(workTables()).toEqual([])
  })

  it('lets the newer of two racing recomputes win: the older stops cancelled and never writes over it', async () => {
    const jobs = new JobRegistry()
    invalidateSnapshot(db)
    let newer: Promise<Awaited<ReturnType<typeof recompute>>> | null = null
    // the older recompute (today) has built two ranges when the newer (a past date) starts
    const older = await recompute(jobs, DEMO_AS_OF, async (step) => {
      if (step.kind === 'snapshot' && step.done === 300 && !newer) newer = recompute(jobs, '2026-08-31')
    })
    const later = await (newer as unknown as Promise<Awaited<ReturnType<typeof recompute>>>)
    expect(older.end).toMatchObject({ state: 'cancelled', result: null, error: { code: 'CANCELLED', key: 'snapshotSuperseded' } })
    expect(later.end.state).toBe('done')
    const rows = snapshotRows()
    expect(later.end.result).toEqual(onePass('2026-08-31'))
    // the live snapshot is the newer one's, exactly as the one-pass build makes it
    expect(snapshotRows()).toEqual(rows)
    expect(workTables()).toEqual([])
  })
})
