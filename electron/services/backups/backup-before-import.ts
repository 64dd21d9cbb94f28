/**
 * The backup made before every import: an online backup tagged 'before-import' in the
 * backups folder (beside the database unless the settings name another), pruned to the
 * newest N like every other backup. In-memory databases (tests) are not backed up.
 */
import type { Db } from '../../db/driver'
import { createBackup, type BackupInfo } from './online-backup'

/** Back the database up before an import at shop-local time `at`; null for an in-memory database. */
export async function backupBeforeImport(db: Db, folder: string, at: string): Promise<BackupInfo | null> {
  if (db.memory) return null
  return createBackup(db, folder, at, 'before-import')
}
