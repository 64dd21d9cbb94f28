/**
 * A key that changes whenever the shop's data may have: any row this connection wrote
 * (total_changes) and, through PRAGMA data_version, any commit by another connection (an
 * import's worker, a restore). A cache keyed on it is never read after a write, and survives
 * any number of reads.
 */
import type { Db } from '../../db/driver'

export function dataVersion(db: Db): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number
  return `${changes}:${db.pragma('data_version', { simple: true }) as number}`
}
