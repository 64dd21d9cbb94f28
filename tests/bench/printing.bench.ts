/**
 * A print run at 20,000 customers (issue 19): runJob for real (codes stored), as printing.print
 * and printing.savePdf run it before handing the document to the front's print sink, for runs of
 * 500, 2,000 and 10,000 cards of the A6 售后卡 (one card a page, a coupon code on each) and of an
 * address label (21 a sheet, no code). Wall and CPU time of the call, the document's size, and
 * how long the server is held: the plain call holds it for the whole of its wall time.
 * PRINTING_BENCH_N sets the customers (20,000), PRINTING_BENCH_RUNS the rounds (3),
 * PRINTING_BENCH_CARDS the run sizes (500,2000,10000).
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { benchShop } from './bench-shop'
import { median, took, type Took } from './measure'
import { ensureBuiltIns, listTemplates, runJob } from '../../electron/services/printing'
import { readSettings } from '../../electron/services/settings/settings-service'
import { PrintJobInput } from '../../shared/schemas/printing'

const AS_OF = '2026-11-23'
const CUSTOMERS = Number(process.env.PRINTING_BENCH_N ?? 20_000)
const RUNS = Number(process.env.PRINTING_BENCH_RUNS ?? 3)
const SIZES = (process.env.PRINTING_BENCH_CARDS ?? '500,2000,10000').split(',').map(Number)
const TEMPLATES = ['A6 售后卡', '地址标签 Avery L7160']

export const printingBench: Benchmark = {
  name: 'printing',
  description: 'a real print run (runJob, codes stored) of 500 / 2,000 / 10,000 cards at 20,000 customers: wall, CPU, document size',
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
          const runs: (Took & { bytes: number; codes: number; pages: number })[] = []
          for (let run = 0; run < RUNS; run++) {
            const r = took(() => runJob(db, input, options))
            runs.push({ wall: r.wall, cpu: r.cpu, bytes: Buffer.byteLength(r.value.html), codes: r.value.codesIssued, pages: r.value.pages })
          }
          const last = runs[runs.length - 1]
          report(
            `${name}, ${size} cards (${last.pages} pages, ${last.codes} codes stored): runJob ${median(runs.map((r) => r.wall)).toFixed(0)} ms wall, ${median(
              runs.map((r) => r.cpu)
            ).toFixed(0)} ms CPU (median of ${RUNS}; runs ${runs.map((r) => r.wall.toFixed(0)).join(' / ')} ms), server held for all of it; document ${(
              last.bytes /
              1024 /
              1024
            ).toFixed(1)} MB`
          )
        }
      }
      db.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
