/**
 * The backup calls at 20,000 customers (issue 19): how long each holds the server, as a plain call
 * (before) and as a job (after). The calls run in this process, as the server runs them, so the
 * hold is the longest the event loop was held (loop-delay.ts: the longest gap between timer turns)
 * — an app.info asked every 100 ms, as server.bench.ts does, cannot even be sent while it is
 * held, so its slowest reply is shown beside it but undercounts. Wall and CPU time of each. BACKUPS_BENCH_N sets the customers (20,000), BACKUPS_BENCH_RUNS the rounds (1).
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
import type { Channel } from '../../shared/ipc-contract'
import type { JobProgress } from '../../shared/schemas/jobs'
import { loopDelayDuring } from '../helpers/loop-delay'
import { otherCallsDuring } from './measure'

const AS_OF = '2026-11-23'
const CUSTOMERS = Number(process.env.BACKUPS_BENCH_N ?? 20_000)
const RUNS = Number(process.env.BACKUPS_BENCH_RUNS ?? 1)

/** Ask app.info every 100 ms while `work` runs: the slowest reply is how long another call waited. */
async function held(
  dispatch: Dispatch,
  work: () => Promise<unknown>
): Promise<{ wallMs: number; cpuMs: number; slowestMs: number; calls: number; heldMs: number }> {
  const d = await loopDelayDuring(() => otherCallsDuring(dispatch, work))
  return { ...d.value, heldMs: d.max }
}

async function call(dispatch: Dispatch, channel: Channel, input: unknown): Promise<unknown> {
  const r = await dispatch(channel, input)
  if (!r.ok) throw new Error(`${channel}: ${r.message}`)
  return r.data
}

async function job(dispatch: Dispatch, channel: Channel, input: unknown): Promise<unknown> {
  const { jobId } = (await call(dispatch, channel, input)) as { jobId: string }
  for (;;) {
    const p = (await call(dispatch, 'jobs.progress', { jobId })) as JobProgress
    if (p.state === 'done') return p.result
    if (p.state !== 'running') throw new Error(`${channel}: ${p.state} ${p.error?.message}`)
    await new Promise((r) => setTimeout(r, 50))
  }
}

export const backupsBench: Benchmark = {
  name: 'backups',
  description: 'backups.create / restore / exportAll / importAll at 20,000 customers: the longest an app.info call every 100 ms waits, plain call vs job',
  async run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-bench-backups-'))
    try {
      const path = join(dir, 'shop.db')
      report((await benchShop(CUSTOMERS, 1, AS_OF, path)).note)
      const ctx = createAppContext(openNodeDatabase(path), path, 'bench', AS_OF)
      const dispatch = createDispatcher(buildHandlers(ctx), console.error, ctx.lock, false)
      await call(dispatch, 'stats.overview', {})
      let moved = 0
      const fresh = () => {
        const p = join(dir, `moved-${moved++}.db`)
        const c = createAppContext(openNodeDatabase(p), p, 'bench', AS_OF)
        return createDispatcher(buildHandlers(c), console.error, c.lock, false)
      }
      const zip = join(dir, 'all.zip')
      for (let run = 1; run <= RUNS; run++) {
        for (const how of ['call', 'job'] as const) {
          const go = (channel: string, input: unknown, d = dispatch) =>
            how === 'call' ? call(d, channel as Channel, input) : job(d, `${channel}Start` as Channel, input)
          const line = (what: string, f: Awaited<ReturnType<typeof held>>) =>
            report(
              `run ${run} ${what} as a ${how}: ${f.wallMs.toFixed(0)} ms wall, ${f.cpuMs.toFixed(0)} ms CPU; server held at most ${f.heldMs.toFixed(0)} ms; slowest of ${f.calls} app.info replies ${f.slowestMs.toFixed(0)} ms`
            )
          line('backups.create', await held(dispatch, () => go('backups.create', {})))
          const name = ((await call(dispatch, 'backups.list', {})) as { backups: { name: string }[] }).backups[0].name
          line('backups.restore', await held(dispatch, () => go('backups.restore', { name })))
          line('backups.exportAll', await held(dispatch, () => go('backups.exportAll', { path: zip })))
          const target = fresh()
          line('backups.importAll', await held(target, () => go('backups.importAll', { path: zip }, target)))
        }
      }
      ctx.db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
