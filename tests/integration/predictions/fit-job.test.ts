/**
 * predictions.fit as a job on the demo shop imported from its files: each model's answer
 * arrives as soon as it is fitted (BG/NBD's while Pareto/NBD, held at a gate, has not even
 * started), the finished job answers exactly what the synchronous call answers, in this
 * process and in the worker thread the app runs it in, and a cancelled job gives no result.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { createAppContext } from '../../../electron/services/app/app-context'
import { copyOfDemoShop } from '../../helpers/imported-shops'
import { fitClv, type FitOptions, type FitStep } from '../../../electron/services/predictions/clv-service'
import { FIT_ORDER } from '../../../electron/services/predictions/model-choice'
import { JobRegistry } from '../../../electron/services/jobs/job-registry'
import { startFitJob } from '../../../electron/services/jobs/fit-job'
import { testDispatch } from '../../helpers/db'
import type { Db } from '../../../electron/db/driver'
import type { ClvFit } from '../../../shared/schemas/predictions'
import type { FitJobProgress } from '../../../shared/schemas/jobs'
import { bundleWorker } from '../../helpers/worker-bundle'

let workerFile: string
let removeWorker: () => void
const OPTIONS: FitOptions = { calibrationEnd: '2026-05-25', holdoutEnd: '2026-11-23', unit: 'week', paretoNbd: true }

let path: string
let db: Db
let expected: ClvFit

beforeAll(async () => {
  ;({ file: workerFile, remove: removeWorker } = await bundleWorker('electron/services/jobs/fit-worker.ts'))
  path = await copyOfDemoShop(800, 3)
  db = openNodeDatabase(path)
  expected = fitClv(db, OPTIONS)
}, 120_000)

afterAll(() => {
  db.close()
  removeWorker()
})

const progress = (jobs: JobRegistry, jobId: string) => jobs.progress(jobId) as FitJobProgress

describe('a fit job', () => {
  it("delivers BG/NBD's answer before a slow Pareto/NBD has finished, then the same fit the call answers", async () => {
    expect(expected.mode).toBe('model')
    const jobs = new JobRegistry()
    // Pareto/NBD made slow for certain: the job stops at its start until the test lets it go
    let atPareto!: () => void
    const reached = new Promise<void>((r) => (atPareto = r))
    let release!: () => void
    const held = new Promise<void>((r) => (release = r))
    const between = (step: FitStep) => {
      if (step.kind !== 'fitting' || step.name !== 'paretoNbd') return Promise.resolve()
      atPareto()
      return held
    }
    const { jobId } = startFitJob(jobs, { db, dbPath: path, between }, OPTIONS)
    await reached

    const mid = progress(jobs, jobId)
    expect(mid.state).toBe('running')
    expect(mid.result).toBeNull()
    expect(mid.phase).toEqual({ zh: '正在拟合 Pareto/NBD（第 5/5 个模型）', en: 'fitting Pareto/NBD (model 5/5)' })
    expect([mid.done, mid.total]).toEqual([5, 7])
    expect(mid.partial.map((a) => a.model)).toEqual(['bgnbd', 'mbgnbd', 'bgcnbd', 'mbgcnbd'])
    const bg = mid.partial[0]
    const { logLik, regularised: _r, ...params } = expected.bgnbd!
    expect(bg).toEqual({ model: 'bgnbd', label: 'BG/NBD', params, logLik, backtest: expected.backtests.bgnbd, error: null })

    release()
    const end = (await jobs.wait(jobId, 5)) as FitJobProgress
    expect(end.state).toBe('done')
    expect(end.result).toEqual(expected)
    expect(end.partial.map((a) => a.model)).toEqual([...FIT_ORDER])
    expect(end.partial[4].params).toEqual({
      r: expected.paretoNbd!.r,
      alpha: expected.paretoNbd!.alpha,
      s: expected.paretoNbd!.s,
      beta: expected.paretoNbd!.beta
    })
  })

  it('answers in its worker thread, off this thread, exactly what the call answers', async () => {
    const jobs = new JobRegistry()
    const { jobId } = startFitJob(jobs, { db, dbPath: path, workerFile }, OPTIONS)
    const end = (await jobs.wait(jobId, 5)) as FitJobProgress
    expect(end.error).toBeNull()
    expect(end.state).toBe('done')
    expect(end.result).toEqual(expected)
    expect(end.partial.map((a) => a.model)).toEqual([...FIT_ORDER])
    expect([end.done, end.total, end.phase]).toEqual([7, 7, null])
  })

  it('gives no result once cancelled, in the worker thread and in this process', async () => {
    for (const place of [
      { db, dbPath: path, workerFile },
      { db, dbPath: path }
    ]) {
      const jobs = new JobRegistry()
      const { jobId } = startFitJob(jobs, place, OPTIONS)
      expect(jobs.cancel(jobId)).toEqual({ cancelled: true })
      // whatever the worker or the loop still had in hand is not taken
      await new Promise((r) => setTimeout(r, 50))
      expect(progress(jobs, jobId)).toMatchObject({ state: 'cancelled', result: null, error: { code: 'CANCELLED' } })
    }
  })

  it('runs through the contract: fitStart answers a job id, jobs.progress the fit, and bad dates are refused before a job starts', async () => {
    const ctx = createAppContext(db, path, 'test', '2026-11-23')
    const dispatch = testDispatch(ctx)
    const bad = await dispatch('predictions.fitStart', { calibrationEnd: '2026-11-23', holdoutEnd: '2026-05-25' })
    expect(bad).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    const started = await dispatch('predictions.fitStart', { calibrationEnd: OPTIONS.calibrationEnd, holdoutEnd: OPTIONS.holdoutEnd, model: 'auto' })
    if (!started.ok) throw new Error(started.message)
    const { jobId } = started.data as { jobId: string }
    for (;;) {
      const p = await dispatch('jobs.progress', { jobId })
      if (!p.ok) throw new Error(p.message)
      const data = p.data as FitJobProgress
      if (data.state === 'running') {
        await new Promise((r) => setTimeout(r, 5))
        continue
      }
      expect(data.result).toEqual(expected)
      break
    }
    expect(await dispatch('jobs.cancel', { jobId })).toEqual({ ok: true, data: { cancelled: false } })
    expect(await dispatch('jobs.progress', { jobId: 'no-such-job' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
