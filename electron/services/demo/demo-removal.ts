/** Remove the demo shop: undo exactly the batches it imported, newest first, and forget it. */
import type { Db } from '../../db/driver'
import { undoBatch } from '../imports/batches'
import { clearDemoRecord, readDemoRecord } from './demo-record'
import { createBackup } from '../backups/online-backup'
import { refuse } from '../../../shared/errors/refuse'

export interface DemoRemoval {
  batchesUndone: number[]
  customers: number
  orders: number
}

export function removeDemoShop(db: Db, undoneAt: string): DemoRemoval {
  const record = readDemoRecord(db)
  if (!record) throw refuse('noDemoLoaded')
  const batchesUndone: number[] = []
  db.transaction(() => {
    for (const id of [...record.batches].reverse()) {
      const undone = db.prepare('SELECT undone_at FROM import_batches WHERE id = ?').pluck().get(id) as string | null | undefined
      // a batch the user already undid by hand is simply not there to undo again
      if (undone === undefined || undone !== null) continue
      undoBatch(db, id, undoneAt)
      batchesUndone.push(id)
    }
    clearDemoRecord(db)
  })()
  const customers = db.prepare('SELECT count(*) FROM customers').pluck().get() as number
  const orders = db.prepare('SELECT count(*) FROM orders').pluck().get() as number
  return { batchesUndone, customers, orders }
}

/**
 * Removing as the app does it: removing is an undo of several batches, so a file database is
 * backed up first (`before-undo`), as before any undo; `backupFolder` null (in memory) skips it.
 */
export async function removeDemoShopBackedUp(db: Db, backupFolder: string | null, undoneAt: string): Promise<DemoRemoval> {
  if (backupFolder && !db.memory && readDemoRecord(db)) await createBackup(db, backupFolder, undoneAt, 'before-undo')
  return removeDemoShop(db, undoneAt)
}
