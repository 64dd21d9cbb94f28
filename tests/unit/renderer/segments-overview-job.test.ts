/**
 * The segments store recomputes through a job (segments.overviewStart, then jobs.progress until
 * it ends, its step kept for the page) and reads the views only once the recompute is done; a
 * recompute cancelled from the page keeps the figures already shown and shows no failure. The
 * server here is a script of answers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useSegmentsStore } from '../../../renderer/src/stores/segments'
import { useAppStore } from '../../../renderer/src/stores/app'
import type { OverviewJobProgress } from '../../../shared/schemas/jobs'
import type { SegmentsOverview } from '../../../shared/schemas/segments'
import type { Result } from '../../../shared/result'

const figures = (customers: number) => ({ asOf: '2026-11-23', customers, buyers: 359 }) as unknown as SegmentsOverview
const rfmStep = { zh: '正在计算 RFM 分群（第 4/5 个）', en: 'tallying the RFM segments (4/5)' }
const job = (p: Partial<OverviewJobProgress>): OverviewJobProgress => ({
  jobId: 's1',
  kind: 'segments.overview',
  state: 'running',
  done: 0,
  total: 6,
  phase: null,
  partial: [],
  result: null,
  error: null,
  ...p
})
const CANCELLED = { code: 'CANCELLED' as const, message: '已取消，没有结果。 (cancelled: no result)' }

/** A server answering these polls one after another (the last for ever); every view answers `{}`. */
function server(answers: Result<OverviewJobProgress>[]) {
  let polls = 0
  const view = () => vi.fn(async () => ({ ok: true as const, data: {} }))
  const segments = {
    overviewStart: vi.fn(async () => ({ ok: true as const, data: { jobId: 's1' } })),
    rfmGrid: view(),
    repeatRate: view(),
    cohorts: view(),
    migration: view(),
    regions: view(),
    list: vi.fn(async () => ({ ok: true as const, data: [] }))
  }
  const jobs = {
    progress: vi.fn(async () => answers[Math.min(polls++, answers.length - 1)]),
    cancel: vi.fn(async () => ({ ok: true as const, data: { cancelled: true } }))
  }
  vi.stubGlobal('window', { api: { segments, jobs } })
  return { segments, jobs }
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('the segments store recomputing through a job', () => {
  it('follows the recompute to its figures, keeping its step while it runs, and reads the views after it', async () => {
    const api = server([
      { ok: true, data: job({ done: 4, phase: rfmStep }) },
      { ok: true, data: job({ state: 'done', done: 6, result: figures(800) }) }
    ])
    const store = useSegmentsStore()
    store.asOf = '2026-11-23'
    const loading = store.load()
    await vi.waitFor(() => expect(store.overviewJob?.phase).toEqual(rfmStep))
    expect(store.loading.busy).toBe(true)
    expect(api.segments.rfmGrid).not.toHaveBeenCalled()
    await loading
    expect(api.segments.overviewStart).toHaveBeenCalledWith({ asOf: '2026-11-23' })
    expect(api.segments.rfmGrid).toHaveBeenCalledWith({ asOf: '2026-11-23' })
    expect(store.overview).toEqual(figures(800))
    expect(store.loading.busy).toBe(false)
  })

  it('keeps the figures it showed when the recompute is cancelled, with no failure shown', async () => {
    server([{ ok: true, data: job({ state: 'done', done: 6, result: figures(800) }) }])
    const store = useSegmentsStore()
    await store.load()
    const api = server([
      { ok: true, data: job({ jobId: 's1', done: 2 }) },
      { ok: true, data: job({ state: 'cancelled', done: 2, error: CANCELLED }) }
    ])
    const loading = store.load()
    await vi.waitFor(() => expect(store.overviewJob?.done).toBe(2))
    await store.cancelLoad()
    expect(api.jobs.cancel).toHaveBeenCalledWith({ jobId: 's1' })
    await loading
    expect(store.overview).toEqual(figures(800))
    expect(api.segments.rfmGrid).not.toHaveBeenCalled()
    expect(store.loading.busy).toBe(false)
    expect(store.loading.error).toBeNull()
    expect(useAppStore().notices ?? []).toEqual([])
  })
})
