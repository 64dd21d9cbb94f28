/**
 * demo.remove at 20,000 customers: the demo shop imported from its files (bench-shop.ts), then
 * removed batch by batch as the app does, on a fresh copy each run; wall and CPU time, and the
 * rows left (none: the shop was the demo alone). Then customers.merge's own work (the merge
 * without its before-merge backup) on the same shop, to tell the merge from its backup.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import { benchShop } from './bench-shop'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { demoRemovalSteps } from '../../electron/services/demo/demo-removal'
import { mergeCustomers } from '../../electron/services/customers/merge-service'
import { median } from './measure'

const N = Number(process.env.DEMO_REMOVE_BENCH_N ?? 20_000)
const RUNS = Number(process.env.DEMO_REMOVE_BENCH_RUNS ?? 3)
const AS_OF = '2026-11-23'

const cpuMs = (since: NodeJS.CpuUsage) => {
  const u = process.cpuUsage(since)
  return (u.user + u.system) / 1000
}

export const demoRemoveBench: Benchmark = {
  name: 'demo-remove',
  description: `demo.remove (batch by batch) and customers.merge's own work on the ${N.toLocaleString('en-US')}-customer demo shop`,
  async run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-bench-'))
    try {
      const wall: number[] = []
      const cpu: number[] = []
      const longest: number[] = []
      for (let run = 0; run < RUNS; run++) {
        const shop = await benchShop(N, 1, AS_OF, join(dir, `remove-${run}.db`))
        if (run === 0) report(shop.note)
        const db = openNodeDatabase(shop.path)
        const c0 = process.cpuUsage()
        const t0 = performance.now()
        let step = t0
        let slowest = 0
        const steps = demoRemovalSteps(db, `${AS_OF}T18:00:00`)
        let next = steps.next()
        for (; !next.done; next = steps.next()) {
          const now = performance.now()
          slowest = Math.max(slowest, now - step)
          step = now
        }
        wall.push(performance.now() - t0)
        cpu.push(cpuMs(c0))
        longest.push(slowest)
        report(
          `run ${run + 1}: removed batches ${next.value.batchesUndone.join(', ')} in ${(wall[run] / 1000).toFixed(1)} s wall, ${(cpu[run] / 1000).toFixed(1)} s CPU; longest step ${(slowest / 1000).toFixed(1)} s; left ${next.value.customers} customers, ${next.value.orders} orders`
        )
        db.close()
        rmSync(shop.path, { force: true })
      }
      report(
        `demo.remove median over ${RUNS} runs: ${(median(wall) / 1000).toFixed(1)} s wall, ${(median(cpu) / 1000).toFixed(1)} s CPU, longest step ${(median(longest) / 1000).toFixed(1)} s`
      )

      const shop = await benchShop(N, 1, AS_OF, join(dir, 'merge.db'))
      const db = openNodeDatabase(shop.path)
      const pairs = db.prepare('SELECT id FROM customers ORDER BY (id * 7919) % 1009, id LIMIT 10').pluck().all() as number[]
      const times: number[] = []
      const c0 = process.cpuUsage()
      for (let i = 0; i + 1 < pairs.length; i += 2) {
        const t0 = performance.now()
        mergeCustomers(db, pairs[i], pairs[i + 1], AS_OF)
        times.push(performance.now() - t0)
      }
      report(
        `customers.merge without its backup: median ${median(times).toFixed(1)} ms over ${times.length} merges (${(cpuMs(c0) / times.length).toFixed(1)} ms CPU each)`
      )
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
