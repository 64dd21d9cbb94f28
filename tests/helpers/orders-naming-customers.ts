/**
 * A second export laid over an imported shop: orders for customers the shop already knows,
 * each named by an identity the first files gave them (card, buyer id or phone), written as a
 * CSV and run through the importer like any file staff drop.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Db } from '../../electron/db/driver'
import type { ImportResult } from '../../shared/schemas/imports'
import { importFiles } from './imported-shops'

export type NamingKind = 'card' | 'buyer' | 'phone'

/** SQL for `kind:value` of the first identity customer `idColumn` has, in the order of `kinds`. */
export function namedBySql(idColumn: string, kinds: readonly NamingKind[]): string {
  const order = kinds.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')
  return `(SELECT kind || ':' || value FROM customer_identities i WHERE i.customer_id = ${idColumn} AND kind IN (${kinds.map((k) => `'${k}'`).join(', ')})
           ORDER BY CASE kind ${order} END LIMIT 1)`
}

/** The cells for `kinds`' columns: the identity's value under its own kind, the others empty. */
export function namingCells(who: string, kinds: readonly NamingKind[]): string[] {
  const at = who.indexOf(':')
  return kinds.map((k) => (who.slice(0, at) === k ? who.slice(at + 1) : ''))
}

/** Import `rows` under `header` as one CSV file (its own batch); the importer's result. */
export async function importCsvRows(db: Db, header: string, rows: readonly string[][], importedAt: string): Promise<ImportResult> {
  const dir = mkdtempSync(join(tmpdir(), 'evergreen-more-orders-'))
  try {
    const file = join(dir, 'more-orders.csv')
    writeFileSync(file, [header, ...rows.map((r) => r.join(','))].join('\n'))
    const [r] = await importFiles(db, [file], importedAt)
    return r
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
