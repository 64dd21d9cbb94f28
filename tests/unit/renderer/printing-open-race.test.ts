/**
 * The 售后卡 store when staff click a template and at once 生成预览 (or 打印) while the page's first
 * template is still loading: the preview and the print are of the template clicked, and an older
 * answer arriving late does not replace the designer's template. The server here
 * answers each template when the test says so.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { useCardsStore } from '../../../renderer/src/stores/printing'

const tpl = (id: number, name: string) => ({ id, name, kind: 'card', sheet: 'a6', body: { blocks: [], variants: [] }, builtIn: true })

/** A server whose template answers wait for `answer(id)`; previews and prints answer at once with the template asked. */
function server() {
  const waiting = new Map<number, () => void>()
  const template = vi.fn(
    ({ id }: { id: number }) =>
      new Promise((resolve) => waiting.set(id, () => resolve({ ok: true, data: tpl(id, id === 1 ? 'A6 售后卡' : '地址标签 Avery L7160') })))
  )
  const preview = vi.fn(async ({ templateId }: { templateId: number }) => ({ ok: true, data: { templateId, cards: 17, pages: templateId === 1 ? 17 : 1 } }))
  // the printable page is a job: started, then answered done with the page at the first ask
  let asked = 0
  const render = vi.fn(async (_input: { templateId: number }) => ({ ok: true, data: { jobId: `r${++asked}` } }))
  const progress = vi.fn(async ({ jobId }: { jobId: string }) => {
    const templateId = render.mock.calls[Number(jobId.slice(1)) - 1][0].templateId
    const result = { html: `<p>${templateId}</p>`, codesIssued: 0 }
    return { ok: true, data: { jobId, kind: 'printing.render', state: 'done', done: 1, total: 1, phase: null, partial: [], result, error: null } }
  })
  vi.stubGlobal('window', { api: { printing: { template, preview, renderStart: render }, jobs: { progress } }, open: vi.fn() })
  vi.stubGlobal('URL', { createObjectURL: () => 'blob:x' })
  return { answer: (id: number) => waiting.get(id)!(), preview, render }
}

/** The store aimed at a campaign's parcels, on that server. */
function aimedAtACampaign() {
  const api = server()
  const store = useCardsStore()
  store.target.kind = 'campaign'
  store.target.value = '1'
  return { api, store }
}

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => vi.unstubAllGlobals())

describe('the 售后卡 store opening a template while another is loading', () => {
  it('previews the template clicked, not the one still in the designer while the click loads', async () => {
    const { api, store } = aimedAtACampaign()
    const first = store.open(1)
    api.answer(1)
    await first
    const clicked = store.open(2)
    const asked = store.runPreview()
    api.answer(2)
    await Promise.all([clicked, asked])
    expect(api.preview.mock.calls.map(([input]) => input.templateId)).toEqual([2])
    expect(store.draft?.name).toBe('地址标签 Avery L7160')
    expect(store.preview).toEqual({ templateId: 2, cards: 17, pages: 1 })
  })

  it('keeps the newest click when an older template answers after it, and prints that one', async () => {
    const { api, store } = aimedAtACampaign()
    const older = store.open(1)
    const newer = store.open(2)
    api.answer(2)
    await newer
    api.answer(1)
    await older
    expect(store.draft?.id).toBe(2)
    await store.print('tab')
    expect(api.render.mock.calls.map(([input]) => input.templateId)).toEqual([2])
  })
})
