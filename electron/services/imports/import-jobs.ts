/**
 * Running imports as jobs the UI can poll: started in a worker thread when the built worker
 * file exists (the window stays responsive), otherwise in this process (tests, `tsx`).
 * Progress is rows done, rows in all and rows per second; a job can be cancelled.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { randomUUID } from 'node:crypto'
import type { Db } from '../../db/driver'
import type { ImportProgress, ImportResult } from '../../../shared/schemas/imports'
import { runImport, type RunImportInput } from './import-service'
import { importHeapLimitFor } from './import-heap'
import type { WorkerMessage, WorkerRequest } from './import-worker'
import { errorMessage } from './worker-error'
import { refuse } from '../../../shared/errors/refuse'

interface Job {
  progress: ImportProgress
  cancel: Int32Array
  startedAt: number
  writingFrom: number | null
  /** rows already done when the first writing report came */
  writingBase: number
  worker: Worker | null
}

export interface JobsOptions {
  db: Db
  dbPath: string
  /** where the built worker lives; default: beside this bundle */
  workerFile?: string
  /** clock for rows per second (a measurement, not business logic) */
  now?: () => number
  /** told once per finished import (the audit trail listens here) */
  onDone?: (result: ImportResult) => void
  /** the worker's heap limit in MB; default: sized to the file (tests set a small one) */
  heapLimitMb?: number
}

const KEEP_FINISHED = 20

/** A worker that died: out of memory is the file's size, said plainly; anything else is ours. */
function workerFailure(e: Error & { code?: string }): Extract<WorkerMessage, { type: 'error' }> {
  if (e.code === 'ERR_WORKER_OUT_OF_MEMORY') {
    return errorMessage(refuse('importOutOfMemory'))
  }
  return { type: 'error', code: 'INTERNAL', message: e.message }
}

export class ImportJobs {
  private readonly jobs = new Map<string, Job>()
  private readonly now: () => number

  constructor(private readonly options: JobsOptions) {
    this.now = options.now ?? (() => performance.now())
  }

  private workerFile(): string | null {
    if (this.options.dbPath === ':memory:') return null
    // the bundler may place this code in out/main/chunks/, one level below the worker entry
    const candidates = this.options.workerFile ? [this.options.workerFile] : [join(__dirname, 'import-worker.js'), join(__dirname, '..', 'import-worker.js')]
    return candidates.find((f) => existsSync(f)) ?? null
  }

  /** Start an import; answers its job id at once. */
  start(input: RunImportInput): { jobId: string } {
    const jobId = randomUUID()
    const cancel = new SharedArrayBuffer(4)
    const job: Job = {
      progress: { jobId, state: 'running', phase: 'reading', rowsDone: 0, rowsTotal: 0, rowsPerSecond: 0, result: null, error: null },
      cancel: new Int32Array(cancel),
      startedAt: this.now(),
      writingFrom: null,
      writingBase: 0,
      worker: null
    }
    this.jobs.set(jobId, job)
    this.prune()
    const file = this.workerFile()
    if (file) {
      const request: WorkerRequest = { ...input, dbPath: this.options.dbPath, cancel }
      const maxOldGenerationSizeMb = this.options.heapLimitMb ?? importHeapLimitFor(input.file)
      const worker = new Worker(file, { workerData: request, resourceLimits: { maxOldGenerationSizeMb } })
      job.worker = worker
      worker.on('message', (m: WorkerMessage) => this.onMessage(job, m))
      worker.on('error', (e: Error & { code?: string }) => this.finish(job, workerFailure(e)))
      worker.on('exit', (code) => {
        if (job.progress.state === 'running') this.finish(job, errorMessage(refuse('importWorkerExited', { exitCode: code })))
      })
    } else {
      // in-process: let the caller receive the job id before the (blocking) pipeline runs
      setImmediate(() => {
        runImport(this.options.db, input, {
          phase: (phase) => this.onMessage(job, { type: 'progress', phase, rowsDone: 0, rowsTotal: 0 }),
          progress: (phase, rowsDone, rowsTotal) => this.onMessage(job, { type: 'progress', phase, rowsDone, rowsTotal }),
          shouldCancel: () => Atomics.load(job.cancel, 0) === 1
        }).then(
          (result) => this.finish(job, { type: 'done', result }),
          (e: unknown) => this.finish(job, errorMessage(e))
        )
      })
    }
    return { jobId }
  }

  /** Where a job stands. */
  progress(jobId: string): ImportProgress {
    const job = this.jobs.get(jobId)
    if (!job) throw refuse('importJobNotFound', { id: jobId })
    return { ...job.progress }
  }

  /** Ask a running job to stop; answers false when it had already finished. */
  cancel(jobId: string): { cancelled: boolean } {
    const job = this.jobs.get(jobId)
    if (!job) throw refuse('importJobNotFound', { id: jobId })
    if (job.progress.state !== 'running') return { cancelled: false }
    Atomics.store(job.cancel, 0, 1)
    return { cancelled: true }
  }

  /** Wait until a job is no longer running (the CLI and tests). */
  async wait(jobId: string, pollMs = 50): Promise<ImportProgress> {
    for (;;) {
      const p = this.progress(jobId)
      if (p.state !== 'running') return p
      await new Promise((r) => setTimeout(r, pollMs))
    }
  }

  private onMessage(job: Job, m: WorkerMessage): void {
    if (m.type !== 'progress') return this.finish(job, m)
    const p = job.progress
    if (m.phase === 'writing' && job.writingFrom === null) {
      job.writingFrom = this.now()
      job.writingBase = m.rowsDone
    }
    p.phase = m.phase
    if (m.rowsTotal > 0) p.rowsTotal = m.rowsTotal
    p.rowsDone = m.rowsDone
    const secs = job.writingFrom === null ? 0 : (this.now() - job.writingFrom) / 1000
    if (m.phase === 'writing' && secs > 0.2) p.rowsPerSecond = Math.round((m.rowsDone - job.writingBase) / secs)
  }

  private finish(job: Job, m: Exclude<WorkerMessage, { type: 'progress' }>): void {
    if (job.progress.state !== 'running') return
    const p = job.progress
    if (m.type === 'done') {
      p.state = 'done'
      p.result = m.result
      p.rowsDone = m.result.rowsRead
      p.rowsTotal = m.result.rowsRead
      // over the whole job, reading and finishing included: what the user waited for
      const secs = (this.now() - job.startedAt) / 1000
      if (secs > 0) p.rowsPerSecond = Math.round(m.result.rowsRead / secs)
      this.options.onDone?.(m.result)
    } else {
      p.state = m.code === 'CANCELLED' ? 'cancelled' : 'failed'
      p.error = { code: m.code, message: m.message, ...(m.key === undefined ? {} : { key: m.key, params: m.params ?? {} }) }
    }
    job.worker = null
  }

  private prune(): void {
    const finished = [...this.jobs].filter(([, j]) => j.progress.state !== 'running')
    for (const [id] of finished.slice(0, Math.max(0, finished.length - KEEP_FINISHED))) this.jobs.delete(id)
  }
}
