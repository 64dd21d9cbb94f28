/**
 * What every handler needs: the open database, where it lives, and the shop's today. The
 * clock is read here, at the edge, and passed down as `asOf` to the logic.
 */
import type { Db } from '../../db/driver'
import { localNow, localToday } from '../../../shared/domain/dates'
import { createAppLock, type AppLock } from '../security/app-lock'

export interface AppContext {
  db: Db
  dbPath: string
  version: string
  /** the shop-local date; tests and `--as-of` pin it */
  today: () => string
  /** the shop-local date and time (audit lines, backups); pinned to noon of a pinned today */
  now: () => string
  /** the optional passcode lock; the dispatcher asks it before every call */
  lock: AppLock
}

export function createAppContext(db: Db, dbPath: string, version: string, today?: string): AppContext {
  const now = today ? () => `${today}T12:00:00` : () => localNow()
  return {
    db,
    dbPath,
    version,
    today: today ? () => today : () => localToday(),
    now,
    // the throttle's waits run on the real clock even when the shop date is pinned
    lock: createAppLock(db, { ms: () => Date.now() })
  }
}
