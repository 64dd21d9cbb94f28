/**
 * The app server out of process (issue 19): segment recomputes over the 200,000-customer demo
 * shop (imported from its files) through the contract, once in process (as the Electron main process did before) and
 * once in the server process forked as the browser host forks it, with the front's event-loop
 * delay (perf_hooks, and the longest gap between timer turns) measured during each. Target: out of process, never held over 50 ms. Then the model fit
 * the predictions page asks for (every model, the 26-week backtest): in process, in the server
 * process as one call (the server's request loop is held for the whole fit), and as a job in its
 * worker thread; meanwhile a quick call (app.info) every 100 ms, whose slowest answer is how long
 * the window's other calls waited.
 * SERVER_BENCH_DB=path reuses a built shop (kept); SERVER_BENCH_N sets the customers (200,000).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { createAppContext } from '../../electron/services/app/app-context'
import { buildHandlers } from '../../electron/ipc/handlers'
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatcher'
import { benchShop, hasSales } from './bench-shop'
import { forkNodeServer, serverArgs } from '../../electron/server/fork-node-server'
import { superviseServer } from '../../electron/server/supervisor'
import { addDays } from '../../shared/domain/dates'
import { loopDelayDuring, type LoopDelay } from '../helpers/loop-delay'
import { otherCallsDuring, type OtherCalls } from './measure'
import type { ClvFit } from '../../shared/schemas/predictions'
import type { FitJobProgress } from '../../shared/schemas/jobs'

const AS_OF = '2026-11-23'
const CUSTOMERS = Number(process.env.SERVER_BENCH_N ?? 200_000)

/** Four full recomputes: the snapshot is per as-of date, so alternating dates rebuilds it each time. */
async function recomputes(dispatch: Dispatch): Promise<number> {
  let customers = 0
  for (const asOf of [AS_OF, addDays(AS_OF, -120), AS_OF, addDays(AS_OF, -120)]) {
    const r = await dispatch('segments.overview', { asOf })
    if (!r.ok) throw new Error(`segments.overview failed: ${r.message}`)
    customers = Object.values((r.data as { lifecycle: Record<string, number> }).lifecycle).reduce((a, b) => a + b, 0)
  }
  return customers
}

const FIT = { calibrationEnd: addDays(AS_OF, -182), holdoutEnd: AS_OF, unit: 'week', paretoNbd: true }

/** The fit as one call. */
async function fitCall(dispatch: Dispatch): Promise<string> {
  const r = await dispatch('predictions.fit', FIT)
  if (!r.ok) throw new Error(`predictions.fit failed: ${r.message}`)
  return `chosen ${(r.data as ClvFit).chosen}`
}

/** The fit as a job, followed as the page follows it; when BG/NBD's answer came, from the start. */
async function fitJob(dispatch: Dispatch): Promise<string> {
  const t0 = performance.now()
  const started = await dispatch('predictions.fitStart', FIT)
  if (!started.ok) throw new Error(`predictions.fitStart failed: ${started.message}`)
  const { jobId } = started.data as { jobId: string }
  let firstAnswerMs: number | null = null
  for (;;) {
    const p = await dispatch('jobs.progress', { jobId })
    if (!p.ok) throw new Error(`jobs.progress failed: ${p.message}`)
    const job = p.data as FitJobProgress
    if (firstAnswerMs === null && job.partial.length > 0) firstAnswerMs = performance.now() - t0
    if (job.state === 'done') return `chosen ${job.result?.chosen}; first answer (${job.partial[0]?.label}) after ${firstAnswerMs?.toFixed(0)} ms`
    if (job.state !== 'running') throw new Error(`fit job ${job.state}: ${job.error?.message}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

type FitFigures = LoopDelay<OtherCalls<string>>

const fitLine = (where: string, d: FitFigures) =>
  `${where}: fit in ${d.wallMs.toFixed(0)} ms (${d.value.value}); front loop delay p99 ${d.p99.toFixed(1)} ms, max ${d.max.toFixed(1)} ms; slowest of ${d.value.calls} app.info replies meanwhile ${d.value.slowestMs.toFixed(0)} ms`

const line = (where: string, d: LoopDelay<number>) =>
  `${where}: 4 recomputes (${d.value} customers in the lifecycle) in ${d.wallMs.toFixed(0)} ms; front loop delay p99 ${d.p99.toFixed(1)} ms, max ${d.max.toFixed(1)} ms`

export const serverBench: Benchmark = {
  name: 'server',
  description: 'the front event loop while the server recomputes segments over 200,000 customers: in process vs the server process',
  async run(report) {
    const reuse = process.env.SERVER_BENCH_DB
    const dir = reuse ? null : mkdtempSync(join(tmpdir(), 'evergreen-bench-server-'))
    try {
      const path = reuse ?? join(dir!, 'bench.db')
      if (!reuse || !hasSales(path)) report((await benchShop(CUSTOMERS, 1, AS_OF, path)).note)
      const db = openNodeDatabase(path)
      const ctx = createAppContext(db, path, 'bench', AS_OF)
      const inProcess = createDispatcher(buildHandlers(ctx), console.error, ctx.lock, false)
      await recomputes(inProcess) // warm the page cache for both
      const inp = await loopDelayDuring(() => recomputes(inProcess))
      const fitIn = await loopDelayDuring(() => otherCallsDuring(inProcess, () => fitCall(inProcess)))
      db.close()

      // out/bench/server.cjs is the server entry bundled beside this benchmark (scripts/bench.mjs)
      const server = superviseServer({
        spawn: () => forkNodeServer(join(__dirname, 'server.cjs'), serverArgs({ dbPath: path, version: 'bench', asOf: AS_OF }))
      })
      await server.ready()
      await recomputes(server.dispatch)
      const out = await loopDelayDuring(() => recomputes(server.dispatch))
      const fitOut = await loopDelayDuring(() => otherCallsDuring(server.dispatch, () => fitCall(server.dispatch)))
      const fitJobOut = await loopDelayDuring(() => otherCallsDuring(server.dispatch, () => fitJob(server.dispatch)))
      await server.stop()

      report(line('in process (before)', inp))
      report(`${line('server process', out)} (target: the loop never held over 50 ms${out.max <= 50 ? '' : ' — OVER'})`)
      report(fitLine('fit in process (before)', fitIn))
      report(fitLine('fit in the server process, one call', fitOut))
      report(`${fitLine('fit as a job in its worker thread', fitJobOut)} (target: the loop never held over 50 ms${fitJobOut.max <= 50 ? '' : ' — OVER'})`)
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true })
    }
  }
}
