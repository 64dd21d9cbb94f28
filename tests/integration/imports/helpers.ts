/** Import fixture files straight through the pipeline, as the CLI does, on a test database. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import type { Db } from '../../../electron/db/driver'
import { openTable } from '../../../electron/services/imports/table-source'
import { commitImport, type ImportHooks } from '../../../electron/services/imports/import-pipeline'
import type { ImportOptions, ImportResult } from '../../../shared/schemas/imports'

export const fixtureDir = join(__dirname, '../../fixtures/imports')
export const fixture = (name: string) => join(fixtureDir, name)

/** Import bytes as a file named `name`. */
export async function importBytes(db: Db, name: string, bytes: Uint8Array, options: ImportOptions = {}, hooks?: ImportHooks): Promise<ImportResult> {
  const table = await openTable(bytes, options)
  const hash = createHash('sha256').update(bytes).digest('hex')
  return commitImport(db, table, { fileName: name, fileSize: bytes.length, fileHash: hash, importedAt: '2026-11-23T10:00:00', options }, hooks)
}

/** Import one fixture file. */
export function importFixture(db: Db, name: string, options: ImportOptions = {}): Promise<ImportResult> {
  return importBytes(db, name, readFileSync(fixture(name)), options)
}

/** Import CSV text (UTF-8). */
export function importText(db: Db, text: string, options: ImportOptions = {}): Promise<ImportResult> {
  return importBytes(db, 'test.csv', Buffer.from(text), options)
}

/** Row counts of every table the import writes: to prove nothing was written. */
export function footprint(db: Db): Record<string, number> {
  const tables = [
    'import_batches',
    'rejected_rows',
    'customers',
    'customer_identities',
    'customer_names',
    'customer_addresses',
    'products',
    'orders',
    'order_lines',
    'customer_summaries',
    'header_mappings'
  ]
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]))
}
