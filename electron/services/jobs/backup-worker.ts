/**
 * The backups' heavy work off the server's request loop: a worker_threads entry (built as
 * out/main/backup-worker.js) given one task. An integrity check opens its own read-only
 * connection to the file, runs PRAGMA integrity_check and posts 'done', or the refusal
 * (backups/integrity-off-loop.ts). A restore's copy back opens its own write connection to the
 * shop file and runs copyAllTables on it, committing only if no cancel claimed the end first
 * (backups/writes-off-loop.ts); the connection is closed before the answer is posted.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../../db/connection'
import { loadDriver } from '../../db/driver'
import { refuse } from '../../../shared/errors/refuse'
import { assertFileIntegrity } from '../backups/sqlite-file'
import { copyAllTables } from '../backups/copy-tables'
import { claimCommit } from '../backups/writes-off-loop'
import type { BackupTask, BackupWorkerAnswer, RestoreCopyTask } from '../backups/integrity-off-loop'
import { jobError } from './job-registry'

function restoreCopy(task: RestoreCopyTask): void {
  const db = openDatabase(loadDriver(), task.file, { migrate: false })
  try {
    copyAllTables(db, task.source, {
      beforeCommit: () => {
        if (!claimCommit(task.claim)) throw refuse('backupJobCancelled')
      }
    })
  } finally {
    db.close()
  }
}

const task = workerData as BackupTask
const post = (m: BackupWorkerAnswer) => parentPort!.postMessage(m)
try {
  if (task.type === 'integrity') assertFileIntegrity(task.file, task.what, { quick: task.quick })
  else restoreCopy(task)
  post({ type: 'done' })
} catch (e) {
  post({ type: 'error', error: jobError(e) })
}
