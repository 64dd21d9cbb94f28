/**
 * The process a crash test kills: it repeats one operation on a database until killed,
 * printing 'go' just before the first one starts. Run with tsx: crash-child.ts OP DB FOLDER.
 */
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { mergeCustomers } from '../../../electron/services/customers/merge-service'
import { listBackups, restoreBackup } from '../../../electron/services/backups/online-backup'

async function main(): Promise<void> {
  const [op, dbPath, folder] = process.argv.slice(2)
  const db = openNodeDatabase(dbPath)
  process.stdout.write('go\n')
  if (op === 'merge') {
    // merge customers pairwise, one merge per transaction, until killed or out of pairs
    const ids = db.prepare('SELECT id FROM customers WHERE merged_into IS NULL ORDER BY id').pluck().all() as number[]
    for (let i = 0; i + 1 < ids.length; i += 2) mergeCustomers(db, ids[i], ids[i + 1], '2026-11-23T12:00:00')
  } else if (op === 'restore') {
    // the same manual backup again and again; each restore first backs up the state it replaces
    const manual = listBackups(folder).find((b) => b.reason === 'manual')!
    for (let i = 0; ; i++) await restoreBackup(db, folder, manual.name, `2026-11-23T12:${String(i % 60).padStart(2, '0')}:00`)
  }
  db.close()
}

void main()
