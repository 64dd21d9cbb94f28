/**
 * predictions.top as a job. The list refits the chosen model on everything up to the day, which
 * can hold a big shop's server for seconds, so it runs in a worker thread with its own read-only
 * connection when the built worker exists and the database is a file; otherwise (an in-memory
 * database, tests from the sources) in this process, one step per turn of the event loop.
 *
 * Unlike a fit, the top list's worker stays alive between jobs: the list keeps its last fits
 * (top-customers.ts, keyed by the data and the day), so choosing another horizon rescores without
 * fitting again — a worker per job would start with an empty memory every time. Cancelling
 * terminates the worker (the next job starts a fresh one).
 */
import { Worker } from 'node:worker_threads'
import type { Db } from '../../db/driver'
import type { Words } from '../../../shared/schemas/predictions'
import { CHOICE_MODELS, topCustomerSteps, type TopOptions, type TopStep } from '../predictions/top-customers'
import { MODEL_LABELS } from '../predictions/model-choice'
import { jobError, type JobRegistry, type JobReporter, type JobRunner, type PartialOf, type ResultOf } from './job-registry'
import type { WorkerJobMessage } from './worker-runner'
import { stepRunner, type StepRunnerOptions } from './step-runner'
import { builtWorkerFile } from './built-worker'

type TopReporter = JobReporter<PartialOf<'predictions.top'>, ResultOf<'predictions.top'>>

/** What the top worker is asked, one message per job. */
export interface TopWorkerRequest {
  jobId: string
  dbPath: string
  options: TopOptions
}

/** What it answers: a job's message, tagged with the job. */
export type TopWorkerMessage = WorkerJobMessage<never, ResultOf<'predictions.top'>> & { jobId: string }

const READING: Words = { zh: '正在读取购买记录', en: 'reading the purchases' }
const RANKING: Words = { zh: '正在排列顾客', en: 'ranking the customers' }

/**
 * Turns the list's steps into progress. Steps: reading, each model the shop's choice checks
 * (none when pinned), the fit on everything, ranking; a list whose fit is remembered, or that
 * falls back to the rule, jumps straight to ranking.
 */
export function topProgress(options: TopOptions, report: Pick<TopReporter, 'progress'>): (step: TopStep) => void {
  const total = 3 + (options.model ? 0 : CHOICE_MODELS)
  return (step) => {
    if (step.kind === 'reading') report.progress(0, total, READING)
    else if (step.kind === 'checking') {
      const label = MODEL_LABELS[step.name]
      const n = `${step.index + 1}/${step.count}`
      report.progress(Math.min(1 + step.index, total - 2), total, {
        zh: `正在用前 26 周检验 ${label}（第 ${n} 个模型）`,
        en: `checking ${label} on the 26 weeks before (model ${n})`
      })
    } else if (step.kind === 'fitting') {
      const label = MODEL_LABELS[step.name]
      report.progress(total - 2, total, { zh: `正在用全部购买记录拟合 ${label}`, en: `fitting ${label} on all the purchases` })
    } else report.progress(total - 1, total, RANKING)
  }
}

export interface TopJobPlace {
  db: Db
  dbPath: string
  /** the built worker; default: top-worker.js beside this bundle (none under the sources) */
  workerFile?: string
  /** in-process only: awaited after each step (tests hold the list here) */
  between?: StepRunnerOptions<TopStep>['between']
}

function builtWorker(place: TopJobPlace): string | null {
  if (place.dbPath === ':memory:') return null
  if (place.workerFile) return place.workerFile
  return builtWorkerFile('top-worker')
}

/** An idle list worker ends after this long (its remembered fits go with it); the next list starts another. */
const IDLE_MS = 10 * 60_000

/** The live top worker of each registry (each open shop), with the jobs it still owes an answer. */
interface LiveWorker {
  file: string
  worker: Worker
  waiting: Map<string, TopReporter>
  idle?: ReturnType<typeof setTimeout>
}
const live = new WeakMap<JobRegistry, LiveWorker>()

function liveWorker(jobs: JobRegistry, file: string): LiveWorker {
  const have = live.get(jobs)
  if (have && have.file === file) return have
  if (have) void have.worker.terminate()
  const worker = new Worker(file)
  // an idle list worker must not keep the server (or a test) from exiting
  worker.unref()
  const lw: LiveWorker = { file, worker, waiting: new Map() }
  worker.on('message', (m: TopWorkerMessage) => {
    const report = lw.waiting.get(m.jobId)
    if (m.type === 'progress') report?.progress(m.done, m.total, m.phase)
    else if (m.type === 'done' || m.type === 'error') {
      lw.waiting.delete(m.jobId)
      if (m.type === 'done') report?.done(m.result)
      else report?.fail(m.error)
      if (lw.waiting.size === 0) idleFrom(jobs, lw)
    }
  })
  const end = (why: string) => {
    if (live.get(jobs) === lw) live.delete(jobs)
    // a job still waiting (killed, crashed) must not stay running forever; a cancelled one ignores this
    for (const report of lw.waiting.values()) report.fail({ code: 'INTERNAL', message: `后台任务意外结束 (the top list's worker ${why} before answering)` })
    lw.waiting.clear()
  }
  worker.on('error', (e) => end(`failed: ${jobError(e).message}`))
  worker.on('exit', (code) => end(`exited with ${code}`))
  live.set(jobs, lw)
  return lw
}

/** Stop the registry's top worker, if any (a closing shop, the end of a test). */
export async function closeTopWorker(jobs: JobRegistry): Promise<void> {
  const lw = live.get(jobs)
  if (!lw) return
  live.delete(jobs)
  await lw.worker.terminate()
}

function idleFrom(jobs: JobRegistry, lw: LiveWorker): void {
  clearTimeout(lw.idle)
  lw.idle = setTimeout(() => {
    if (live.get(jobs) === lw) live.delete(jobs)
    void lw.worker.terminate()
  }, IDLE_MS)
  lw.idle.unref()
}

function inWorker(jobs: JobRegistry, file: string, dbPath: string, options: TopOptions): JobRunner<never, ResultOf<'predictions.top'>> {
  return (report) => {
    const lw = liveWorker(jobs, file)
    // the registry's job id is not known to the runner: a request id of our own tags the messages
    const jobId = `${Date.now()}-${Math.random().toString(36).slice(2)}`
    clearTimeout(lw.idle)
    lw.waiting.set(jobId, report)
    const request: TopWorkerRequest = { jobId, dbPath, options }
    lw.worker.postMessage(request)
    return {
      stop: () => {
        lw.waiting.delete(jobId)
        // the worker is inside a synchronous fit: only ending the thread stops it
        if (live.get(jobs) === lw) live.delete(jobs)
        void lw.worker.terminate()
      }
    }
  }
}

/** Start a top-list job; answers its id at once. */
export function startTopJob(jobs: JobRegistry, place: TopJobPlace, options: TopOptions): { jobId: string } {
  const file = builtWorker(place)
  if (file) return jobs.start('predictions.top', inWorker(jobs, file, place.dbPath, options))
  return jobs.start(
    'predictions.top',
    stepRunner(
      () => topCustomerSteps(place.db, options),
      (step, report) => topProgress(options, report)(step),
      { between: place.between }
    )
  )
}
