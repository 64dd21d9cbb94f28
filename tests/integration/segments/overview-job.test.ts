/**
 * The segment recompute (segments.overview) as a job on the demo shop imported from its files:
 * the finished job answers exactly what the call answers, says each step in words, and a job
 * cancelled at any step gives no result and leaves nothing half built — the overview asked
 * afterwards, for the old date or the new one, answers the same figures as before.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { createAppContext } from '../../../electron/services/app/app-context'
import { copyOfDemoShop, DEMO_AS_OF } from '../../helpers/imported-shops'
import { JobRegistry } from '../../../electron/services/jobs/job-registry'
import { startOverviewJob } from '../../../electron/services/jobs/overview-job'
import { schemeOverview } from '../../../electron/services/segments/schemes'
import { createSegment } from '../../../electron/services/segments/segment-repo'
import { readSettings } from '../../../electron/services/settings/settings-service'
import { testDispatch } from '../../helpers/db'
import type { Db } from '../../../electron/db/driver'
import type { OverviewJobProgress } from '../../../shared/schemas/jobs'

const EARLIER = '2026-08-01'
let db: Db
let path: string

beforeAll(async () => {
  path = await copyOfDemoShop(800, 3)
  db = openNodeDatabase(path)
  createSegment(db, { name: '回头客', rule: { field: 'orders', op: '>=', value: 2 } }, `${DEMO_AS_OF}T10:00:00`)
}, 120_000)

afterAll(() => db.close())

describe('a segment recompute job', () => {
  it('answers through segments.overviewStart and jobs.progress exactly what segments.overview answers', async () => {
    const ctx = createAppContext(db, path, 'test', DEMO_AS_OF)
    const dispatch = testDispatch(ctx)
    const direct = await dispatch('segments.overview', {})
    const started = await dispatch('segments.overviewStart', {})
    if (!direct.ok || !started.ok) throw new Error('the calls failed')
    const { jobId } = started.data as { jobId: string }
    let p: OverviewJobProgress
    do {
      await new Promise((r) => setTimeout(r, 5))
      const r = await dispatch('jobs.progress', { jobId })
      if (!r.ok) throw new Error(r.message)
      p = r.data as OverviewJobProgress
    } while (p.state === 'running')
    expect(p).toMatchObject({ kind: 'segments.overview', state: 'done', done: 800, total: 800, error: null })
    expect(p.result).toEqual(direct.data)
    expect((direct.data as { custom: object }).custom).toEqual({ 回头客: 492 })
  })

  it('says each step in words with the customers built of all, one scheme per step, then each saved segment', async () => {
    const jobs = new JobRegistry()
    const seen: string[] = []
    let jobId = ''
    const between = async () => {
      const p = jobs.progress(jobId)
      seen.push(`${p.done}/${p.total} ${p.phase?.zh}`)
    }
    jobId = startOverviewJob(jobs, { db, between }, EARLIER, readSettings(db)).jobId
    const p = (await jobs.wait(jobId, 5)) as OverviewJobProgress
    expect(p.state).toBe('done')
    expect(seen).toEqual([
      // 800 customers: the snapshot in one step
      '0/800 正在整理每位顾客的购买数据',
      '800/800 正在计算生命周期（第 1/5 个）',
      '800/800 正在计算客户阶梯（第 2/5 个）',
      '800/800 正在计算会员等级（第 3/5 个）',
      '800/800 正在计算 RFM 分群（第 4/5 个）',
      '800/800 正在计算 RFM 八类（第 5/5 个）',
      '800/800 正在统计自定义分群「回头客」（第 1/1 个）'
    ])
    expect(p.result).toEqual(schemeOverview(db, EARLIER, readSettings(db)))
  })

  it('cancelled at any step gives no result and leaves the overview of either date as it was', async () => {
    const settings = readSettings(db)
    const before = schemeOverview(db, DEMO_AS_OF, settings)
    const earlier = schemeOverview(db, EARLIER, settings)
    // the snapshot now holds the earlier date; each job recomputes today's and is stopped at step `at`
    for (let at = 0; at < 7; at++) {
      schemeOverview(db, EARLIER, settings)
      const jobs = new JobRegistry()
      let jobId = ''
      let step = 0
      const between = async () => {
        if (step++ === at) expect(jobs.cancel(jobId)).toEqual({ cancelled: true })
      }
      jobId = startOverviewJob(jobs, { db, between }, DEMO_AS_OF, settings).jobId
      const p = (await jobs.wait(jobId, 5)) as OverviewJobProgress
      expect(p, `cancelled at step ${at}`).toMatchObject({ state: 'cancelled', result: null, error: { code: 'CANCELLED' } })
      expect(schemeOverview(db, EARLIER, settings)).toEqual(earlier)
      expect(schemeOverview(db, DEMO_AS_OF, settings)).toEqual(before)
    }
  })
})
