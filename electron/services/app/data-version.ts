/**
 * A key that changes whenever the shop's data may have: any row this connection wrote
 * (total_changes) and, through PRAGMA data_version, any commit by another connection (an
 * import's worker, a restore). A cache keyed on it is never read after a write, and survives
 * any number of reads.
 */
import type { Db } from '../../db/driver'

const totalChanges = (db: Db) => db.prepare('SELECT total_changes()').pluck().get() as number

/** `changes` of this connection's, then data_version: bumped by any other connection's commit. */
const version = (db: Db, changes: number) => `${changes}:${db.pragma('data_version', { simple: true }) as number}`

/** Changes by this connection and, through data_version, by any other. */
export function dataVersion(db: Db): string {
  return version(db, totalChanges(db))
}

/** Per connection, the rows written by writes no kept read depends on (outsideKeptReads). */
const outside = new WeakMap<Db, number>()

/**
 * Run `write`, a write no kept read depends on — a contact-log line (a call's outcome, its undo,
 * a contact noted on a customer's file), an audit line — so that it does not throw the kept reads
 * away: recording a call outcome made the call list fit the shop's purchase rhythm again on every
 * click. Only its own statements
 * count as outside; wrap nothing that touches orders, customers, products or settings.
 */
export function outsideKeptReads<T>(db: Db, write: () => T): T {
  const before = totalChanges(db)
  try {
    return write()
  } finally {
    outside.set(db, (outside.get(db) ?? 0) + totalChanges(db) - before)
  }
}

/** dataVersion less the writes made outside the kept reads. */
function keptReadsVersion(db: Db): string {
  return version(db, totalChanges(db) - (outside.get(db) ?? 0))
}

/** A kept read's name, then the arguments its answer depends on (a date, a unit). */
export type KeptKey = readonly [name: string, ...args: (string | number)[]]

const kept = new WeakMap<Db, Map<string, { key: string; value: unknown }>>()

/**
 * `compute()`'s answer, kept per connection and read name until the data changes or the
 * arguments do: one answer per name is kept (the last asked), and it is computed again after
 * any write through this connection (but those made outsideKeptReads) or any commit by another
 * one on the same file. The data version is taken before `compute` runs. Callers keep the answer
 * read only (freeze it).
 */
export function keptUntilWrite<T>(db: Db, [name, ...args]: KeptKey, compute: () => T): T {
  const key = `${JSON.stringify(args)}|${keptReadsVersion(db)}`
  let byName = kept.get(db)
  if (!byName) kept.set(db, (byName = new Map()))
  const hit = byName.get(name)
  if (hit?.key === key) return hit.value as T
  const value = compute()
  byName.set(name, { key, value })
  return value
}
