/**
 * The import off the main thread: a worker_threads entry (built as out/main/import-worker.js)
 * that opens its own connection to the database, backs it up, runs the pipeline and reports
 * progress. Cancel is a shared flag the pipeline checks between rows; cancelling rolls the
 * transaction back.
 */
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../../db/connection'
import { loadDriver } from '../../db/driver'
import { errorMessage, type ImportFailure } from './worker-error'
import { runImport, type RunImportInput } from './import-service'

export interface WorkerRequest extends RunImportInput {
  dbPath: string
  /** Int32Array over it: [0] = 1 asks the import to stop */
  cancel: SharedArrayBuffer
}

export type WorkerMessage =
  | { type: 'progress'; phase: 'reading' | 'backup' | 'scanning' | 'writing' | 'finishing'; rowsDone: number; rowsTotal: number }
  | { type: 'done'; result: Awaited<ReturnType<typeof runImport>> }
  | ImportFailure

async function main(): Promise<void> {
  const port = parentPort
  if (!port) return
  const request = workerData as WorkerRequest
  const flag = new Int32Array(request.cancel)
  const post = (m: WorkerMessage) => port.postMessage(m)
  let db: ReturnType<typeof openDatabase> | undefined
  try {
    db = openDatabase(loadDriver(), request.dbPath)
    const result = await runImport(db, request, {
      phase: (phase) => post({ type: 'progress', phase, rowsDone: 0, rowsTotal: 0 }),
      progress: (phase, rowsDone, rowsTotal) => post({ type: 'progress', phase, rowsDone, rowsTotal }),
      shouldCancel: () => Atomics.load(flag, 0) === 1
    })
    post({ type: 'done', result })
  } catch (e) {
    post(errorMessage(e))
  } finally {
    db?.close()
  }
}

void main()
