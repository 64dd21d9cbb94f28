/**
 * runJob: one call of a store (its busy flag and last error) that starts a job, follows its
 * progress in a ref until it ends and answers its result; a cancel is no failure (nothing shown),
 * a failed start or a failed job is shown as the call's error and a notice, as any failed call is.
 * The server here is a script of answers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { ref, watch } from 'vue'
import { runJob } from '../../../renderer/src/stores/job-follow'
import { useCall } from '../../../renderer/src/stores/call'
import { useAppStore } from '../../../renderer/src/stores/app'
import type { DemoRemoveJobProgress } from '../../../shared/schemas/jobs'
import type { Result } from '../../../shared/result'

const removed = { batchesUndone: [4, 3, 2, 1], customers: 0, orders: 0 }
const batch = (n: number) => ({ zh: `已移除示例文件（第 ${n}/4 批）`, en: `removed batch ${n}/4` })
const job = (p: Partial<DemoRemoveJobProgress>): DemoRemoveJobProgress => ({
  jobId: 'd1',
  kind: 'demo.remove',
  state: 'running',
  done: 0,
  total: 4,
  phase: null,
  partial: [],
  result: null,
  error: null,
  ...p
})
const ok = <T>(data: T) => ({ ok: true as const, data })
const CANCELLED = { code: 'CANCELLED' as const, message: '已取消，没有结果。 (cancelled: no result)' }

/** A server answering these polls one after another (the last for ever). */
function server(answers: Result<DemoRemoveJobProgress>[], started: Result<{ jobId: string }> = ok({ jobId: 'd1' })) {
  let polls = 0
  const api = {
    demo: { removeStart: vi.fn(async () => started) },
    jobs: {
      progress: vi.fn(async () => answers[Math.min(polls++, answers.length - 1)]),
      cancel: vi.fn(async () => ok({ cancelled: true }))
    }
  }
  vi.stubGlobal('window', { api })
  return api
}

/** A store's call and job ref, and every `done` the ref has held, in order. */
function follower() {
  const call = useCall()
  const current = ref<DemoRemoveJobProgress | null>(null)
  const seen: number[] = []
  watch(
    () => current.value?.done,
    (done) => {
      if (done !== undefined) seen.push(done)
    },
    { flush: 'sync' }
  )
  const start = () => window.api.demo.removeStart({})
  return { call, current, seen, run: () => runJob(call, current, 'demo.remove', start) }
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('running a job as a call', () => {
  it('keeps the progress as it rises, busy until the end, and answers the job’s result', async () => {
    const api = server([
      ok(job({ done: 1, phase: batch(1) })),
      ok(job({ done: 3, phase: batch(3) })),
      ok(job({ state: 'done', done: 4, phase: batch(4), result: removed }))
    ])
    const f = follower()
    const running = f.run()
    expect(f.call.busy.value).toBe(true)
    await vi.waitFor(() => expect(f.current.value?.phase).toEqual(batch(3)))
    expect(f.call.busy.value).toBe(true)
    expect(await running).toEqual({ data: removed })
    // the started job first (nothing done yet), then each answer as it came
    expect(f.seen).toEqual([0, 1, 3, 4])
    expect(f.current.value).toMatchObject({ jobId: 'd1', state: 'done', done: 4 })
    expect(api.jobs.progress).toHaveBeenCalledTimes(3)
    expect(api.jobs.progress).toHaveBeenCalledWith({ jobId: 'd1' })
    expect(f.call.busy.value).toBe(false)
    expect(f.call.error.value).toBeNull()
    expect(useAppStore().notices).toEqual([])
  })

  it('answers a cancel as cancelled, with no error and no notice', async () => {
    server([ok(job({ done: 2 })), ok(job({ state: 'cancelled', done: 2, error: CANCELLED }))])
    const f = follower()
    expect(await f.run()).toEqual({ cancelled: true })
    expect(f.current.value).toMatchObject({ state: 'cancelled', done: 2 })
    expect(f.call.busy.value).toBe(false)
    expect(f.call.error.value).toBeNull()
    expect(useAppStore().notices).toEqual([])
  })

  it('answers a job replaced by a later one as cancelled, leaving the later one’s progress', async () => {
    server([ok(job({ done: 1 }))])
    const f = follower()
    const running = f.run()
    await vi.waitFor(() => expect(f.current.value?.done).toBe(1))
    f.current.value = job({ jobId: 'd2', done: 0 })
    expect(await running).toEqual({ cancelled: true })
    expect(f.current.value?.jobId).toBe('d2')
    expect(f.call.error.value).toBeNull()
    expect(useAppStore().notices).toEqual([])
  })

  it('shows a refused start as its error and answers undefined, following nothing', async () => {
    const refused = { ok: false as const, code: 'NOT_FOUND' as const, message: 'no demo shop is loaded', key: 'noDemoLoaded' }
    const api = server([ok(job({ done: 1 }))], refused)
    const f = follower()
    expect(await f.run()).toBeUndefined()
    expect(f.call.error.value).toEqual({ code: 'NOT_FOUND', message: '没有载入示例店，无需移除' })
    expect(useAppStore().notices.map((n) => [n.kind, n.message, n.code])).toEqual([['error', '没有载入示例店，无需移除', 'NOT_FOUND']])
    expect(api.jobs.progress).not.toHaveBeenCalled()
    expect(f.current.value).toBeNull()
    expect(f.call.busy.value).toBe(false)
  })

  it('shows a failed job as its error and answers undefined', async () => {
    const failure = { code: 'INTERNAL' as const, message: '磁盘已满 (disk full)' }
    server([ok(job({ done: 1 })), ok(job({ state: 'failed', done: 1, error: failure }))])
    const f = follower()
    expect(await f.run()).toBeUndefined()
    expect(f.call.error.value).toEqual(failure)
    expect(useAppStore().notices.map((n) => n.message)).toEqual(['磁盘已满 (disk full)'])
    expect(f.current.value).toMatchObject({ state: 'failed', done: 1 })
  })

  it('goes on from the result inside the same call, busy until then has answered and its failure shown', async () => {
    server([ok(job({ state: 'done', done: 4, result: removed }))])
    const f = follower()
    const busyInThen: boolean[] = []
    const start = () => window.api.demo.removeStart({})
    const read = await runJob(f.call, f.current, 'demo.remove', start, async (r) => {
      busyInThen.push(f.call.busy.value)
      return ok(r.batchesUndone.length)
    })
    expect(read).toEqual({ data: 4 })
    expect(busyInThen).toEqual([true])
    const failed = await runJob(f.call, f.current, 'demo.remove', start, async () => ({ ok: false as const, code: 'NOT_FOUND' as const, message: 'gone' }))
    expect(failed).toBeUndefined()
    expect(f.call.error.value).toEqual({ code: 'NOT_FOUND', message: 'gone' })
    expect(f.call.busy.value).toBe(false)
  })
})
