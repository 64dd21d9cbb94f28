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

/** One batch of the demo undone, as a step of the removal. */
export interface DemoRemovalStep {
  /** batches undone so far, of `steps` */
  step: number
  steps: number
  batchId: number
  /** the file the batch was (商品资料.xlsx …), to say in words what is being removed */
  file: string
}

/**
 * The removal as steps, newest batch first. Each batch is undone in a transaction of its own
 * and the record is forgotten once none is left: a step is whole, so a removal stopped between
 * steps (cancelled, or the app closed) leaves each batch either all there or all gone, the
 * record still naming the rest, and removing again finishes the job.
 *
 * Not one transaction around all four: undoBatch's own transaction then becomes a savepoint,
 * and inside a savepoint every statement of the undo costs milliseconds more (the search
 * index's FTS tables are flushed at each statement's savepoint): 20,000 customers took 190 s
 * of CPU that way against 5.7 s batch by batch, with the same rows left.
 */
export function* demoRemovalSteps(db: Db, undoneAt: string): Generator<DemoRemovalStep, DemoRemoval> {
  const record = readDemoRecord(db)
  if (!record) throw refuse('noDemoLoaded')
  const batch = db.prepare('SELECT file_name AS file, undone_at AS undoneAt FROM import_batches WHERE id = ?')
  // a batch the user already undid by hand is simply not there to undo again
  const todo = [...record.batches].reverse().flatMap((id) => {
    const b = batch.get(id) as { file: string; undoneAt: string | null } | undefined
    return b && b.undoneAt === null ? [{ id, file: b.file }] : []
  })
  const batchesUndone: number[] = []
  for (const [i, b] of todo.entries()) {
    undoBatch(db, b.id, undoneAt)
    batchesUndone.push(b.id)
    yield { step: i + 1, steps: todo.length, batchId: b.id, file: b.file }
  }
  clearDemoRecord(db)
  const customers = db.prepare('SELECT count(*) FROM customers').pluck().get() as number
  const orders = db.prepare('SELECT count(*) FROM orders').pluck().get() as number
  return { batchesUndone, customers, orders }
}

/** The whole removal at once (the CLI, tests). */
export function removeDemoShop(db: Db, undoneAt: string): DemoRemoval {
  const steps = demoRemovalSteps(db, undoneAt)
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

/**
 * Removing as the app does it: removing is an undo of several batches, so a file database is
 * backed up first (`before-undo`), as before any undo; `backupFolder` null (in memory) skips it.
 */
export async function backUpBeforeDemoRemoval(db: Db, backupFolder: string | null, undoneAt: string): Promise<void> {
  if (backupFolder && !db.memory && readDemoRecord(db)) await createBackup(db, backupFolder, undoneAt, 'before-undo')
}

export async function removeDemoShopBackedUp(db: Db, backupFolder: string | null, undoneAt: string): Promise<DemoRemoval> {
  await backUpBeforeDemoRemoval(db, backupFolder, undoneAt)
  return removeDemoShop(db, undoneAt)
}
