/**
 * The jobs the server is running: each long call (a model fit, say) starts here and answers its
 * job id at once; the window then asks where it stands (done of total, the phase in words, the
 * answers it already has) until it has finished. A job runs elsewhere — in a worker thread, or
 * in this process between turns of the event loop — through a runner that reports back. A
 * finished job's result is kept until it has been read; a failing job fails alone.
 */
import { randomUUID } from 'node:crypto'
import { DomainError } from '../../../shared/result'
import type { Words } from '../../../shared/schemas/predictions'
import type { JobError, JobKind, JobProgress } from '../../../shared/schemas/jobs'
import { refuse } from '../../../shared/errors/refuse'

type ProgressOf<K extends JobKind> = Extract<JobProgress, { kind: K }>
export type PartialOf<K extends JobKind> = ProgressOf<K>['partial'][number]
export type ResultOf<K extends JobKind> = NonNullable<ProgressOf<K>['result']>

/** How a runner tells the registry what its job is doing; anything said after the job finished (cancelled) is ignored. */
export interface JobReporter<P, R> {
  progress(done: number, total: number, phase: Words | null): void
  partial(answer: P): void
  done(result: R): void
  fail(error: JobError): void
  /** true once the job was cancelled: a runner in this process checks it between steps */
  cancelled(): boolean
}

/**
 * Starts the work and answers how to stop it (a worker is terminated; a loop in this process sees
 * `cancelled()`). `stop` answers false when the work is past stopping — a restore whose commit is
 * under way in the backup worker — and the job then goes on to its end: the cancel answers
 * `cancelled: false`, as for a job that had finished, and the window sees the job's own end.
 */
export type JobRunner<P, R> = (report: JobReporter<P, R>) => { stop(): boolean | void } | void

interface Entry {
  progress: JobProgress
  stop: () => boolean | void
  /** the finished state has been read at least once */
  read: boolean
}

/** Finished jobs already read are dropped beyond this many; unread ones are kept until read. */
const KEEP_READ = 10

/** The error a job answers for anything thrown: a DomainError keeps its code and catalogue key. */
export function jobError(e: unknown): JobError {
  if (e instanceof DomainError) return { code: e.code, message: e.message, ...(e.key === undefined ? {} : { key: e.key, params: e.params ?? {} }) }
  return { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) }
}

const notFound = (jobId: string) => refuse('jobNotFound', { id: jobId })

export class JobRegistry {
  private readonly jobs = new Map<string, Entry>()

  /** Start a job of this kind; answers its id before any of its work has run. */
  start<K extends JobKind>(kind: K, run: JobRunner<PartialOf<K>, ResultOf<K>>): { jobId: string } {
    const jobId = randomUUID()
    const progress = { jobId, kind, state: 'running', done: 0, total: 0, phase: null, partial: [], result: null, error: null } as JobProgress
    const entry: Entry = { progress, stop: () => {}, read: false }
    this.jobs.set(jobId, entry)
    this.prune()
    const running = () => entry.progress.state === 'running'
    const reporter: JobReporter<PartialOf<K>, ResultOf<K>> = {
      progress: (done, total, phase) => {
        if (!running()) return
        Object.assign(entry.progress, { done, total, phase })
      },
      partial: (answer) => {
        if (running()) (entry.progress.partial as PartialOf<K>[]).push(answer)
      },
      done: (result) => {
        if (!running()) return
        Object.assign(entry.progress, { state: 'done', done: entry.progress.total, phase: null, result })
      },
      fail: (error) => {
        if (!running()) return
        Object.assign(entry.progress, { state: error.code === 'CANCELLED' ? 'cancelled' : 'failed', phase: null, error })
      },
      cancelled: () => entry.progress.state === 'cancelled'
    }
    try {
      const handle = run(reporter)
      if (handle) entry.stop = () => handle.stop()
    } catch (e) {
      reporter.fail(jobError(e))
    }
    return { jobId }
  }

  /** Where a job stands (a copy: the caller may keep it while the job goes on). */
  progress(jobId: string): JobProgress {
    const entry = this.jobs.get(jobId)
    if (!entry) throw notFound(jobId)
    if (entry.progress.state !== 'running') entry.read = true
    return { ...entry.progress, partial: [...entry.progress.partial] } as JobProgress
  }

  /**
   * Stop a running job at once: it answers cancelled with no result; false when it had already
   * finished, or its work was past stopping (it then ends as it would have).
   */
  cancel(jobId: string): { cancelled: boolean } {
    const entry = this.jobs.get(jobId)
    if (!entry) throw notFound(jobId)
    if (entry.progress.state !== 'running') return { cancelled: false }
    // asked before the job is marked: nothing a stopped runner reports can land between the two
    // (both run in this turn), and work past stopping must keep its own end
    if (entry.stop() === false) return { cancelled: false }
    Object.assign(entry.progress, {
      state: 'cancelled',
      phase: null,
      error: { code: 'CANCELLED', message: '已取消，没有结果。 (cancelled: no result)' }
    })
    return { cancelled: true }
  }

  /** Wait until a job is no longer running (the CLI and tests). */
  async wait(jobId: string, pollMs = 20): Promise<JobProgress> {
    for (;;) {
      const p = this.progress(jobId)
      if (p.state !== 'running') return p
      await new Promise((r) => setTimeout(r, pollMs))
    }
  }

  private prune(): void {
    const read = [...this.jobs].filter(([, e]) => e.read)
    for (const [id] of read.slice(0, Math.max(0, read.length - KEEP_READ))) this.jobs.delete(id)
  }
}
