/**
 * Settings for writing a big batch fast without changing what ends up stored.
 *
 * Foreign keys: every id the importer writes comes from a row it just read or inserted in the
 * same transaction, so the per-row parent look-ups (four per sale line) prove nothing; they
 * are switched off around the batch and always switched back on.
 *
 * Secondary indexes of orders and order_lines: keeping five B-trees in step row by row costs
 * more than building them once from sorted data when the batch is large next to what is
 * stored. They are dropped inside the batch's transaction and created again before it
 * commits (DDL is transactional in SQLite: a crash or a cancel brings them back untouched).
 * Unique indexes are never dropped: they guard the data as it is written.
 */
import type { Db } from '../../db/driver'

/** Batches smaller than this keep their indexes: rebuilding costs more than it saves. */
const MIN_ROWS_FOR_REBUILD = 20_000
const REBUILT_TABLES = ['orders', 'order_lines'] as const

/** Run `body` with foreign-key checks off (a no-op when a transaction is already open). */
export function withoutForeignKeyChecks<T>(db: Db, body: () => T): T {
  const wasOn = db.pragma('foreign_keys', { simple: true }) === 1
  if (!wasOn || db.inTransaction) return body()
  db.pragma('foreign_keys = OFF')
  try {
    return body()
  } finally {
    db.pragma('foreign_keys = ON')
  }
}

/**
 * Inside a transaction: drop the plain secondary indexes of orders and order_lines when
 * `rows` new lines are many next to the lines stored. Answers the function that creates them
 * again (call it before anything reads through them); a no-op when nothing was dropped.
 */
export function suspendSecondaryIndexes(db: Db, rows: number): () => void {
  if (rows < MIN_ROWS_FOR_REBUILD) return () => {}
  const stored = (db.prepare('SELECT coalesce(max(id), 0) FROM order_lines').pluck().get() as number) ?? 0
  if (rows < stored) return () => {}
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master
       WHERE type = 'index' AND tbl_name IN (${REBUILT_TABLES.map(() => '?').join(', ')}) AND sql IS NOT NULL AND sql NOT LIKE 'CREATE UNIQUE%'`
    )
    .all(...REBUILT_TABLES) as { name: string; sql: string }[]
  // names come from sqlite_master itself, quoted as identifiers
  for (const index of indexes) db.exec(`DROP INDEX "${index.name.replaceAll('"', '""')}"`)
  return () => {
    for (const index of indexes) db.exec(index.sql)
  }
}
