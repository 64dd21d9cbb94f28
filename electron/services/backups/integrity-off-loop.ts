/**
 * The integrity checks of a backup off the server's event loop: PRAGMA integrity_check of the
 * shop and of a finished copy takes 1–2 s each at 20,000 customers, and run through the server's
 * connection it held every other call of the window that long. Here it runs in a worker thread
 * (jobs/backup-worker.ts, built as out/main/backup-worker.js) with its own read-only connection
 * to the file, which sees the last committed state — what the server's connection sees between
 * its calls, and what the online backup copies. An in-memory database (tests), or a run from the
 * sources without a built worker, is checked in this process as before (assertIntegrity).
 */
import { Worker } from 'node:worker_threads'
import type { Db } from '../../db/driver'
import { DomainError } from '../../../shared/result'
import { assertFileIntegrity, assertIntegrity } from './sqlite-file'
import { builtWorkerFile } from '../jobs/built-worker'
import type { JobError } from '../../../shared/schemas/jobs'
import type { Progress } from './step-control'

/** What the backup worker is asked to do: a check (here), a restore's copy back or an import-all (writes-off-loop.ts). */
export interface IntegrityTask {
  type: 'integrity'
  file: string
  what: string
  quick: boolean
}

/** Copy the checked backup `source` into the shop `file` on the worker's own write connection (copy-tables.ts). */
export interface RestoreCopyTask {
  type: 'restore-copy'
  file: string
  source: string
  /** who may end it: the worker before it commits, or a cancel (writes-off-loop.ts, commitClaim) */
  claim: SharedArrayBuffer
}

/** Read a full export (zip bytes) into the empty shop `file` on the worker's own write connection (full-export.ts, importSteps). */
export interface ImportAllTask {
  type: 'import-all'
  file: string
  zip: Uint8Array
  claim: SharedArrayBuffer
}

export type BackupTask = IntegrityTask | RestoreCopyTask | ImportAllTask

/** What the worker posts: where it stands (an import's steps), then its one answer, done (with the import's result) or the refusal. */
export type BackupWorkerAnswer = { type: 'progress'; progress: Progress } | { type: 'done'; result?: unknown } | { type: 'error'; error: JobError }

let chosenWorker: string | null | undefined

/**
 * Name the built backup worker (tests bundle it from the sources), or null to check in this
 * process; undefined goes back to finding it beside this bundle.
 */
export function useBackupWorker(file: string | null | undefined): void {
  chosenWorker = file
}

/** The built worker (chosen, or found beside this bundle). */
export function backupWorkerFile(): string | null {
  return chosenWorker !== undefined ? chosenWorker : builtWorkerFile('backup-worker')
}

/** A refusal the worker posted, thrown here as the same DomainError (code, sentences, catalogue key). */
function asError(e: JobError): Error {
  if (e.code === 'INTERNAL' && e.key === undefined) return new Error(e.message)
  return new DomainError(e.code, e.message, e.key === undefined ? undefined : { key: e.key, params: e.params ?? {} })
}

/** A task running in its backup worker. */
export interface BackupWorkerRun {
  /** resolves with its result once it has answered done, rejects with its refusal (or once the thread ended without answering) */
  answer: Promise<unknown>
  /** resolves once the thread has ended (its connection closed with it) */
  exited: Promise<void>
  terminate(): Promise<void>
}

/** Start one task in a fresh backup worker; `onProgress` hears the steps it posts. */
export function startInBackupWorker(file: string, task: BackupTask, onProgress?: (p: Progress) => void): BackupWorkerRun {
  const worker = new Worker(file, { workerData: task })
  const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()))
  const answer = new Promise<unknown>((resolve, reject) => {
    let answered = false
    worker.on('message', (m: BackupWorkerAnswer) => {
      if (m.type === 'progress') return onProgress?.(m.progress)
      answered = true
      if (m.type === 'done') resolve(m.result)
      else reject(asError(m.error))
    })
    worker.on('error', (e) => {
      answered = true
      reject(e)
    })
    worker.on('exit', (code) => {
      if (!answered) reject(new Error(`后台检查意外结束 (the backup worker exited with ${code} before answering)`))
    })
  })
  return { answer, exited, terminate: () => worker.terminate().then(() => undefined) }
}

/** Run one task in a fresh backup worker; resolves once it has answered done, rejects with its refusal. */
export async function inBackupWorker(file: string, task: BackupTask): Promise<void> {
  await startInBackupWorker(file, task).answer
}

/**
 * PRAGMA integrity_check (quick_check with `quick`) must answer 'ok', as assertIntegrity, of `db`
 * or of the file named (a finished copy): in the backup worker when there is one and the
 * database is a file, so the event loop turns meanwhile; otherwise in this process.
 */
export async function checkIntegrity(target: Db | string, what: string, { quick = false }: { quick?: boolean } = {}): Promise<void> {
  const file = typeof target === 'string' ? target : target.memory ? ':memory:' : target.name
  const worker = backupWorkerFile()
  if (worker && file !== ':memory:') return inBackupWorker(worker, { type: 'integrity', file, what, quick })
  if (typeof target !== 'string') return assertIntegrity(target, what, { quick })
  assertFileIntegrity(file, what, { quick })
}
