/**
 * A morning of calls at 20,000 customers: staff record an outcome (已联系) on the first call of
 * the list, and the page asks for the list again, as CallsView does after each click. Times that
 * reload (reminders.calls) after each outcome, median of CALL_OUTCOMES_RUNS (5), wall and CPU, on a
 * copy of the demo shop imported from its files, through the dispatcher as the server runs it.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { createAppContext } from '../../electron/services/app/app-context'
import { buildHandlers } from '../../electron/ipc/handlers'
import { createDispatcher } from '../../electron/ipc/dispatcher'
import { MISSED_PAGE } from '../../shared/schemas/reminders'
import { benchShop } from './bench-shop'

const AS_OF = '2026-11-23'
const CUSTOMERS = 20_000
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]

export const callOutcomesBench: Benchmark = {
  name: 'call-outcomes',
  description: 'the call list asked again after each recorded outcome, at 20,000 customers (median of 5, wall and CPU)',
  run: async (report) => {
    const runs = Number(process.env.CALL_OUTCOMES_RUNS ?? 5)
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-bench-outcomes-'))
    try {
      const path = join(dir, 'shop.db')
      report((await benchShop(CUSTOMERS, 1, AS_OF, path)).note)
      const db = openNodeDatabase(path)
      const ctx = createAppContext(db, path, 'bench', AS_OF)
      const dispatch = createDispatcher(buildHandlers(ctx), console.error, ctx.lock, false)
      const calls = async () => {
        const r = (await dispatch('reminders.calls', { all: false, missed: { offset: 0, limit: MISSED_PAGE } })) as {
          ok: boolean
          data: { entries: { customerId: number; key: string }[] }
        }
        if (!r.ok) throw new Error(JSON.stringify(r))
        return r.data
      }
      let list = await calls()
      const wall: number[] = []
      const cpu: number[] = []
      for (let i = 0; i < runs; i++) {
        const first = list.entries[0]
        const recorded = (await dispatch('reminders.record', { customerId: first.customerId, key: first.key, outcome: 'reached' })) as { ok: boolean }
        if (!recorded.ok) throw new Error(JSON.stringify(recorded))
        const c0 = process.cpuUsage()
        const t0 = performance.now()
        list = await calls()
        wall.push(performance.now() - t0)
        const c = process.cpuUsage(c0)
        cpu.push((c.user + c.system) / 1000)
      }
      db.close()
      report(
        `reminders.calls after each of ${runs} outcomes: median ${median(wall).toFixed(0)} ms wall, ${median(cpu).toFixed(0)} ms CPU (${wall.map((m) => m.toFixed(0)).join(', ')} ms)`
      )
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
