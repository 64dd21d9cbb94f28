/**
 * The one "exclusive writer" flag: while a backup worker writes the shop file on its own
 * connection (a restore's copy back, an import-all: backups/writes-off-loop.ts), the server's connection must
 * not try to write — better-sqlite3 waits for SQLite's write lock synchronously (busy_timeout,
 * 5 s), which would hold the event loop and every call of the window meanwhile. So the
 * dispatcher refuses every changing call at once with the holder's catalogue key (reads go on:
 * in WAL they see the last committed state until the worker commits), and the server's
 * connection waits for no lock meanwhile (busy_timeout 0), so a write from elsewhere in this
 * process (a job already running between its steps) fails at once instead of holding the loop.
 * One shop per server process: the flag is this process's.
 */
import type { Db } from '../../db/driver'
import { refuse } from '../../../shared/errors/refuse'

/** Why changing calls are refused: the catalogue key they are refused with. */
export type ExclusiveWriter = 'shopBeingRestored' | 'shopBeingImported'

let holder: ExclusiveWriter | null = null

/** The key a changing call is refused with right now, or null when the server may write. */
export function exclusiveWriter(): ExclusiveWriter | null {
  return holder
}

/**
 * Run `work` (which writes the shop through another connection) holding the flag; it is let go
 * once `work` has settled, whichever way. A second holder is refused with the first one's key.
 */
export async function asExclusiveWriter<T>(db: Db, why: ExclusiveWriter, work: () => Promise<T>): Promise<T> {
  if (holder) throw refuse(holder)
  holder = why
  const timeout = db.pragma('busy_timeout', { simple: true }) as number
  db.pragma('busy_timeout = 0')
  try {
    return await work()
  } finally {
    db.pragma(`busy_timeout = ${timeout}`)
    holder = null
  }
}
