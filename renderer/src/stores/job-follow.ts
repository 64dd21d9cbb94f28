/** How a store follows a job on the server (a fit, a top list, a segment recompute) until it has finished. */
import { watch, type Ref } from 'vue'
import type { Result } from '@shared/result'
import type { JobProgress } from '@shared/schemas/jobs'
import { useLockStore } from './lock'

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
