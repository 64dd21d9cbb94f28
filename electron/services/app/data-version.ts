/**
 * A key that changes whenever the shop's data may have: any row this connection wrote
 * (total_changes) and, through PRAGMA data_version, any commit by another connection (an
 * import's worker, a restore). A cache keyed on it is never read after a write, and survives
 * any number of reads.
 */
import type { Db } from '../../db/driver'

/** Changes by this connection and, through data_version, by any other. */
export function dataVersion(db: Db): string {
  const changes = db.prepare('SELECT total_changes()').pluck().get() as number
  return `${changes}:${db.pragma('data_version', { simple: true }) as number}`
}

/** A kept read's name, then the arguments its answer depends on (a date, a unit). */
export type KeptKey = readonly [name: string, ...args: (string | number)[]]

const kept = new WeakMap<Db, Map<string, { key: string; value: unknown }>>()

/**
 * `compute()`'s answer, kept per connection and read name until the data changes or the
 * arguments do: one answer per name is kept (the last asked), and it is computed again after
 * any write through this connection or any commit by another one on the same file. The data
 * version is taken before `compute` runs. Callers keep the answer read only (freeze it).
 */
export function keptUntilWrite<T>(db: Db, [name, ...args]: KeptKey, compute: () => T): T {
  const key = `${JSON.stringify(args)}|${dataVersion(db)}`
  let byName = kept.get(db)
  if (!byName) kept.set(db, (byName = new Map()))
  const hit = byName.get(name)
  if (hit?.key === key) return hit.value as T
  const value = compute()
  byName.set(name, { key, value })
  return value
}
