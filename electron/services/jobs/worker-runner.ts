/**
 * A job in a worker thread: the worker posts what it is doing (WorkerJobMessage) and the
 * registry hears it here. Cancelling terminates the worker at once, wherever it is — even
 * inside a model's optimiser — which is safe for jobs that only read (their own read-only
 * connection goes with the thread).
 */
import { Worker, parentPort } from 'node:worker_threads'
import type { Words } from '../../../shared/schemas/predictions'
import type { JobError } from '../../../shared/schemas/jobs'
import { jobError, type JobReporter, type JobRunner } from './job-registry'

export type WorkerJobMessage<P, R> =
  | { type: 'progress'; done: number; total: number; phase: Words | null }
  | { type: 'partial'; answer: P }
  | { type: 'done'; result: R }
  | { type: 'error'; error: JobError }

export interface WorkerRunnerOptions {
  /** told once the worker thread has ended, after the job heard its last word (tests wait for it) */
  onExit?: () => void
}

/** Run `file` as a worker with `workerData`, its messages reported to the job. */
export function workerRunner<P, R>(file: string, workerData: unknown, options: WorkerRunnerOptions = {}): JobRunner<P, R> {
  return (report) => {
    const worker = new Worker(file, { workerData })
    let stopped = false
    worker.on('message', (m: WorkerJobMessage<P, R>) => {
      if (m.type === 'progress') report.progress(m.done, m.total, m.phase)
      else if (m.type === 'partial') report.partial(m.answer)
      else if (m.type === 'done') report.done(m.result)
      else report.fail(m.error)
    })
    worker.on('error', (e) => report.fail(jobError(e)))
    worker.on('exit', (code) => {
      // a worker that ends without its answer (killed, crashed) must not leave the job running forever
      if (!stopped) report.fail({ code: 'INTERNAL', message: `后台任务意外结束 (the job's worker exited with ${code} before answering)` })
      options.onExit?.()
    })
    return {
      stop: () => {
        stopped = true
        void worker.terminate()
      }
    }
  }
}

/** The worker's side: a reporter that posts to the thread that started it. */
export function parentReporter<P, R>(): Omit<JobReporter<P, R>, 'cancelled'> {
  const port = parentPort
  if (!port) throw new Error('not running in a worker thread')
  const post = (m: WorkerJobMessage<P, R>) => port.postMessage(m)
  return {
    progress: (done, total, phase) => post({ type: 'progress', done, total, phase }),
    partial: (answer) => post({ type: 'partial', answer }),
    done: (result) => post({ type: 'done', result }),
    fail: (error) => post({ type: 'error', error })
  }
}
