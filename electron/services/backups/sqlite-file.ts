/** Small checks on SQLite files a user names: is it one, and is it sound. */
import { closeSync, openSync, readSync, statSync } from 'node:fs'
import type { Db } from '../../db/driver'
import { refuse } from '../../../shared/errors/refuse'

const MAGIC = 'SQLite format 3\0'

/** True when the file starts with the SQLite header. */
export function isSqliteFile(file: string): boolean {
  try {
    if (!statSync(file).isFile()) return false
    const fd = openSync(file, 'r')
    try {
      const buf = Buffer.alloc(16)
      readSync(fd, buf, 0, 16, 0)
      return buf.toString('latin1') === MAGIC
    } finally {
      closeSync(fd)
    }
  } catch {
    return false
  }
}

/**
 * FTS5 keeps each table's index structure cached per connection, and PRAGMA integrity_check
 * checks against that cache without first asking whether another connection wrote since
 * (SQLite 3.51): after the CLI imported while the app was open, a sound index then reads as
 * "checksum mismatch" or "corruption found". Any ordinary read of the table refreshes the cache.
 */
function refreshFtsCaches(db: Db): void {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5%'").pluck().all() as string[]
  for (const t of tables) db.prepare(`SELECT rowid FROM "${t.replace(/"/g, '""')}" LIMIT 1`).get()
}

/** PRAGMA integrity_check must answer 'ok'; anything else stops the operation. */
export function assertIntegrity(db: Db, what: string): void {
  refreshFtsCaches(db)
  const result = db.pragma('integrity_check', { simple: true })
  if (result !== 'ok') throw refuse('integrityFailed', { what, result: String(result) })
}
