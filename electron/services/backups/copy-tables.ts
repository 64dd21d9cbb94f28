/**
 * A restore's write: every table of the open shop replaced by a checked backup's rows, in one
 * transaction. The same code runs on the server's connection (an in-memory shop, a run from the
 * sources) and on the backup worker's own write connection to the shop file (jobs/backup-worker.ts,
 * backups/writes-off-loop.ts), so the two cannot drift apart.
 */
import type { Db } from '../../db/driver'
import { LOCK_KEY_PREFIX } from '../security/lock-store'
import { assertIntegrity, withoutForeignKeys } from './sqlite-file'

/**
 * Tables a restore leaves as they are: the audit trail records what happened, including the
 * import or merge the restore takes back, so rolling the data back must not roll it back too.
 */
const KEPT_ACROSS_RESTORE = ['audit_log']

/**
 * Settings rows a restore leaves as they are: the app passcode says who may use this PC now;
 * an old backup must not bring back a passcode nobody remembers (or drop the current one).
 */
const KEPT_SETTINGS = `key LIKE '${LOCK_KEY_PREFIX}%'`

export interface CopyOptions {
  /** called inside the transaction once everything is written and checked, just before the commit; a throw rolls it all back */
  beforeCommit?: () => void
}

/**
 * Replace every table's rows with the backup's (but the audit trail), in one transaction with
 * foreign keys checked once at the end (withoutForeignKeys). Triggers are dropped for
 * the copy and recreated before commit (DDL is transactional in SQLite): the copy must be
 * exact, not re-derived, and search indexes (FTS tables) are copied row for row too.
 */
export function copyAllTables(db: Db, file: string, { beforeCommit }: CopyOptions = {}): void {
  const all = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string }[]
  const virtuals = all.filter((t) => /^CREATE VIRTUAL/i.test(t.sql)).map((t) => t.name)
  const tables = all.map((t) => t.name).filter((t) => !virtuals.some((v) => t.startsWith(`${v}_`)) && !KEPT_ACROSS_RESTORE.includes(t))
  const triggers = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").all() as { name: string; sql: string }[]
  db.prepare('ATTACH DATABASE ? AS restore_src').run(file)
  try {
    withoutForeignKeys(
      db,
      '恢复后的数据库',
      () => {
        for (const t of triggers) db.exec(`DROP TRIGGER main."${t.name}"`)
        db.exec(`DROP TABLE IF EXISTS temp.kept_settings; CREATE TEMP TABLE kept_settings AS SELECT * FROM main.settings WHERE ${KEPT_SETTINGS}`)
        for (const t of tables) db.exec(`DELETE FROM main."${t}"`)
        for (const t of tables) {
          const cols = (db.prepare('SELECT name FROM pragma_table_info(?)').pluck().all(t) as string[]).map((c) => `"${c}"`)
          const list = virtuals.includes(t) ? ['rowid', ...cols].join(', ') : cols.join(', ')
          db.exec(`INSERT INTO main."${t}" (${list}) SELECT ${list} FROM restore_src."${t}"`)
        }
        db.exec(`DELETE FROM main.settings WHERE ${KEPT_SETTINGS};
        INSERT INTO main.settings SELECT * FROM temp.kept_settings;
        DROP TABLE temp.kept_settings;`)
        for (const t of triggers) db.exec(t.sql)
        // the staged copy passed the full check; what was copied into this file, before it commits
        assertIntegrity(db, '恢复后的数据库', { quick: true })
      },
      beforeCommit
    )
  } finally {
    db.exec('DETACH DATABASE restore_src')
  }
}
