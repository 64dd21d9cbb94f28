/**
 * A print run at 20,000 customers (issue 19). First runJob for real (codes stored), as
 * printing.print and printing.savePdf build the document before handing it to the front's print
 * sink, for runs of 500, 2,000 and 10,000 cards of the A6 售后卡 (one card a page, a coupon code on
 * each) and of an address label (21 a sheet, no code): wall and CPU time, the document's size,
 * and the longest step of printJobSteps (what a job holds the server for at most). Then the
 * largest run sent out through the dispatcher with a sink that only takes the document, as
 * printing.print (before) and as printing.printStart followed by jobs.progress (after): how long
 * the server was held at most (loop-delay.ts: the longest gap between timer turns; an app.info
 * asked every 100 ms cannot even be sent while it is held, so its slowest reply undercounts),
 * wall and CPU. PRINTING_BENCH_N sets the customers (20,000), PRINTING_BENCH_RUNS the rounds (3),
 * PRINTING_BENCH_CARDS the run sizes (500,2000,10000).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { createAppContext } from '../../electron/services/app/app-context'
import { buildHandlers } from '../../electron/ipc/handlers'
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatcher'
import { benchShop } from './bench-shop'
import { median, otherCallsDuring, took, type Took } from './measure'
import { loopDelayDuring } from '../helpers/loop-delay'
import { ensureBuiltIns, listTemplates } from '../../electron/services/printing'
import { printJobSteps, type JobResult } from '../../electron/services/printing/print-job'
import { registerPrintSink } from '../../electron/services/printing/print-sink'
import { readSettings } from '../../electron/services/settings/settings-service'
import { PrintJobInput } from '../../shared/schemas/printing'
import type { JobProgress } from '../../shared/schemas/jobs'

const AS_OF = '2026-11-23'
const CUSTOMERS = Number(process.env.PRINTING_BENCH_N ?? 20_000)
const RUNS = Number(process.env.PRINTING_BENCH_RUNS ?? 3)
const SIZES = (process.env.PRINTING_BENCH_CARDS ?? '500,2000,10000').split(',').map(Number)
const TEMPLATES = ['A6 售后卡', '地址标签 Avery L7160']

/** The run a step at a time, as the job drives it: its result and its longest step. */
function stepped(steps: Generator<unknown, JobResult>): { value: JobResult; longestStep: number } {
  let longestStep = 0
  for (;;) {
    const t0 = performance.now()
    const next = steps.next()
    longestStep = Math.max(longestStep, performance.now() - t0)
    if (next.done) return { value: next.value, longestStep }
  }
}

async function call(dispatch: Dispatch, channel: 'printing.print' | 'printing.printStart' | 'jobs.progress', input: unknown): Promise<unknown> {
  const r = await dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.message}`)
  return r.data
}

async function asJob(dispatch: Dispatch, input: unknown): Promise<unknown> {
  const { jobId } = (await call(dispatch, 'printing.printStart', input)) as { jobId: string }
  for (;;) {
    const p = (await call(dispatch, 'jobs.progress', { jobId })) as JobProgress
    if (p.state === 'done') return p.result
    if (p.state !== 'running') throw new Error(`printing.printStart: ${p.state} ${p.error?.message}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

export const printingBench: Benchmark = {
  name: 'printing',
  description:
    'a real print run (runJob, codes stored) of 500 / 2,000 / 10,000 cards at 20,000 customers: wall, CPU, document size, longest step; the largest as printing.print vs printing.printStart: the longest hold of the server',
  async run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-bench-printing-'))
    try {
      const path = join(dir, 'shop.db')
      report((await benchShop(CUSTOMERS, 1, AS_OF, path)).note)
      const db = openNodeDatabase(path)
      ensureBuiltIns(db, `${AS_OF}T12:00:00`)
      const settings = readSettings(db)
      const options = { asOf: AS_OF, thresholds: settings.lifecycle, tiers: settings.tiers, commit: true }
      const ids = db.prepare('SELECT id FROM customers WHERE erased_at IS NULL AND merged_into IS NULL ORDER BY id').pluck().all() as number[]
      const templates = listTemplates(db, `${AS_OF}T12:00:00`)
      for (const name of TEMPLATES) {
        const templateId = templates.find((t) => t.name === name)!.id
        for (const size of SIZES) {
          const input = PrintJobInput.parse({ templateId, target: { customerIds: ids.slice(0, size) } })
          const runs: (Took & { bytes: number; codes: number; pages: number; longestStep: number })[] = []
          for (let run = 0; run < RUNS; run++) {
            const r = took(() => stepped(printJobSteps(db, input, options)))
            const v = r.value.value
            runs.push({ wall: r.wall, cpu: r.cpu, bytes: Buffer.byteLength(v.html), codes: v.codesIssued, pages: v.pages, longestStep: r.value.longestStep })
          }
          const last = runs[runs.length - 1]
          const ms = (k: 'wall' | 'cpu' | 'longestStep') => median(runs.map((r) => r[k])).toFixed(0)
          report(
            `${name}, ${size} cards (${last.pages} pages, ${last.codes} codes stored): runJob ${ms('wall')} ms wall, ${ms('cpu')} ms CPU (median of ${RUNS}; runs ${runs
              .map((r) => r.wall.toFixed(0))
              .join(' / ')} ms); longest step ${ms('longestStep')} ms (runs ${runs.map((r) => r.longestStep.toFixed(0)).join(' / ')}); document ${(
              last.bytes /
              1024 /
              1024
            ).toFixed(1)} MB`
          )
        }
      }

      // the largest run through the dispatcher, as the window asks for it: the sink only takes the document
      registerPrintSink({ print: async () => true, savePdf: async () => null, printers: async () => [] })
      const ctx = createAppContext(db, path, 'bench', AS_OF)
      const dispatch = createDispatcher(buildHandlers(ctx), console.error, ctx.lock, false)
      const size = Math.max(...SIZES)
      for (const name of TEMPLATES) {
        const input = { templateId: templates.find((t) => t.name === name)!.id, target: { customerIds: ids.slice(0, size) }, asOf: AS_OF }
        // a job after a write reads the popular products again in its first step; one after a preview (the page's way) has them kept
        for (const how of ['printing.print', 'printing.printStart', 'printing.printStart after a write'] as const) {
          const rounds: { held: number; wall: number; cpu: number; slowest: number; calls: number }[] = []
          for (let run = 0; run < RUNS; run++) {
            if (how === 'printing.printStart after a write') await dispatch('settings.update', { staffName: `店员${run}` })
            const d = await loopDelayDuring(() =>
              otherCallsDuring(dispatch, () => (how === 'printing.print' ? call(dispatch, how, input) : asJob(dispatch, input)))
            )
            rounds.push({ held: d.max, wall: d.value.wallMs, cpu: d.value.cpuMs, slowest: d.value.slowestMs, calls: d.value.calls })
          }
          const m = (k: 'held' | 'wall' | 'cpu' | 'slowest') => median(rounds.map((r) => r[k])).toFixed(0)
          report(
            `${name}, ${size} cards as ${how}: server held at most ${m('held')} ms (runs ${rounds.map((r) => r.held.toFixed(0)).join(' / ')}), ${m('wall')} ms wall, ${m(
              'cpu'
            )} ms CPU; slowest app.info reply ${m('slowest')} ms (median of ${RUNS})`
          )
        }
      }
      registerPrintSink(null)
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
