/**
 * Numbered migrations tracked by PRAGMA user_version. Every pending step runs in one
 * transaction, so a failure anywhere leaves the file exactly at the version it was opened at
 * (never half-way between two). A file written by a newer app is refused rather than guessed at.
 */
import type { Db } from './driver'
import { migrations as shipped, type Migration } from './migrations'
import { refuse } from '../../shared/errors/refuse'

export const schemaVersion = shipped.length

export function currentVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

export interface MigrateOptions {
  /**
   * Called once, before the first pending step, when the file already holds a schema (from ≥ 1):
   * the app takes its backup here. Throwing stops the migration with the file untouched.
   */
  beforeMigrate?: (db: Db, from: number, to: number) => void
  /** the steps to apply; tests pass their own list to make one fail */
  migrations?: readonly Migration[]
}

export function migrate(db: Db, options: MigrateOptions = {}): { from: number; to: number } {
  const steps = options.migrations ?? shipped
  const to = steps.length
  const from = currentVersion(db)
  if (from > to) {
    throw refuse('dbTooNew', { found: from, supported: to })
  }
  if (from === to) return { from, to }
  if (from > 0) options.beforeMigrate?.(db, from, to)
  // A step may rebuild a table (SQLite's ALTER TABLE cannot change a column), which needs
  // foreign keys off; that pragma is a no-op inside a transaction, so it is set around it and
  // the keys are checked before the commit instead.
  const keysWereOn = db.pragma('foreign_keys', { simple: true }) === 1
  db.pragma('foreign_keys = OFF')
  try {
    db.transaction(() => {
      for (let v = from; v < to; v++) steps[v].up(db)
      const broken = db.pragma('foreign_key_check') as unknown[]
      if (broken.length) throw new Error(`migration to version ${to} broke ${broken.length} foreign keys`)
      db.pragma(`user_version = ${to}`)
    })()
  } finally {
    if (keysWereOn) db.pragma('foreign_keys = ON')
  }
  return { from, to }
}
