import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { benchShop } from './bench-shop'
import { planCampaign } from '../../electron/services/campaigns/planner'
import { courierCsv } from '../../electron/services/campaigns/outputs'
import { PlanInput } from '../../shared/schemas/campaigns'
import { readSettings } from '../../electron/services/settings/settings-service'
import { median, timeRuns } from './measure'

export const campaignsBench: Benchmark = {
  name: 'campaigns',
  description:
    'gift-mailing plans on the 20,000-customer demo shop imported from its files (first plan fits the models, later ones reuse the fit) and the courier file',
  async run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-bench-'))
    try {
      const shop = await benchShop(20_000, 1, '2026-11-23', join(dir, 'bench.db'))
      report(shop.note)
      const db = openNodeDatabase(shop.path)
      const env = { asOf: '2026-11-23', settings: readSettings(db), now: '2026-11-23T12:00:00' }
      const input = (suggestion: 'sleeping' | 'loyal', dryRun: boolean) =>
        PlanInput.parse({
          target: { suggestion },
          budgetFen: 2_000_000,
          postageFen: 800,
          gifts: [
            { sku: 'TEA', costFen: 1200 },
            { sku: 'S', costFen: 600, stock: 300 }
          ],
          holdout: 0.1,
          seed: 3,
          dryRun
        })
      const t0 = performance.now()
      const first = planCampaign(db, input('loyal', true), env)
      report(
        `first plan (loyal, ${first.candidates} candidates, scoring ${first.scoring}): ${(performance.now() - t0).toFixed(0)} ms → ${first.treated.length} mailed, ${first.control.length} control`
      )
      for (const s of ['sleeping', 'loyal'] as const) {
        const times = await timeRuns(5, () => planCampaign(db, input(s, true), env))
        report(`plan ${s} (fit reused) median ${median(times).toFixed(0)} ms over 5 runs`)
      }
      const saved = planCampaign(db, input('loyal', false), env)
      const t1 = performance.now()
      const { rows, bytes } = courierCsv(db, saved.campaignId!, 'gbk')
      report(`courier CSV (GBK) ${rows} rows, ${bytes.length} bytes in ${(performance.now() - t1).toFixed(0)} ms`)
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
