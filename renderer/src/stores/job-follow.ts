/**
 * How a store follows a job on the server (a fit, a top list, a segment recompute, a backup, the
 * demo's removal) until it has finished, and runs one as a call with its cancel no failure (runJob).
 */
import { watch, type Ref } from 'vue'
import type { Result } from '@shared/result'
import type { JobProgress } from '@shared/schemas/jobs'
import { useLockStore } from './lock'
import type { useCall } from './call'

/** How often a running job is asked where it stands. */
const POLL_MS = 200

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Until the app is unlocked (the lock store hears it from the lock screen or a status read). */
function unlocked(): Promise<void> {
  const lock = useLockStore()
  return new Promise((resolve) => {
    const stop = watch(
      () => lock.locked,
      (locked) => {
        if (locked) return
        queueMicrotask(() => stop())
        resolve()
      },
      { immediate: true }
    )
  })
}

/** A job that has just been started, before its first progress answer. */
export function startedJob<J extends JobProgress>(jobId: string, kind: J['kind']): J {
  return { jobId, kind, state: 'running', done: 0, total: 0, phase: null, partial: [], result: null, error: null } as J
}

/**
 * Follow a job until it has finished, keeping its progress in `current`; its end as an envelope
 * (a cancel is a CANCELLED failure). A poll answered LOCKED (the app locked while the job ran)
 * is not the job's failure: the job goes on in the server, so the lock screen shows and the
 * polling resumes, with the same job id, once unlocked.
 */
export async function followJob<J extends JobProgress>(jobId: string, current: Ref<J | null>): Promise<Result<NonNullable<J['result']>>> {
  for (;;) {
    const p = await window.api.jobs.progress({ jobId })
    // a later job has replaced this one: stop following it
    if (current.value && current.value.jobId !== jobId) return { ok: false, code: 'CANCELLED', message: 'replaced by a later job' }
    if (!p.ok) {
      if (p.code !== 'LOCKED') return p
      const lock = useLockStore()
      lock.noteLocked()
      // the lock's state as the server has it (noteLocked asks; this is the same question), then wait for the unlock
      await lock.refresh()
      await unlocked()
      // never faster than the usual pace, even when the lock's state could not be read
      await pause(POLL_MS)
      continue
    }
    current.value = p.data as J
    if (p.data.state === 'done' && p.data.result) return { ok: true, data: p.data.result as NonNullable<J['result']> }
    if (p.data.state !== 'running') {
      const e = p.data.error ?? { code: 'INTERNAL', message: p.data.state }
      return { ok: false, code: e.code, message: e.message, key: e.key, params: e.params }
    }
    await pause(POLL_MS)
  }
}

/** Ask the server to stop `job` if it is still running (a finished or absent job: nothing to ask). */
export async function cancelJob(job: JobProgress | null | undefined): Promise<void> {
  if (job?.state === 'running') await window.api.jobs.cancel({ jobId: job.jobId })
}

/**
 * How a job run ended when it did not fail: its data, or a cancel (no failure: nothing is shown).
 * A failure answers undefined instead, as a call does, its error already shown.
 */
export type JobEnd<T> = { data: T; cancelled?: undefined } | { data?: undefined; cancelled: true }

/** A store's busy flag and last error (useCall), which a job run is one call of. */
type JobCall = Pick<ReturnType<typeof useCall>, 'run'>

/**
 * Start a job and follow it to its end as one call of `call` (busy meanwhile, a failed start or a
 * failed job shown as its error), its progress in `current` from the start on. A cancel (from the
 * page, or a later job replacing this one) is no failure: it answers `{ cancelled: true }` and
 * shows nothing. `then`, when given, goes on from the job's result inside the same call (busy
 * until it has answered, its failure shown the same way); the job's result is the data otherwise.
 */
export function runJob<J extends JobProgress>(
  call: JobCall,
  current: Ref<J | null>,
  kind: J['kind'],
  start: () => Promise<Result<{ jobId: string }>>
): Promise<JobEnd<NonNullable<J['result']>> | undefined>
export function runJob<J extends JobProgress, T>(
  call: JobCall,
  current: Ref<J | null>,
  kind: J['kind'],
  start: () => Promise<Result<{ jobId: string }>>,
  then: (result: NonNullable<J['result']>) => Promise<Result<T>>
): Promise<JobEnd<T> | undefined>
export function runJob<J extends JobProgress, T>(
  call: JobCall,
  current: Ref<J | null>,
  kind: J['kind'],
  start: () => Promise<Result<{ jobId: string }>>,
  then?: (result: NonNullable<J['result']>) => Promise<Result<T>>
): Promise<JobEnd<T | NonNullable<J['result']>> | undefined> {
  return call.run(async (): Promise<Result<JobEnd<T | NonNullable<J['result']>>>> => {
    const started = await start()
    if (!started.ok) return started
    current.value = startedJob<J>(started.data.jobId, kind)
    const end = await followJob(started.data.jobId, current)
    if (!end.ok) return end.code === 'CANCELLED' ? { ok: true, data: { cancelled: true } } : end
    if (!then) return { ok: true, data: { data: end.data } }
    const next = await then(end.data)
    return next.ok ? { ok: true, data: { data: next.data } } : next
  })
}
