/**
 * Mappings the user corrected, remembered per header signature (the normalised header row),
 * so next week's export from the same POS maps itself.
 */
import { createHash } from 'node:crypto'
import type { Db } from '../../db/driver'
import type { Mapping } from './fields'
import { normalizeHeader } from './header-names'

/** The signature of a header row: the same columns in the same order give the same one. */
export function headerSignature(headers: string[]): string {
  return createHash('sha1').update(headers.map(normalizeHeader).join('\u001f')).digest('hex')
}

/** The remembered mapping for these headers, or null. */
export function rememberedMapping(db: Db, headers: string[]): Mapping | null {
  const row = db.prepare('SELECT mapping FROM header_mappings WHERE signature = ?').pluck().get(headerSignature(headers)) as string | undefined
  if (!row) return null
  try {
    return JSON.parse(row) as Mapping
  } catch {
    return null
  }
}

/** Remember the mapping used for these headers. */
export function rememberMapping(db: Db, headers: string[], mapping: Mapping, at: string): void {
  db.prepare(
    `INSERT INTO header_mappings (signature, mapping, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (signature) DO UPDATE SET mapping = excluded.mapping, updated_at = excluded.updated_at`
  ).run(headerSignature(headers), JSON.stringify(mapping), at)
}
