import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { loadDemoShop } from '../../electron/services/demo/demo-shop'
import { summary } from '../../electron/services/stats/stats-service'
import { defaultLifecycleThresholds } from '../../shared/domain/lifecycle'
import { median, timeRuns } from './measure'

export const demoBench: Benchmark = {
  name: 'demo',
  description: 'demo shop generation (20,000 customers) and stats.summary over it',
  async run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-bench-'))
    try {
      const db = openNodeDatabase(join(dir, 'bench.db'))
      const t0 = performance.now()
      const r = loadDemoShop(db, { customers: 20_000, seed: 1, asOf: '2026-11-23' })
      const secs = (performance.now() - t0) / 1000
      report(`generated ${r.customers} customers, ${r.orders} orders, ${r.lines} lines in ${secs.toFixed(1)} s (${Math.round(r.lines / secs)} lines/s)`)
      const times = await timeRuns(5, () => summary(db, '2026-11-23', defaultLifecycleThresholds))
      report(`stats.summary median ${median(times).toFixed(1)} ms over 5 runs`)
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
