/**
 * What every handler needs: the open database, where it lives, and the shop's today. The
 * clock is read here, at the edge, and passed down as `asOf` to the logic.
 */
import type { Db } from '../../db/driver'
import { localNow, localToday } from '../../../shared/domain/dates'

export interface AppContext {
  db: Db
  dbPath: string
  version: string
  /** the shop-local date; tests and `--as-of` pin it */
  today: () => string
  /** the shop-local date and time (audit lines, backups); pinned to noon of a pinned today */
  now: () => string
}

export function createAppContext(db: Db, dbPath: string, version: string, today?: string): AppContext {
  return {
    db,
    dbPath,
    version,
    today: today ? () => today : () => localToday(),
    now: today ? () => `${today}T12:00:00` : () => localNow()
  }
}
