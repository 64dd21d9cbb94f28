/**
 * A restore's write off the server's event loop: the copy back into the shop (copy-tables.ts),
 * one write transaction and a quick_check, held the loop ≈2.5–3.5 s at 20,000 customers (an
 * import-all's write of every row as long: importAllIn, the same way). Here
 * it runs in the backup worker (jobs/backup-worker.ts) on its own write connection to the shop
 * file. The shop is in WAL, so the server's connection keeps reading the old state until the
 * worker commits and sees the new one at its next read (PRAGMA data_version moves, so kept reads
 * are computed again: app/data-version.ts). Meanwhile the server must not write (app/write-gate.ts).
 *
 * A cancel ends the worker before it commits — the transaction goes with its thread, the shop
 * exactly as it was. Who wins, the cancel or the commit, is settled by one compare-and-swap on a
 * shared word (commitClaim): the worker claims it just before COMMIT, a cancel just before it
 * terminates the thread; a cancel that finds the commit claimed is too late and the copy lands.
 * An in-memory shop (tests), or a run from the sources without a built worker, is copied on the
 * server's connection as before.
 */
import type { Db } from '../../db/driver'
import { refuse } from '../../../shared/errors/refuse'
import { asExclusiveWriter, type ExclusiveWriter } from '../app/write-gate'
import { copyAllTables } from './copy-tables'
import { backupWorkerFile, startInBackupWorker, type ImportAllTask, type RestoreCopyTask } from './integrity-off-loop'
import { importSteps, type ImportAllResult } from './full-export'
import { driveSteps, type StepControl } from './step-control'

const RUNNING = 0
const CANCELLED = 1
const COMMITTING = 2

/** A fresh claim word: running, until the worker claims the commit or a cancel claims the end. */
export function commitClaim(): SharedArrayBuffer {
  return new SharedArrayBuffer(4)
}

const claim = (word: SharedArrayBuffer, as: number) => Atomics.compareExchange(new Int32Array(word), 0, RUNNING, as) === RUNNING

/** The worker's side: true when it may commit, false when it was cancelled first. */
export function claimCommit(word: SharedArrayBuffer): boolean {
  return claim(word, COMMITTING)
}

/** The cancel's side: true when the worker has not begun to commit (and now never will). */
export function claimCancel(word: SharedArrayBuffer): boolean {
  return claim(word, CANCELLED)
}

/** Copy the checked, staged backup into the shop `db`: in the backup worker when there is one and the shop is a file. */
export async function copyBackupIn(db: Db, staged: string, control: StepControl): Promise<void> {
  const worker = backupWorkerFile()
  if (!worker || db.memory) return copyAllTables(db, staged)
  const task: RestoreCopyTask = { type: 'restore-copy', file: db.name, source: staged, claim: commitClaim() }
  await writeOffLoop(db, 'shopBeingRestored', worker, task, control)
}

/**
 * Read a full export into the empty shop `db`: the whole import (importSteps, its parsing and its
 * one write) in the backup worker when there is one and the shop is a file, its steps reported
 * as they come — changing calls are refused throughout, so the shop is still empty when it
 * writes; otherwise its steps in this process, a turn between each.
 */
export async function importAllIn(db: Db, zip: Uint8Array, control: StepControl): Promise<ImportAllResult> {
  const worker = backupWorkerFile()
  if (!worker || db.memory) return driveSteps(importSteps(db, zip), control)
  const task: ImportAllTask = { type: 'import-all', file: db.name, zip, claim: commitClaim() }
  return (await writeOffLoop(db, 'shopBeingImported', worker, task, control)) as ImportAllResult
}

/** Run a writing task in the backup worker as the exclusive writer, a cancel ending it before it commits; answers its result. */
function writeOffLoop(db: Db, why: ExclusiveWriter, workerFile: string, task: RestoreCopyTask | ImportAllTask, control: StepControl): Promise<unknown> {
  return asExclusiveWriter(db, why, async () => {
    const run = startInBackupWorker(workerFile, task, (p) => {
      try {
        control.tick(p.done, p.total, p.phase)
      } catch {
        // cancelled: onCancel below ends the worker
      }
    })
    let cancelled = false
    const stopListening = control.onCancel?.(() => {
      if (!claimCancel(task.claim)) return false // committing already: the copy lands
      cancelled = true
      void run.terminate()
      return true
    })
    try {
      return await run.answer
    } catch (e) {
      throw cancelled ? refuse('backupJobCancelled') : e
    } finally {
      stopListening?.()
      // the connection, with its write lock or its open transaction, goes with the thread: the gate is let go after it
      await run.exited
    }
  })
}
