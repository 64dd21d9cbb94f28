/**
 * The 售后卡 store prints and saves PDFs as jobs: printing.printStart answers a job id, the store
 * follows it (the cards built of the run's cards in printJob) to the plain call's reply, and a
 * cancel while the cards are laid out asks jobs.cancel and answers cancelled, not a failure. The
 * server here is a script answering each progress ask in turn.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useCardsStore } from '../../../renderer/src/stores/printing'

const ok = <T>(data: T) => ({ ok: true as const, data })
const tpl = { id: 1, name: 'A6 售后卡', kind: 'insert', sheet: 'a6', body: { blocks: [], variants: [] }, builtIn: true }
const phase = { zh: '正在排版卡片（第 251/600 张起）', en: 'laying out the cards (from 251 of 600)' }
const result = { printed: true, cards: 600, pages: 600, codesIssued: 600, wholePhones: false }

/** A server whose job is running at 250 of 600 cards on the first ask, then as `end` says. */
function server(end: 'done' | 'cancelled') {
  const seen: unknown[] = []
  const api = {
    printing: {
      template: vi.fn(async () => ok(tpl)),
      printStart: vi.fn(async () => ok({ jobId: 'p1' })),
      savePdfStart: vi.fn(async () => ok({ jobId: 'p2' }))
    },
    jobs: {
      progress: vi.fn(async ({ jobId }: { jobId: string }) => {
        const first = api.jobs.progress.mock.calls.length === 1
        if (first) return ok({ jobId, kind: 'printing.print', state: 'running', done: 250, total: 600, phase, partial: [], result: null, error: null })
        if (end === 'done') return ok({ jobId, kind: 'printing.print', state: 'done', done: 600, total: 600, phase: null, partial: [], result, error: null })
        return ok({
          jobId,
          kind: 'printing.print',
          state: 'cancelled',
          done: 250,
          total: 600,
          phase: null,
          partial: [],
          result: null,
          error: { code: 'CANCELLED', message: '已取消' }
        })
      }),
      cancel: vi.fn(async () => ok({ cancelled: true }))
    }
  }
  vi.stubGlobal('window', { api })
  return { api, seen }
}

async function aimed() {
  const store = useCardsStore()
  await store.open(1)
  store.target.kind = 'stage'
  store.target.value = 'active'
  return store
}

beforeEach(() => {
  setActivePinia(createPinia())
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('the 售后卡 store printing as a job', () => {
  it('starts printing.printStart, shows the cards built while it runs and answers the print’s reply', async () => {
    const { api } = server('done')
    const store = await aimed()
    const printed = store.print('print')
    await vi.waitFor(() => expect(store.printJob).toMatchObject({ state: 'running', done: 250, total: 600, phase }))
    expect(store.printing.busy).toBe(true)
    await vi.advanceTimersByTimeAsync(250)
    expect(await printed).toEqual(result)
    expect(api.printing.printStart).toHaveBeenCalledWith(expect.objectContaining({ templateId: 1, target: { stage: 'active' } }))
    expect(api.jobs.progress).toHaveBeenCalledTimes(2)
    expect(store.printing.busy).toBe(false)
  })

  it('asks jobs.cancel for the running job and answers cancelled, with no failure to show', async () => {
    const { api } = server('cancelled')
    const store = await aimed()
    const saved = store.print('pdf')
    await vi.waitFor(() => expect(store.printJob?.state).toBe('running'))
    await store.cancelPrint()
    expect(api.jobs.cancel).toHaveBeenCalledWith({ jobId: 'p2' })
    await vi.advanceTimersByTimeAsync(250)
    expect(await saved).toEqual({ codesIssued: 0, cancelled: true })
    expect(store.printing.error).toBeNull()
  })
})

describe('the 售后卡 store opening the printable page as a job', () => {
  it('starts printing.renderStart, follows it and opens the page it answers in a tab', async () => {
    const page = { ...result, html: '<html><body>卡片</body></html>', codesIssued: 12 }
    const opened: string[] = []
    const api = {
      printing: { template: vi.fn(async () => ok(tpl)), renderStart: vi.fn(async () => ok({ jobId: 'r1' })) },
      jobs: {
        progress: vi.fn(async ({ jobId }: { jobId: string }) =>
          api.jobs.progress.mock.calls.length === 1
            ? ok({ jobId, kind: 'printing.render', state: 'running', done: 250, total: 600, phase, partial: [], result: null, error: null })
            : ok({ jobId, kind: 'printing.render', state: 'done', done: 600, total: 600, phase: null, partial: [], result: page, error: null })
        ),
        cancel: vi.fn(async () => ok({ cancelled: true }))
      }
    }
    vi.stubGlobal('window', { api, open: (url: string) => opened.push(url) })
    const store = await aimed()
    const shown = store.print('tab')
    await vi.waitFor(() => expect(store.printJob).toMatchObject({ kind: 'printing.render', state: 'running', done: 250 }))
    await vi.advanceTimersByTimeAsync(250)
    expect(await shown).toEqual({ codesIssued: 12 })
    expect(api.printing.renderStart).toHaveBeenCalledWith(expect.objectContaining({ templateId: 1, target: { stage: 'active' } }))
    expect(opened).toHaveLength(1)
    expect(opened[0]).toMatch(/^blob:/)
  })
})
