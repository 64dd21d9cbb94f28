/**
 * Everything in one zip: a CSV per table (UTF-8 with BOM so Excel shows Chinese) plus a
 * manifest with the schema version, row counts and headline figures. `importAll` reads such
 * a zip into an EMPTY database and checks that the same figures come out.
 *
 * Cell conventions (stated in the manifest): NULL is written as \N; a text cell that starts
 * with = + - @ a tab, a carriage return or an apostrophe gets a leading apostrophe, so Excel
 * never runs it as a formula, and the import takes exactly one apostrophe off again.
 */
import Papa from 'papaparse'
import { strFromU8, strToU8, unzipSync, Zip, ZipDeflate } from 'fflate'
import type { Db } from '../../db/driver'
import { schemaVersion } from '../../db/migrate'
import { refuse } from '../../../shared/errors/refuse'
import { readFigures, type BackupFigures } from './backup-figures'
import { neutralizeCell, restoreCell } from './csv-cells'
import { withoutForeignKeys } from './sqlite-file'
import { drainSteps, type Progress } from './step-control'
import type { Words } from '../../../shared/schemas/predictions'

export interface Manifest {
  app: 'evergreen'
  format: 1
  schemaVersion: number
  exportedAt: string
  nullMarker: '\\N'
  tables: { name: string; file: string; rows: number; columns: string[] }[]
  figures: BackupFigures
}

const BOM = '\uFEFF'

interface Column {
  name: string
  type: string
}

/**
 * Tables that carry data. Derived ones are left out and re-derived on import: search indexes
 * (virtual tables and their shadow tables) and work queues named *_dirty, which the triggers
 * fill again as the rows go in, so the index is rebuilt before the next search.
 */
export function dataTables(db: Db): string[] {
  const virtuals = db.prepare("SELECT name FROM sqlite_master WHERE sql LIKE 'CREATE VIRTUAL%'").pluck().all() as string[]
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
      .pluck()
      .all() as string[]
  ).filter((t) => !virtuals.some((v) => t.startsWith(`${v}_`)) && !t.endsWith('_dirty'))
}

function columnsOf(db: Db, table: string): Column[] {
  return db.prepare('SELECT name, type FROM pragma_table_info(?)').all(table) as Column[]
}

/** Rows written per step of an export (a turn of the event loop between steps when it runs as a job). */
const EXPORT_ROWS_PER_STEP = 20_000

const EXPORTING = (table: string): Words => ({ zh: `正在导出 ${table}`, en: `exporting ${table}` })
const READING_ZIP: Words = { zh: '正在读取 zip 文件', en: 'reading the zip file' }
const READING_TABLE = (table: string): Words => ({ zh: `正在读取 ${table}`, en: `reading ${table}` })
const WRITING: Words = { zh: '正在写入数据并核对数字', en: 'writing the rows and checking the figures' }

/** The whole database as a zip of CSV files plus manifest.json. */
export function exportAll(db: Db, exportedAt: string): { zip: Uint8Array; manifest: Manifest } {
  const chunks: Uint8Array[] = []
  const manifest = db.transaction(() => drainSteps(exportSteps(db, exportedAt, (c) => chunks.push(c))))()
  return { zip: joinChunks(chunks), manifest }
}

export function joinChunks(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

/**
 * The export in steps of up to 20,000 rows, the zip's bytes handed to `sink` as they are made
 * (fflate's streaming zip, deflate level 6): one CSV per table, then the manifest. `db` must
 * hold one snapshot throughout (a transaction, or a reader connection of its own).
 */
export function* exportSteps(db: Db, exportedAt: string, sink: (bytes: Uint8Array) => void): Generator<Progress, Manifest> {
  let failed: Error | null = null
  const zip = new Zip((err, data) => {
    if (err) failed = err
    else sink(data)
  })
  const tables: Manifest['tables'] = []
  const names = dataTables(db)
  const counts = names.map((n) => db.prepare(`SELECT count(*) FROM "${n}"`).pluck().get() as number)
  const total = counts.reduce((a, b) => a + b, 0)
  let done = 0
  try {
    for (const name of names) {
      yield { done, total, phase: EXPORTING(name) }
      const cols = columnsOf(db, name)
      const file = `${name}.csv`
      const entry = new ZipDeflate(file, { level: 6 })
      zip.add(entry)
      let rows = 0
      let batch: string[][] = []
      const flush = (last: boolean) => {
        const cells = batch
        batch = []
        // the header with the first rows; Papa writes rows alone after that, joined by CRLF as one unparse would
        const body = rows === 0 ? Papa.unparse({ fields: cols.map((c) => c.name), data: cells }, CSV) : cells.length ? '\r\n' + Papa.unparse(cells, CSV) : ''
        entry.push(strToU8((rows === 0 ? BOM : '') + body + (last ? '\r\n' : '')), last)
        rows += cells.length
      }
      for (const r of db.prepare(`SELECT * FROM "${name}"`).raw().iterate() as IterableIterator<unknown[]>) {
        batch.push(r.map((v, i) => writeValue(v, cols[i].type)))
        if (batch.length === EXPORT_ROWS_PER_STEP) {
          flush(false)
          done += EXPORT_ROWS_PER_STEP
          yield { done, total, phase: EXPORTING(name) }
        }
      }
      done += batch.length
      flush(true)
      tables.push({ name, file, rows: rows, columns: cols.map((c) => c.name) })
    }
    const manifest: Manifest = {
      app: 'evergreen',
      format: 1,
      schemaVersion: db.pragma('user_version', { simple: true }) as number,
      exportedAt,
      nullMarker: '\\N',
      tables,
      figures: readFigures(db)
    }
    const m = new ZipDeflate('manifest.json', { level: 6 })
    zip.add(m)
    m.push(strToU8(JSON.stringify(manifest, null, 2)), true)
    zip.end()
    if (failed) throw failed
    return manifest
  } finally {
    zip.terminate()
  }
}

const CSV = { newline: '\r\n', quotes: false } as const

/** Read a full export into an empty database; answers the figures it reproduced. */
export function importAll(db: Db, zip: Uint8Array): ImportAllResult {
  return drainSteps(importSteps(db, zip))
}

export interface ImportAllResult {
  tables: number
  rows: number
  figures: BackupFigures
}

/**
 * The import in steps: the zip read, each table's CSV parsed and its cells checked (a step each),
 * then every row written in one transaction, the last step — a cancel before it writes nothing.
 * `beforeCommit` runs last inside that transaction (withoutForeignKeys): a throw rolls it back.
 */
export function* importSteps(db: Db, zip: Uint8Array, { beforeCommit }: { beforeCommit?: () => void } = {}): Generator<Progress, ImportAllResult> {
  yield { done: 0, total: 1, phase: READING_ZIP }
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(zip)
  } catch {
    throw refuse('notAZip')
  }
  const manifestBytes = entries['manifest.json']
  if (!manifestBytes) throw refuse('zipWithoutManifest')
  let manifest: Manifest
  try {
    manifest = JSON.parse(strFromU8(manifestBytes)) as Manifest
  } catch {
    throw refuse('manifestNotJson')
  }
  if (manifest.app !== 'evergreen' || manifest.format !== 1) throw refuse('notAFullExport')
  if (manifest.schemaVersion > schemaVersion) {
    throw refuse('exportTooNew', { found: manifest.schemaVersion, supported: schemaVersion })
  }
  const occupied = () =>
    db.prepare('SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM orders) + (SELECT count(*) FROM import_batches)').pluck().get() as number
  if (occupied() > 0) throw refuse('importAllNeedsEmpty')

  const known = new Set(dataTables(db))
  // parsing counts its rows, writing them counts as much again
  const total = 2 * manifest.tables.reduce((s, t) => s + t.rows, 0) + 1
  let done = 1
  const parsed: { name: string; header: string[]; rows: unknown[][] }[] = []
  for (const t of manifest.tables) {
    yield { done, total, phase: READING_TABLE(t.name) }
    if (!known.has(t.name)) throw refuse('exportUnknownTable', { table: t.name })
    const bytes = entries[t.file]
    if (!bytes) throw refuse('exportMissingFile', { file: t.file })
    const types = new Map(columnsOf(db, t.name).map((c) => [c.name, c.type]))
    const [header, ...data] = Papa.parse<string[]>(strFromU8(bytes).replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data
    if (!header || header.some((h) => !types.has(h))) throw refuse('exportColumnsDiffer', { file: t.file })
    if (data.length !== t.rows) throw refuse('exportRowsDiffer', { file: t.file, expected: t.rows, found: data.length })
    const kinds = header.map((h) => types.get(h)!)
    parsed.push({ name: t.name, header, rows: data.map((r) => r.map((v, i) => readValue(v, kinds[i]))) })
    done += data.length
  }
  yield { done, total, phase: WRITING }
  // the shop may have been written between the steps: still empty?
  if (occupied() > 0) throw refuse('importAllNeedsEmpty')
  let rows = 0
  withoutForeignKeys(
    db,
    '导入的数据',
    () => {
      db.exec('DELETE FROM settings')
      for (const t of parsed) {
        const insert = db.prepare(`INSERT INTO "${t.name}" (${t.header.map((h) => `"${h}"`).join(', ')}) VALUES (${t.header.map(() => '?').join(', ')})`)
        for (const r of t.rows) insert.run(...r)
        rows += t.rows.length
      }
      const figures = readFigures(db)
      const expected = { ...manifest.figures, schemaVersion: figures.schemaVersion }
      if (JSON.stringify(figures) !== JSON.stringify(expected)) {
        throw refuse('figuresDiffer', { found: JSON.stringify(figures), expected: JSON.stringify(expected) })
      }
    },
    beforeCommit
  )
  return { tables: manifest.tables.length, rows, figures: readFigures(db) }
}

function writeValue(v: unknown, type: string): string {
  if (v === null || v === undefined) return '\\N'
  if (type === 'TEXT' || typeof v === 'string') return neutralizeCell(String(v))
  return String(v)
}

function readValue(cell: string, type: string): unknown {
  if (cell === '\\N') return null
  if (type === 'INTEGER') {
    const n = Number(cell)
    if (!Number.isSafeInteger(n)) throw refuse('notAnInteger', { value: cell.slice(0, 40) })
    return n
  }
  if (type === 'REAL') {
    const n = Number(cell)
    if (!Number.isFinite(n)) throw refuse('notANumber', { value: cell.slice(0, 40) })
    return n
  }
  return restoreCell(cell)
}
