import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { importDemoShop } from '../../electron/services/demo/demo-import'
import { summary } from '../../electron/services/stats/stats-service'
import { defaultLifecycleThresholds } from '../../shared/domain/lifecycle'
import { median, timeRuns } from './measure'

export const demoBench: Benchmark = {
  name: 'demo',
  description: 'the demo shop (20,000 customers) written as its files and imported through the pipeline, and stats.summary over it',
  async run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-bench-'))
    try {
      const db = openNodeDatabase(join(dir, 'bench.db'))
      const t0 = performance.now()
      const r = await importDemoShop(db, { customers: 20_000, seed: 1, asOf: '2026-11-23', importedAt: '2026-11-23T09:00:00' })
      const secs = (performance.now() - t0) / 1000
      const peakMb = process.resourceUsage().maxRSS / 1024
      report(
        `files written and imported: ${r.customers} customers, ${r.orders} orders, ${r.lines} lines in ${secs.toFixed(1)} s (${Math.round(r.lines / secs)} lines/s), peak RSS ${peakMb.toFixed(0)} MB`
      )
      const times = await timeRuns(5, () => summary(db, '2026-11-23', defaultLifecycleThresholds))
      report(`stats.summary median ${median(times).toFixed(1)} ms over 5 runs`)
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
