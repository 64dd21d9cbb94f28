import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { benchShop, hasSales } from './bench-shop'
import { readSettings } from '../../electron/services/settings/settings-service'
import { schemeOverview } from '../../electron/services/segments/schemes'
import { invalidateSnapshot } from '../../electron/services/segments/snapshot'
import { countRule, segmentMembers } from '../../electron/services/segments/membership'
import { cohorts, migration, regions, repeatRate, rfmGrid } from '../../electron/services/segments/views'
import { recall } from '../../electron/services/segments/recall'
import { Rule } from '../../shared/schemas/segments'
import { addDays } from '../../shared/domain/dates'
import { median } from './measure'

const AS_OF = '2026-11-23'

/** Wall and CPU milliseconds of each run (CPU shows the cost when the machine is shared). */
function time(runs: number, fn: () => unknown): { wall: number; cpu: number } {
  const walls: number[] = []
  const cpus: number[] = []
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    fn()
    walls.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpus.push((c.user + c.system) / 1000)
  }
  return { wall: median(walls), cpu: median(cpus) }
}
const fmt = (t: { wall: number; cpu: number }, target: number) =>
  `median ${t.wall.toFixed(0)} ms wall, ${t.cpu.toFixed(0)} ms CPU (target ${target} ms)${t.wall <= target ? '' : t.cpu <= target ? ' — over on wall time only' : ' — OVER'}`

export const segmentsBench: Benchmark = {
  name: 'segments',
  description:
    'segments over the 200,000-customer demo shop imported from its files: schemes, a custom count, each view (EVERGREEN_BENCH_DB=path reuses a built shop)',
  async run(report) {
    const reuse = process.env.EVERGREEN_BENCH_DB
    const dir = reuse ? null : mkdtempSync(join(tmpdir(), 'evergreen-bench-'))
    try {
      const path = reuse ?? join(dir!, 'bench.db')
      if (!reuse || !hasSales(path)) report((await benchShop(200_000, 1, AS_OF, path)).note)
      const db = openNodeDatabase(path)
      const s = readSettings(db)
      // warm the page cache once so the figures measure the work, not the disk
      schemeOverview(db, AS_OF, s, false)

      const today = time(3, () => {
        invalidateSnapshot(db)
        schemeOverview(db, AS_OF, s, false)
      })
      report(`every built-in scheme recomputed as of today (ledger summaries): ${fmt(today, 1000)}`)
      const past = addDays(AS_OF, -120)
      const earlier = time(3, () => {
        invalidateSnapshot(db)
        schemeOverview(db, past, s, false)
      })
      report(`every built-in scheme recomputed as of ${past} (from orders): ${fmt(earlier, 1000)}`)

      schemeOverview(db, AS_OF, s, false)
      const rules = {
        simple: Rule.parse({
          all: [
            { field: 'orders', op: '>=', value: 3 },
            { field: 'lifecycle', op: 'in', value: ['silent', 'sleeping'] }
          ]
        }),
        product: Rule.parse({
          all: [
            { field: 'boughtProduct', op: 'contains', value: { text: '奶粉', from: '2026-06-01' } },
            { field: 'region', op: '=', value: '浙江省' },
            { not: { field: 'tag', op: '=', value: '价格敏感' } }
          ]
        }),
        rfm: Rule.parse({
          any: [
            { field: 'rfmSegment', op: '=', value: 'At Risk' },
            { field: 'tier', op: 'in', value: ['gold', 'diamond'] }
          ]
        })
      }
      for (const [name, rule] of Object.entries(rules)) {
        let n = 0
        const t = time(5, () => (n = countRule(db, rule, AS_OF, s)))
        report(`custom segment count (${name}, ${n} customers): ${fmt(t, 200)}`)
      }

      const views: [string, () => unknown][] = [
        ['rfmGrid', () => rfmGrid(db, AS_OF, s)],
        ['repeatRate', () => repeatRate(db, AS_OF, s)],
        ['cohorts', () => cohorts(db, AS_OF, s)],
        ['migration', () => migration(db, addDays(AS_OF, -91), AS_OF, s)],
        ['regions', () => regions(db, AS_OF, s)],
        ['members page (50)', () => segmentMembers(db, { rule: rules.simple }, AS_OF, s, { limit: 50, offset: 0 })],
        ['recall (a product, 3 months)', () => recall(db, { product: '羊奶粉', from: '2026-08-23', to: AS_OF })]
      ]
      for (const [name, fn] of views) report(`view ${name}: ${fmt(time(3, fn), 500)}`)
      db.close()
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true })
    }
  }
}
