/**
 * The backups' heavy work off the server's request loop: a worker_threads entry (built as
 * out/main/backup-worker.js) given one task. An integrity check opens its own read-only
 * connection to the file, runs PRAGMA integrity_check and posts 'done', or the refusal
 * (backups/integrity-off-loop.ts). A restore's copy back opens its own write connection to the
 * shop file and runs copyAllTables on it, committing only if no cancel claimed the end first
 * (backups/writes-off-loop.ts); an import-all runs its steps there the same way, posting each.
 * The connection is closed before the answer is posted.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../../db/connection'
import { loadDriver } from '../../db/driver'
import { refuse } from '../../../shared/errors/refuse'
import { assertFileIntegrity } from '../backups/sqlite-file'
import { copyAllTables } from '../backups/copy-tables'
import { claimCommit } from '../backups/writes-off-loop'
import { importSteps, type ImportAllResult } from '../backups/full-export'
import type { BackupTask, BackupWorkerAnswer, ImportAllTask, RestoreCopyTask } from '../backups/integrity-off-loop'
import { jobError } from './job-registry'

/** Just before COMMIT: go on if no cancel claimed the end first, otherwise roll back. */
function commitOrCancelled(claim: SharedArrayBuffer): void {
  if (!claimCommit(claim)) throw refuse('backupJobCancelled')
}

function restoreCopy(task: RestoreCopyTask): void {
  const db = openDatabase(loadDriver(), task.file, { migrate: false })
  try {
    copyAllTables(db, task.source, { beforeCommit: () => commitOrCancelled(task.claim) })
  } finally {
    db.close()
  }
}

/** The import's steps run through here, each posted as it comes; its result once committed. */
function importAll(task: ImportAllTask): ImportAllResult {
  const db = openDatabase(loadDriver(), task.file, { migrate: false })
  try {
    const steps = importSteps(db, task.zip, { beforeCommit: () => commitOrCancelled(task.claim) })
    for (;;) {
      const next = steps.next()
      if (next.done) return next.value
      post({ type: 'progress', progress: next.value })
    }
  } finally {
    db.close()
  }
}

const task = workerData as BackupTask
const post = (m: BackupWorkerAnswer) => parentPort!.postMessage(m)
try {
  if (task.type === 'integrity') {
    assertFileIntegrity(task.file, task.what, { quick: task.quick })
    post({ type: 'done' })
  } else if (task.type === 'restore-copy') {
    restoreCopy(task)
    post({ type: 'done' })
  } else post({ type: 'done', result: importAll(task) })
} catch (e) {
  post({ type: 'error', error: jobError(e) })
}
