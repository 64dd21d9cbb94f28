/**
 * predictions.top as a job on the demo shop imported from its files: the finished job answers
 * exactly what the synchronous call answers, in the worker thread the app runs it in (which
 * keeps its fits for the next horizon) and in this process (where each phase can be held and
 * read), and a cancelled job gives no result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { createAppContext } from '../../../electron/services/app/app-context'
import { copyOfDemoShop } from '../../helpers/imported-shops'
import { topCustomers, type TopOptions, type TopStep } from '../../../electron/services/predictions/top-customers'
import { JobRegistry } from '../../../electron/services/jobs/job-registry'
import { closeTopWorker, startTopJob } from '../../../electron/services/jobs/top-job'
import { jobsOf } from '../../../electron/services/jobs/context-jobs'
import { testDispatch } from '../../helpers/db'
import type { Db } from '../../../electron/db/driver'
import type { TopList } from '../../../shared/schemas/predictions'
import type { TopJobProgress } from '../../../shared/schemas/jobs'
import { bundleWorker } from '../../helpers/worker-bundle'

let workerFile: string
let removeWorker: () => void
const AS_OF = '2026-11-23'
const OPTIONS: TopOptions = { asOf: AS_OF, horizonDays: 90, limit: 100 }

let path: string
let db: Db
const registries: JobRegistry[] = []
const registry = () => {
  const jobs = new JobRegistry()
  registries.push(jobs)
  return jobs
}

beforeAll(async () => {
  ;({ file: workerFile, remove: removeWorker } = await bundleWorker('electron/services/jobs/top-worker.ts'))
  path = await copyOfDemoShop(800, 3)
  db = openNodeDatabase(path)
}, 120_000)

afterAll(async () => {
  for (const jobs of registries) await closeTopWorker(jobs)
  db.close()
  removeWorker()
})

const finished = async (jobs: JobRegistry, jobId: string) => (await jobs.wait(jobId, 5)) as TopJobProgress

describe('a top-list job', () => {
  it('says each phase in words while it runs in this process, then answers the list the call answers', async () => {
    // an as-of date of its own: nothing has fitted it yet, so the shop's choice checks every model
    const options: TopOptions = { ...OPTIONS, asOf: '2026-11-16' }
    const jobs = new JobRegistry()
    const seen: (TopJobProgress['phase'] | [number, number])[] = []
    let jobId = ''
    const between = async (_step: TopStep) => {
      const p = jobs.progress(jobId) as TopJobProgress
      seen.push(p.phase, [p.done, p.total])
    }
    jobId = startTopJob(jobs, { db, dbPath: path, between }, options).jobId
    const end = await finished(jobs, jobId)
    expect(end.error).toBeNull()
    expect(end.state).toBe('done')
    expect(seen).toEqual([
      { zh: '正在读取购买记录', en: 'reading the purchases' },
      [0, 7],
      { zh: '正在用前 26 周检验 BG/NBD（第 1/4 个模型）', en: 'checking BG/NBD on the 26 weeks before (model 1/4)' },
      [1, 7],
      { zh: '正在用前 26 周检验 MBG/NBD（第 2/4 个模型）', en: 'checking MBG/NBD on the 26 weeks before (model 2/4)' },
      [2, 7],
      { zh: '正在用前 26 周检验 BG/CNBD-k（第 3/4 个模型）', en: 'checking BG/CNBD-k on the 26 weeks before (model 3/4)' },
      [3, 7],
      { zh: '正在用前 26 周检验 MBG/CNBD-k（第 4/4 个模型）', en: 'checking MBG/CNBD-k on the 26 weeks before (model 4/4)' },
      [4, 7],
      // the demo's choice on that day: the shop's backtest picks MBG/CNBD-k, then fits it on everything
      { zh: '正在用全部购买记录拟合 MBG/CNBD-k', en: 'fitting MBG/CNBD-k on all the purchases' },
      [5, 7],
      { zh: '正在排列顾客', en: 'ranking the customers' },
      [6, 7]
    ])
    expect([end.done, end.total, end.phase]).toEqual([7, 7, null])
    expect(end.result!.model).toBe('mbgcnbd')
    expect(end.result).toEqual(topCustomers(db, options))
  })

  it('answers in its worker thread exactly what the call answers, and again for another horizon from the same worker', async () => {
    const jobs = registry()
    const expected: TopList = topCustomers(db, OPTIONS)
    expect(expected.mode).toBe('model')
    expect(expected.rows).toHaveLength(100)
    const first = await finished(jobs, startTopJob(jobs, { db, dbPath: path, workerFile }, OPTIONS).jobId)
    expect(first.error).toBeNull()
    expect(first.result).toEqual(expected)
    expect([first.done, first.total, first.phase]).toEqual([7, 7, null])
    const longer = { ...OPTIONS, horizonDays: 365 }
    const second = await finished(jobs, startTopJob(jobs, { db, dbPath: path, workerFile }, longer).jobId)
    expect(second.result).toEqual(topCustomers(db, longer))
  })

  it('gives no result once cancelled, in the worker thread and in this process, and a list after it still comes', async () => {
    for (const place of [
      { db, dbPath: path, workerFile },
      { db, dbPath: path }
    ]) {
      const jobs = registry()
      const { jobId } = startTopJob(jobs, place, { ...OPTIONS, asOf: '2026-11-09' })
      expect(jobs.cancel(jobId)).toEqual({ cancelled: true })
      await new Promise((r) => setTimeout(r, 50))
      expect(jobs.progress(jobId)).toMatchObject({ state: 'cancelled', result: null, error: { code: 'CANCELLED' } })
      const next = await finished(jobs, startTopJob(jobs, place, OPTIONS).jobId)
      expect(next.state).toBe('done')
      expect(next.result).toEqual(topCustomers(db, OPTIONS))
    }
  })

  it('runs through the contract: topStart answers a job id and jobs.progress the list predictions.top answers', async () => {
    const ctx = createAppContext(db, path, 'test', AS_OF)
    registries.push(jobsOf(ctx))
    const dispatch = testDispatch(ctx)
    const direct = await dispatch('predictions.top', { limit: 20, horizonDays: 30 })
    if (!direct.ok) throw new Error(direct.message)
    const started = await dispatch('predictions.topStart', { limit: 20, horizonDays: 30 })
    if (!started.ok) throw new Error(started.message)
    const { jobId } = started.data as { jobId: string }
    for (;;) {
      const p = await dispatch('jobs.progress', { jobId })
      if (!p.ok) throw new Error(p.message)
      const data = p.data as TopJobProgress
      if (data.state === 'running') {
        await new Promise((r) => setTimeout(r, 5))
        continue
      }
      expect(data.kind).toBe('predictions.top')
      expect(data.result).toEqual(direct.data)
      break
    }
    expect(await dispatch('predictions.topStart', { limit: 0 })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })
})
