/**
 * printing.print and printing.savePdf as jobs (printing.printStart, savePdfStart) on the demo shop
 * imported from its files: the finished job answers what the plain call answers and sends the
 * same document, its progress rises in cards built, a job cancelled before its last step stores
 * no code and writes no audit line, and a run whose customer is erased meanwhile stores none.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { createAppContext } from '../../../electron/services/app/app-context'
import { copyOfDemoShop, DEMO_AS_OF } from '../../helpers/imported-shops'
import { testDispatch } from '../../helpers/db'
import { JobRegistry } from '../../../electron/services/jobs/job-registry'
import { startPrintOutJob } from '../../../electron/services/jobs/printing-job'
import { printJobSteps, runJob, type PrintStep } from '../../../electron/services/printing/print-job'
import { registerPrintSink, type PrintSink } from '../../../electron/services/printing/print-sink'
import { sendToPrinter } from '../../../electron/services/printing/print-out'
import { ensureBuiltIns, listTemplates } from '../../../electron/services/printing'
import { eraseCustomer } from '../../../electron/services/customers/erase-service'
import { readSettings } from '../../../electron/services/settings/settings-service'
import { PrintJobInput } from '../../../shared/schemas/printing'
import type { JobProgress } from '../../../shared/schemas/jobs'
import type { Db } from '../../../electron/db/driver'
import { popularProducts } from '../../../electron/services/printing/popular-products'

let db: Db
let path: string
let ids: number[]
let cardTemplate: number

beforeAll(async () => {
  path = await copyOfDemoShop(800, 3)
  db = openNodeDatabase(path)
  ensureBuiltIns(db, `${DEMO_AS_OF}T12:00:00`)
  ids = db.prepare('SELECT id FROM customers WHERE erased_at IS NULL AND merged_into IS NULL ORDER BY id LIMIT 600').pluck().all() as number[]
  cardTemplate = listTemplates(db, `${DEMO_AS_OF}T12:00:00`).find((t) => t.name === 'A6 售后卡')!.id
}, 120_000)

afterAll(() => db.close())
afterEach(() => registerPrintSink(null))

/** A sink that keeps what it was sent. */
function recordingSink(): PrintSink & { sent: string[] } {
  const sent: string[] = []
  return {
    sent,
    print: async (html) => (sent.push(html), true),
    savePdf: async (html, name) => (sent.push(html), `/tmp/${name}`),
    printers: async () => []
  }
}

const count = (table: string) => db.prepare(`SELECT count(*) FROM ${table}`).pluck().get() as number
/** the document with its codes blanked: two runs draw different codes, nothing else differs */
const withoutCodes = (html: string) => html.replace(/[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}/g, '#####-#####')
const options = () => {
  const s = readSettings(db)
  return { asOf: DEMO_AS_OF, thresholds: s.lifecycle, tiers: s.tiers, commit: true }
}

async function finished(dispatch: ReturnType<typeof testDispatch>, jobId: string): Promise<JobProgress> {
  for (;;) {
    await new Promise((r) => setTimeout(r, 5))
    const r = await dispatch('jobs.progress', { jobId })
    if (!r.ok) throw new Error(r.message)
    const p = r.data as JobProgress
    if (p.state !== 'running') return p
  }
}

describe('a print run as a job', () => {
  it('answers through printing.printStart what printing.print answers, sends the same document and stores as many codes', async () => {
    const sink = recordingSink()
    registerPrintSink(sink)
    const dispatch = testDispatch(createAppContext(db, path, 'test', DEMO_AS_OF))
    const input = { templateId: cardTemplate, target: { customerIds: ids }, asOf: DEMO_AS_OF }
    const codes0 = count('printed_codes')
    const direct = await dispatch('printing.print', input)
    const codes1 = count('printed_codes')
    const started = await dispatch('printing.printStart', input)
    if (!direct.ok || !started.ok) throw new Error('the calls failed')
    const p = await finished(dispatch, (started.data as { jobId: string }).jobId)
    expect(direct.data).toEqual({ printed: true, cards: 600, pages: 600, codesIssued: 600, wholePhones: false })
    expect(p).toMatchObject({ kind: 'printing.print', state: 'done', done: 600, total: 600, error: null })
    expect(p.result).toEqual(direct.data)
    expect([codes1 - codes0, count('printed_codes') - codes1]).toEqual([600, 600])
    expect(sink.sent).toHaveLength(2)
    expect(withoutCodes(sink.sent[1])).toEqual(withoutCodes(sink.sent[0]))
    expect(sink.sent[1]).not.toEqual(sink.sent[0])
    const lines = db.prepare("SELECT detail FROM audit_log WHERE action = 'print' ORDER BY id DESC LIMIT 2").pluck().all()
    expect(lines[0]).toBe(lines[1])
    expect(lines[0]).toBe(`printed: template ${cardTemplate} for 600 chosen customers: 600 cards on 600 pages, 600 codes issued, masked phone numbers`)
  })

  it('saves a PDF through printing.savePdfStart as printing.savePdf does, with its audit line', async () => {
    registerPrintSink(recordingSink())
    const dispatch = testDispatch(createAppContext(db, path, 'test', DEMO_AS_OF))
    const input = { templateId: cardTemplate, target: { customerIds: ids.slice(0, 30) }, asOf: DEMO_AS_OF }
    const started = await dispatch('printing.savePdfStart', input)
    if (!started.ok) throw new Error(started.message)
    const p = await finished(dispatch, (started.data as { jobId: string }).jobId)
    expect(p.result).toEqual({ path: `/tmp/cards-${DEMO_AS_OF}.pdf`, cards: 30, pages: 30, codesIssued: 30, wholePhones: false })
    expect(db.prepare("SELECT detail FROM audit_log WHERE action = 'print' ORDER BY id DESC LIMIT 1").pluck().get()).toBe(
      `saved as PDF: template ${cardTemplate} for 30 chosen customers: 30 cards on 30 pages, 30 codes issued, masked phone numbers`
    )
  })

  it('builds the printable page through printing.renderStart as printing.render does, without a sink, with its audit line', async () => {
    const dispatch = testDispatch(createAppContext(db, path, 'test', DEMO_AS_OF))
    const input = { templateId: cardTemplate, target: { customerIds: ids.slice(0, 40) }, asOf: DEMO_AS_OF }
    const codes0 = count('printed_codes')
    const direct = await dispatch('printing.render', input)
    const started = await dispatch('printing.renderStart', input)
    if (!direct.ok || !started.ok) throw new Error('the calls failed')
    const p = await finished(dispatch, (started.data as { jobId: string }).jobId)
    expect(p).toMatchObject({ kind: 'printing.render', state: 'done', done: 40, total: 40, error: null })
    const [a, b] = [direct.data, p.result] as { html: string; cards: number; codesIssued: number }[]
    expect([a.cards, a.codesIssued, b.cards, b.codesIssued]).toEqual([40, 40, 40, 40])
    expect(withoutCodes(b.html)).toEqual(withoutCodes(a.html))
    expect(count('printed_codes') - codes0).toBe(80)
    const lines = db.prepare("SELECT detail FROM audit_log WHERE action = 'print' ORDER BY id DESC LIMIT 2").pluck().all()
    expect(lines).toEqual(
      [0, 1].map(() => `printable page: template ${cardTemplate} for 40 chosen customers: 40 cards on 40 pages, 40 codes issued, masked phone numbers`)
    )
  })

  it('refuses to start where nothing can print: no job, no code', async () => {
    const dispatch = testDispatch(createAppContext(db, path, 'test', DEMO_AS_OF))
    const codes = count('printed_codes')
    expect(await dispatch('printing.printStart', { templateId: cardTemplate, target: { customerIds: ids } })).toMatchObject({
      ok: false,
      code: 'FORBIDDEN',
      key: 'noPrinterHere'
    })
    expect(count('printed_codes')).toBe(codes)
  })

  it('says where it stands in cards built of the run, 250 a step, then the codes stored, then the sink', async () => {
    const jobs = new JobRegistry()
    const seen: string[] = []
    let jobId = ''
    const input = PrintJobInput.parse({ templateId: cardTemplate, target: { customerIds: ids } })
    const sink = recordingSink()
    jobId = startPrintOutJob(jobs, 'printing.print', {
      steps: () => printJobSteps(db, input, options()),
      send: async (run) => {
        const p = jobs.progress(jobId)
        seen.push(`${p.done}/${p.total} ${p.phase?.zh}`)
        return sendToPrinter(sink, run)
      },
      between: async () => {
        const p = jobs.progress(jobId)
        seen.push(`${p.done}/${p.total} ${p.phase?.zh}`)
      }
    }).jobId
    const p = await jobs.wait(jobId, 5)
    expect(p).toMatchObject({ state: 'done', done: 600, total: 600 })
    expect(seen).toEqual([
      '0/600 正在排版卡片（第 1/600 张起）',
      '250/600 正在排版卡片（第 251/600 张起）',
      '500/600 正在排版卡片（第 501/600 张起）',
      '600/600 正在保存券码并生成文档',
      '600/600 正在发送到打印机'
    ])
  })

  it('cancelled at any step before the last stores no code, sends nothing and writes no audit line', async () => {
    const input = PrintJobInput.parse({ templateId: cardTemplate, target: { customerIds: ids } })
    for (const at of [0, 1, 2, 3]) {
      const jobs = new JobRegistry()
      const sink = recordingSink()
      const [codes, audit] = [count('printed_codes'), count('audit_log')]
      let jobId = ''
      let steps = 0
      let told = 0
      jobId = startPrintOutJob(jobs, 'printing.print', {
        steps: () => printJobSteps(db, input, options()),
        send: (run) => sendToPrinter(sink, run),
        onSent: () => told++,
        between: async (step: PrintStep) => {
          if (steps++ === at) expect(jobs.cancel(jobId)).toEqual({ cancelled: true })
          void step
        }
      }).jobId
      const p = await jobs.wait(jobId, 5)
      // a turn for a step that was wrongly still running
      await new Promise((r) => setTimeout(r, 20))
      expect([p.state, p.result, steps]).toEqual(['cancelled', null, at + 1])
      expect([count('printed_codes') - codes, count('audit_log') - audit, sink.sent.length, told]).toEqual([0, 0, 0, 0])
    }
  })

  it('stores no code when a customer of the run was erased between its steps, and says so', async () => {
    const jobs = new JobRegistry()
    const [victim] = db.prepare('SELECT id FROM customers WHERE erased_at IS NULL AND merged_into IS NULL ORDER BY id DESC LIMIT 1').pluck().all() as number[]
    const input = PrintJobInput.parse({ templateId: cardTemplate, target: { customerIds: [...ids.slice(0, 300), victim] } })
    const codes = count('printed_codes')
    let erased = false
    const { jobId } = startPrintOutJob(jobs, 'printing.print', {
      steps: () => printJobSteps(db, input, options()),
      send: (run) => sendToPrinter(recordingSink(), run),
      between: async () => {
        if (!erased) eraseCustomer(db, victim, `${DEMO_AS_OF}T12:30:00`)
        erased = true
      }
    })
    const p = await jobs.wait(jobId, 5)
    expect([p.state, p.error?.key]).toEqual(['failed', 'printTargetChanged'])
    expect(count('printed_codes')).toBe(codes)
  })
})

describe('the codes a run draws in memory', () => {
  it('are stored without throwing the kept reads away: the popular products a preview read serve the next print', () => {
    const input = PrintJobInput.parse({ templateId: cardTemplate, target: { customerIds: ids.slice(0, 5) } })
    runJob(db, input, { ...options(), commit: false })
    const kept = popularProducts(db)
    const codes = count('printed_codes')
    expect(runJob(db, input, options()).codesIssued).toBe(5)
    expect(count('printed_codes') - codes).toBe(5)
    expect(popularProducts(db)).toBe(kept)
  })

  it('draws again, and shows the new code on its card, when a drawn code was stored meanwhile', () => {
    const input = PrintJobInput.parse({ templateId: cardTemplate, target: { customerIds: ids.slice(0, 2) } })
    const drawn = ['2222222222', 'ABCDEFGHJK']
    const first = runJob(db, input, { ...options(), draw: () => drawn.shift()! })
    expect(first.cardList.map((c) => c.code)).toEqual(['2222222222', 'ABCDEFGHJK'])
    // the second run draws 2222222222 again first: it was stored by the first, so the card gets the next
    const queue = ['2222222222', '3333333333', '4444444444']
    const second = runJob(db, input, { ...options(), draw: () => queue.shift()! })
    expect(second.cardList.map((c) => c.code)).toEqual(['4444444444', '3333333333'])
    expect(second.html).toContain('44444-44444')
    expect(second.html).not.toContain('22222-22222')
    expect(
      db.prepare("SELECT code FROM printed_codes WHERE code IN ('2222222222', '3333333333', '4444444444', 'ABCDEFGHJK') ORDER BY code").pluck().all()
    ).toEqual(['2222222222', '3333333333', '4444444444', 'ABCDEFGHJK'])
  })
})
