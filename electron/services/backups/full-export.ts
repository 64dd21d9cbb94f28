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
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import type { Db } from '../../db/driver'
import { schemaVersion } from '../../db/migrate'
import { refuse } from '../../../shared/errors/refuse'
import { readFigures, type BackupFigures } from './backup-figures'
import { neutralizeCell, restoreCell } from './csv-cells'
import { withoutForeignKeys } from './sqlite-file'

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

/** The whole database as a zip of CSV files plus manifest.json. */
export function exportAll(db: Db, exportedAt: string): { zip: Uint8Array; manifest: Manifest } {
  const files: Record<string, Uint8Array> = {}
  const tables: Manifest['tables'] = []
  db.transaction(() => {
    for (const name of dataTables(db)) {
      const cols = columnsOf(db, name)
      const rows = db.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]
      const body = Papa.unparse(
        {
          fields: cols.map((c) => c.name),
          data: rows.map((r) => r.map((v, i) => writeValue(v, cols[i].type)))
        },
        { newline: '\r\n', quotes: false }
      )
      const file = `${name}.csv`
      files[file] = strToU8(BOM + body + '\r\n')
      tables.push({ name, file, rows: rows.length, columns: cols.map((c) => c.name) })
    }
  })()
  const manifest: Manifest = {
    app: 'evergreen',
    format: 1,
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    exportedAt,
    nullMarker: '\\N',
    tables,
    figures: readFigures(db)
  }
  files['manifest.json'] = strToU8(JSON.stringify(manifest, null, 2))
  return { zip: zipSync(files, { level: 6 }), manifest }
}

/** Read a full export into an empty database; answers the figures it reproduced. */
export function importAll(db: Db, zip: Uint8Array): { tables: number; rows: number; figures: BackupFigures } {
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
  const occupied = db
    .prepare('SELECT (SELECT count(*) FROM customers) + (SELECT count(*) FROM orders) + (SELECT count(*) FROM import_batches)')
    .pluck()
    .get() as number
  if (occupied > 0) throw refuse('importAllNeedsEmpty')

  const known = new Set(dataTables(db))
  let rows = 0
  withoutForeignKeys(db, '导入的数据', () => {
    db.exec('DELETE FROM settings')
    for (const t of manifest.tables) {
      if (!known.has(t.name)) throw refuse('exportUnknownTable', { table: t.name })
      const bytes = entries[t.file]
      if (!bytes) throw refuse('exportMissingFile', { file: t.file })
      const cols = columnsOf(db, t.name)
      const types = new Map(cols.map((c) => [c.name, c.type]))
      const parsed = Papa.parse<string[]>(strFromU8(bytes).replace(/^\uFEFF/, ''), { skipEmptyLines: true })
      const [header, ...data] = parsed.data
      if (!header || header.some((h) => !types.has(h))) throw refuse('exportColumnsDiffer', { file: t.file })
      if (data.length !== t.rows) throw refuse('exportRowsDiffer', { file: t.file, expected: t.rows, found: data.length })
      const insert = db.prepare(`INSERT INTO "${t.name}" (${header.map((h) => `"${h}"`).join(', ')}) VALUES (${header.map(() => '?').join(', ')})`)
      for (const r of data) insert.run(...r.map((v, i) => readValue(v, types.get(header[i])!)))
      rows += data.length
    }
    const figures = readFigures(db)
    const expected = { ...manifest.figures, schemaVersion: figures.schemaVersion }
    if (JSON.stringify(figures) !== JSON.stringify(expected)) {
      throw refuse('figuresDiffer', { found: JSON.stringify(figures), expected: JSON.stringify(expected) })
    }
  })
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
