/**
 * Numbered migrations tracked by PRAGMA user_version. Each runs in its own transaction, so
 * a failure leaves the file at the previous version. A file written by a newer app is
 * refused rather than guessed at.
 */
import { DomainError } from '../../shared/result'
import type { Db } from './driver'
import { migrations } from './migrations'

export const schemaVersion = migrations.length

export function currentVersion(db: Db): number {
  return db.pragma('user_version', { simple: true }) as number
}

export function migrate(db: Db): { from: number; to: number } {
  const from = currentVersion(db)
  if (from > schemaVersion) {
    throw new DomainError(
      'DB_TOO_NEW',
      `数据库版本 ${from} 比本程序支持的版本 ${schemaVersion} 新，请升级常青。(database version ${from} is newer than this app's ${schemaVersion})`
    )
  }
  for (let v = from; v < schemaVersion; v++) {
    const step = migrations[v]
    db.transaction(() => {
      step.up(db)
      db.pragma(`user_version = ${v + 1}`)
    })()
  }
  return { from, to: schemaVersion }
}
