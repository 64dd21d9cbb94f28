/**
 * The backup made before a change that is hard to take back by hand (an import, a merge): an
 * online backup tagged with the reason in the backups folder (beside the database unless the
 * settings name another), pruned to the newest N like every other backup. In-memory
 * databases (tests) are not backed up.
 */
import type { Db } from '../../db/driver'
import { createBackup, type BackupInfo, type BackupReason } from './online-backup'

/** Back the database up at shop-local time `at` before the change; null for an in-memory database. */
export async function backupBeforeChange(
  db: Db,
  folder: string,
  at: string,
  reason: Extract<BackupReason, 'before-import' | 'before-merge'>
): Promise<BackupInfo | null> {
  if (db.memory) return null
  return createBackup(db, folder, at, reason)
}
