/**
 * The backups' heavy reads off the server's request loop: a worker_threads entry (built as
 * out/main/backup-worker.js) that opens its own read-only connection to the file it is given,
 * runs PRAGMA integrity_check on it and posts 'done', or the refusal (backups/integrity-off-loop.ts).
 */
import { parentPort, workerData } from 'node:worker_threads'
import { assertFileIntegrity } from '../backups/sqlite-file'
import type { BackupWorkerAnswer, IntegrityTask } from '../backups/integrity-off-loop'
import { jobError } from './job-registry'

const task = workerData as IntegrityTask
const post = (m: BackupWorkerAnswer) => parentPort!.postMessage(m)
try {
  assertFileIntegrity(task.file, task.what, { quick: task.quick })
  post({ type: 'done' })
} catch (e) {
  post({ type: 'error', error: jobError(e) })
}
