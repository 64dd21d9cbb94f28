/**
 * The predictions store fits through a job: it follows jobs.progress until the job ends, keeps
 * the phase and the models answered so far for the page, and a cancelled or failed job ends as
 * the page's own notice (no toast, no fit). The server here is a script of progress answers.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { usePredictionsStore } from '../../../renderer/src/stores/predictions'
import { useAppStore } from '../../../renderer/src/stores/app'
import type { FitJobProgress, ModelAnswer } from '../../../shared/schemas/jobs'
import type { ClvFit } from '../../../shared/schemas/predictions'

const REQ = { calibrationEnd: '2026-05-25', holdoutEnd: '2026-11-23', unit: 'week' as const }
const fitResult = { mode: 'model', chosen: 'bgnbd' } as unknown as ClvFit
const bg: ModelAnswer = { model: 'bgnbd', label: 'BG/NBD', params: { r: 0.5 }, logLik: -10, backtest: null, error: null }
const job = (p: Partial<FitJobProgress>): FitJobProgress => ({
  jobId: 'j1',
  kind: 'predictions.fit',
  state: 'running',
  done: 0,
  total: 7,
  phase: null,
  partial: [],
  result: null,
  error: null,
  ...p
})

/** A server that answers these progress states one poll after another (the last one for ever). */
function server(states: FitJobProgress[]) {
  const seen: FitJobProgress[] = []
  const progress = vi.fn(async () => {
    const p = states[Math.min(seen.length, states.length - 1)]
    seen.push(p)
    return { ok: true as const, data: p }
  })
  const fitStart = vi.fn(async () => ({ ok: true as const, data: { jobId: 'j1' } }))
  const cancel = vi.fn(async () => ({ ok: true as const, data: { cancelled: true } }))
  vi.stubGlobal('window', { api: { predictions: { fitStart }, jobs: { progress, cancel } } })
  return { fitStart, progress, cancel }
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('the predictions store fitting through a job', () => {
  it('follows the job to its result, keeping its phase and the answers so far while it runs', async () => {
    const fitting = { zh: '正在拟合 MBG/NBD（第 2/5 个模型）', en: 'fitting MBG/NBD (model 2/5)' }
    const api = server([job({ done: 2, phase: fitting, partial: [bg] }), job({ state: 'done', done: 7, partial: [bg], result: fitResult })])
    const store = usePredictionsStore()
    const running = store.run(REQ)
    expect(store.fitting.busy).toBe(true)
    await vi.waitFor(() => expect(store.fitJob?.phase).toEqual(fitting))
    expect(store.fitJob?.partial).toEqual([bg])
    expect(store.fit).toBeNull()
    await running
    expect(api.fitStart).toHaveBeenCalledWith({ ...REQ, paretoNbd: true })
    expect(api.progress).toHaveBeenCalledTimes(2)
    expect(store.fit).toEqual(fitResult)
    expect(store.fitting.busy).toBe(false)
    expect(store.fitting.error).toBeNull()
  })

  it('cancels the running job and ends with CANCELLED for the page to say, with no fit and no toast', async () => {
    const cancelled = job({ state: 'cancelled', partial: [bg], error: { code: 'CANCELLED', message: '已取消，没有结果。 (cancelled: no result)' } })
    const api = server([job({ done: 1 }), job({ done: 1 }), cancelled])
    const store = usePredictionsStore()
    const running = store.run(REQ)
    await vi.waitFor(() => expect(store.fitJob?.done).toBe(1))
    await store.cancelFit()
    expect(api.cancel).toHaveBeenCalledWith({ jobId: 'j1' })
    await running
    expect(store.fit).toBeNull()
    expect(store.fitting.error).toEqual({ code: 'CANCELLED', message: '已取消，没有结果。 (cancelled: no result)' })
    expect(useAppStore().notices).toEqual([])
    // nothing left to cancel
    await store.cancelFit()
    expect(api.cancel).toHaveBeenCalledTimes(1)
  })

  it("keeps a failed job's refusal as the page's error", async () => {
    server([job({ state: 'failed', error: { code: 'BAD_INPUT', message: '数据太少 (too little data)' } })])
    const store = usePredictionsStore()
    await store.run(REQ)
    expect(store.fit).toBeNull()
    expect(store.fitting.error).toEqual({ code: 'BAD_INPUT', message: '数据太少 (too little data)' })
  })
})
