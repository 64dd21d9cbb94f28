/**
 * The full export as a file or as bytes for the page to download, and the import-all from
 * either. The paths come already checked by the IPC layer (user-paths.ts): this only writes
 * and reads them.
 */
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeFileSync, writeSync } from 'node:fs'
import type { Db } from '../../db/driver'
import { openDatabase } from '../../db/connection'
import { loadDriver } from '../../db/driver'
import { exportAll, exportSteps, importAll, joinChunks, type ImportAllResult } from './full-export'
import { importAllIn } from './writes-off-loop'
import { driveSteps, type StepControl } from './step-control'

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

/**
 * The export as a job's steps. A shop in a file is read through a connection of its own in one
 * read transaction, so every table comes from the same moment while the window's calls go on
 * (and write) between the steps; an in-memory shop (tests) is read through its own connection.
 * A file is written beside its name (….zip.part) and renamed into place at the end: a cancel or
 * a failure removes the partial output.
 */
export async function exportAllToSteps(
  source: { db: Db; dbPath: string },
  exportedAt: string,
  file: string | null,
  control: StepControl
): Promise<ExportAllResult> {
  const reader = source.dbPath === ':memory:' ? null : openDatabase(loadDriver(), source.dbPath, { readonly: true, migrate: false })
  const part = file ? `${file}.part` : null
  const fd = part ? openSync(part, 'w') : null
  const chunks: Uint8Array[] = []
  let bytes = 0
  let finished = false
  try {
    reader?.exec('BEGIN')
    const manifest = await driveSteps(
      exportSteps(reader ?? source.db, exportedAt, (c) => {
        bytes += c.length
        if (fd === null) chunks.push(c)
        else writeSync(fd, c)
      }),
      control
    )
    const counts = { tables: manifest.tables.length, rows: manifest.tables.reduce((s, t) => s + t.rows, 0), bytes }
    if (fd !== null) closeSync(fd)
    if (file && part) {
      renameSync(part, file)
      finished = true
      return { file, dataBase64: null, ...counts }
    }
    finished = true
    return { file: null, dataBase64: Buffer.from(joinChunks(chunks)).toString('base64'), ...counts }
  } finally {
    if (!finished) {
      try {
        if (fd !== null) closeSync(fd)
      } catch {
        // closed already
      }
      if (part) rmSync(part, { force: true })
    }
    reader?.close()
  }
}

/** Import-all as a job's steps (importSteps, in the backup worker when there is one: writes-off-loop.ts): nothing is written before the last. */
export async function importAllFromSteps(db: Db, source: { file: string } | { dataBase64: string }, control: StepControl): Promise<ImportAllResult> {
  const bytes = 'file' in source ? readFileSync(source.file) : Buffer.from(source.dataBase64, 'base64')
  return importAllIn(db, bytes, control)
}
