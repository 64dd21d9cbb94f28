/**
 * The predictions store loads the top list through a job (jobs.progress until it ends, its phase
 * kept for the page), and a poll answered LOCKED — the app locked while the job ran — is not the
 * list's failure: the store keeps the job id, the lock screen shows, and polling resumes once
 * unlocked. The server here is a script of answers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { usePredictionsStore } from '../../../renderer/src/stores/predictions'
import { useLockStore } from '../../../renderer/src/stores/lock'
import { useAppStore } from '../../../renderer/src/stores/app'
import type { FitJobProgress, TopJobProgress } from '../../../shared/schemas/jobs'
import type { ClvFit, TopList } from '../../../shared/schemas/predictions'
import type { Result } from '../../../shared/result'

const list = { asOf: '2026-11-23', horizonDays: 90, mode: 'model', model: 'bgnbd', rows: [] } as unknown as TopList
const ranking = { zh: '正在排列顾客', en: 'ranking the customers' }
const job = (p: Partial<TopJobProgress>): TopJobProgress => ({
  jobId: 't1',
  kind: 'predictions.top',
  state: 'running',
  done: 0,
  total: 7,
  phase: null,
  partial: [],
  result: null,
  error: null,
  ...p
})
const LOCKED: Result<never> = { ok: false, code: 'LOCKED', message: '已锁定 (locked)' }
const status = (locked: boolean) => ({ enabled: true, locked, idleMinutes: 5, retryAfterSeconds: 0 })

/** A server answering these polls one after another (the last for ever); the lock's state is `lock.locked`. */
function server(answers: Result<TopJobProgress | FitJobProgress>[]) {
  const lock = { locked: false }
  let polls = 0
  const progress = vi.fn(async () => answers[Math.min(polls++, answers.length - 1)])
  const topStart = vi.fn(async () => ({ ok: true as const, data: { jobId: 't1' } }))
  const fitStart = vi.fn(async () => ({ ok: true as const, data: { jobId: 'f1' } }))
  const cancel = vi.fn(async () => ({ ok: true as const, data: { cancelled: true } }))
  const api = {
    predictions: { topStart, fitStart },
    jobs: { progress, cancel },
    lock: {
      status: vi.fn(async () => ({ ok: true as const, data: status(lock.locked) })),
      unlock: vi.fn(async () => {
        lock.locked = false
        return { ok: true as const, data: { ...status(false), wrong: false } }
      })
    }
  }
  vi.stubGlobal('window', { api })
  return { ...api.predictions, ...api.jobs, lockApi: api.lock, lock, polls: () => polls }
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('the predictions store loading the top list through a job', () => {
  it('follows the job to its list, keeping its phase while it runs', async () => {
    const api = server([
      { ok: true, data: job({ done: 6, phase: ranking }) },
      { ok: true, data: job({ state: 'done', done: 7, result: list }) }
    ])
    const store = usePredictionsStore()
    const loading = store.loadTop('2026-11-23', 90)
    await vi.waitFor(() => expect(store.topJob?.phase).toEqual(ranking))
    expect(store.topping.busy).toBe(true)
    expect(store.top).toBeNull()
    await loading
    expect(api.topStart).toHaveBeenCalledWith({ asOf: '2026-11-23', horizonDays: 90, limit: 100 })
    expect(store.top).toEqual(list)
    expect(store.topping.busy).toBe(false)
    expect(store.topping.error).toBeNull()
  })

  it('keeps the job id through a lock and resumes polling the same job once unlocked, with no failure shown', async () => {
    const api = server([{ ok: true, data: job({ done: 1 }) }, LOCKED, { ok: true, data: job({ state: 'done', done: 7, result: list }) }])
    api.lock.locked = true
    const store = usePredictionsStore()
    const lock = useLockStore()
    const loading = store.loadTop('2026-11-23', 90)
    // the LOCKED poll shows the lock screen…
    await vi.waitFor(() => expect(lock.locked).toBe(true))
    // …and nothing is polled while it is up
    await new Promise((r) => setTimeout(r, 600))
    expect(api.polls()).toBe(2)
    expect(store.topping.busy).toBe(true)
    expect(store.topping.error).toBeNull()
    expect(store.topJob?.jobId).toBe('t1')

    await lock.unlock('1234')
    await loading
    expect(api.progress).toHaveBeenCalledTimes(3)
    expect(api.progress.mock.calls.map((c) => (c as unknown[])[0])).toEqual([{ jobId: 't1' }, { jobId: 't1' }, { jobId: 't1' }])
    expect(api.topStart).toHaveBeenCalledTimes(1)
    expect(store.top).toEqual(list)
    expect(store.topping.error).toBeNull()
    expect(useAppStore().notices).toEqual([])
  })

  it('does the same for a fit that was running when the app locked', async () => {
    const fitResult = { mode: 'model', chosen: 'bgnbd' } as unknown as ClvFit
    const fitJob = (p: Partial<FitJobProgress>): FitJobProgress =>
      ({ ...job({}), jobId: 'f1', kind: 'predictions.fit', partial: [], result: null, ...p }) as FitJobProgress
    const api = server([LOCKED, { ok: true, data: fitJob({ state: 'done', done: 7, result: fitResult }) }])
    api.lock.locked = true
    const store = usePredictionsStore()
    const running = store.run({ calibrationEnd: '2026-05-25', holdoutEnd: '2026-11-23', unit: 'week' })
    await vi.waitFor(() => expect(useLockStore().locked).toBe(true))
    expect(store.fitting.busy).toBe(true)
    await useLockStore().unlock('1234')
    await running
    expect(store.fit).toEqual(fitResult)
    expect(store.fitting.error).toBeNull()
  })

  it('stops a list still loading when another is asked for, and shows only the later one', async () => {
    const later = { ...list, horizonDays: 365 }
    const api = server([{ ok: true, data: job({ done: 1 }) }])
    const store = usePredictionsStore()
    const first = store.loadTop('2026-11-23', 90)
    await vi.waitFor(() => expect(store.topJob?.done).toBe(1))
    api.progress.mockImplementation(async () =>
      api.cancel.mock.calls.length > 0 && api.topStart.mock.calls.length === 1
        ? { ok: true, data: job({ state: 'cancelled', error: { code: 'CANCELLED', message: 'cancelled' } }) }
        : { ok: true, data: job({ jobId: 't2', state: 'done', result: later }) }
    )
    api.topStart.mockImplementation(async () => ({ ok: true as const, data: { jobId: api.topStart.mock.calls.length === 1 ? 't1' : 't2' } }))
    await store.loadTop('2026-11-23', 365)
    await first
    expect(api.cancel).toHaveBeenCalledWith({ jobId: 't1' })
    expect(store.top).toEqual(later)
    expect(store.topping.busy).toBe(false)
    expect(store.topping.error).toBeNull()
  })
})
