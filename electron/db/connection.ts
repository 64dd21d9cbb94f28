/**
 * Opening the one database file: WAL, foreign keys, migrations. The driver is a parameter
 * so Electron and plain Node can each bring the build that matches their ABI.
 */
import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Db, Driver } from './driver'
import { migrate, type MigrateOptions } from './migrate'

export interface OpenOptions {
  /** apply pending migrations (default true) */
  migrate?: boolean
  readonly?: boolean
  /** the backup before an upgrade (see MigrateOptions); the app's openers pass one */
  beforeMigrate?: MigrateOptions['beforeMigrate']
}

export function openDatabase(driver: Driver, file: string, options: OpenOptions = {}): Db {
  if (file !== ':memory:' && !options.readonly) mkdirSync(dirname(file), { recursive: true })
  const db = new driver(file, { readonly: options.readonly ?? false })
  try {
    if (!options.readonly) db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    db.pragma('synchronous = NORMAL')
    db.pragma('busy_timeout = 5000')
    // big imports and aggregates: a larger page cache and temp tables in memory
    db.pragma('cache_size = -65536')
    db.pragma('temp_store = MEMORY')
    if (options.migrate !== false && !options.readonly) migrate(db, { beforeMigrate: options.beforeMigrate })
    return db
  } catch (e) {
    db.close()
    throw e
  }
}
