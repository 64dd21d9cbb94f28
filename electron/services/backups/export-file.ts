/**
 * The full export as a file or as bytes for the page to download, and the import-all from
 * either. The paths come already checked by the IPC layer (user-paths.ts): this only writes
 * and reads them.
 */
import { readFileSync, writeFileSync } from 'node:fs'
import type { Db } from '../../db/driver'
import { exportAll, importAll } from './full-export'

export interface ExportAllResult {
  /** the file written, or null when the bytes came back instead */
  file: string | null
  dataBase64: string | null
  tables: number
  rows: number
  bytes: number
}

/** Export everything to `file`, or (null) answer the zip's bytes as base64. */
export function exportAllTo(db: Db, exportedAt: string, file: string | null): ExportAllResult {
  const { zip, manifest } = exportAll(db, exportedAt)
  const counts = { tables: manifest.tables.length, rows: manifest.tables.reduce((s, t) => s + t.rows, 0), bytes: zip.length }
  if (file) {
    writeFileSync(file, zip)
    return { file, dataBase64: null, ...counts }
  }
  return { file: null, dataBase64: Buffer.from(zip).toString('base64'), ...counts }
}

/** Import-all from a checked file or from bytes the page read (base64). */
export function importAllFrom(db: Db, source: { file: string } | { dataBase64: string }): ReturnType<typeof importAll> {
  const bytes = 'file' in source ? readFileSync(source.file) : Buffer.from(source.dataBase64, 'base64')
  return importAll(db, bytes)
}
