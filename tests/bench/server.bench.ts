/**
 * The app server out of process (issue 19): segment recomputes over the 200,000-customer demo
 * shop (imported from its files) through the contract, once in process (as the Electron main process did before) and
 * once in the server process forked as the browser host forks it, with the front's event-loop
 * delay (perf_hooks) measured during each. Target: out of process, p99 ≤ 50 ms.
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
      db.close()

      // out/bench/server.cjs is the server entry bundled beside this benchmark (scripts/bench.mjs)
      const server = superviseServer({
        spawn: () => forkNodeServer(join(__dirname, 'server.cjs'), serverArgs({ dbPath: path, version: 'bench', asOf: AS_OF }))
      })
      await server.ready()
      await recomputes(server.dispatch)
      const out = await loopDelayDuring(() => recomputes(server.dispatch))
      await server.stop()

      report(line('in process (before)', inp))
      report(`${line('server process', out)} (target p99 ≤ 50 ms${out.p99 <= 50 ? '' : ' — OVER'})`)
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true })
    }
  }
}
