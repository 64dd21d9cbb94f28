/**
 * Load the demo shop the way a real shop arrives: its export files are written to a
 * temporary folder and each goes through the real importer (runImport, as the import
 * channel calls it) as its own batch. The batch ids are recorded so the demo can be removed
 * exactly.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../../db/driver'
import type { DemoResult } from '../../../shared/schemas/demo'
import { runImport } from '../imports/import-service'
import { buildDemoFiles, writeDemoFiles } from './demo-files'
import { writeDemoRecord } from './demo-record'
import { refuse } from '../../../shared/errors/refuse'

export interface DemoImportOptions {
  customers: number
  seed: number
  asOf: string
  /** shop-local ISO time of the import */
  importedAt: string
  /** report progress as a fraction 0..1 */
  onProgress?: (fraction: number) => void
}

export async function importDemoShop(db: Db, options: DemoImportOptions): Promise<DemoResult> {
  const existing = db.prepare('SELECT count(*) FROM orders').pluck().get() as number
  if (existing > 0) throw refuse('demoNeedsEmptyShop')
  const demo = await buildDemoFiles(options.customers, options.seed, options.asOf)
  options.onProgress?.(0.2)
  const folder = mkdtempSync(join(tmpdir(), 'evergreen-demo-'))
  const batches: number[] = []
  try {
    const paths = writeDemoFiles(folder, demo.files)
    for (const [i, path] of paths.entries()) {
      const r = await runImport(db, { file: { path }, options: { kind: demo.files[i].kind }, importedAt: options.importedAt, backup: null })
      batches.push(r.batchId)
      options.onProgress?.(0.2 + (0.8 * (i + 1)) / paths.length)
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
    // even a failed second file leaves the first one's batch recorded, so remove still finds it
    if (batches.length > 0) writeDemoRecord(db, { loadedAt: options.importedAt, customers: options.customers, seed: options.seed, batches })
  }
  const figures = db
    .prepare(
      `SELECT (SELECT count(*) FROM customers) AS customers, (SELECT count(*) FROM orders WHERE is_purchase = 1) AS orders,
              count(*) AS lines, coalesce(sum(amount_fen), 0) AS revenueFen FROM order_lines`
    )
    .get() as { customers: number; orders: number; lines: number; revenueFen: number }
  return { ...figures, from: demo.from, to: demo.to, batches }
}
