/**
 * Drive fuzz inputs through the real import service (preview, then import, as the IPC
 * handler and the CLI call it) on a database already holding one good import, and check
 * after each one: the call succeeded or threw a DomainError; the file is sound; the database
 * is exactly as before, or holds exactly one new batch whose rows match what the import
 * reported (all or nothing). A successful batch is undone before the next input, and the
 * undo must bring the figures back.
 * Shared by the fuzz test and the robustness benchmark.
 */
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { createHash } from 'node:crypto'
import type { Db } from '../../../electron/db/driver'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { previewImport, runImport } from '../../../electron/services/imports/import-service'
import { undoBatch } from '../../../electron/services/imports/batches'
import { DomainError } from '../../../shared/result'
import { ImportPreview, ImportResult } from '../../../shared/schemas/imports'
import { fuzzInput, goodImportFile, loadSeedFiles, type FuzzInput } from './fuzz-inputs'

/** One input taking longer than this is a failure (a hang in the making). */
const SLOW_MS = 10_000
/** A call still unanswered after this never will be: the run stops there and says which input it was. */
const HANG_MS = 30_000
const IMPORTED_AT = '2026-11-23T10:00:00'

export interface FuzzFailure {
  index: number
  label: string
  problem: string
  /** where the input was written, to replay it by hand */
  file: string
}

export interface FuzzRun {
  seed: number
  inputs: number
  /** inputs imported as a batch */
  imported: number
  /** refused with a DomainError, by code */
  refused: Record<string, number>
  failures: FuzzFailure[]
  bytes: number
  ms: number
  slowestMs: number
}

/** What must not change when an import is refused (and must come back after an undo). */
interface Snapshot {
  customers: number
  orders: number
  lines: number
  batches: number
  rejected: number
  identities: number
  /** a checksum over every order's id and total */
  orderTotals: string
  revenueFen: number
}

function snapshot(db: Db): Snapshot {
  const one = (sql: string) => db.prepare(sql).pluck().get() as number
  const totals = createHash('sha1')
  for (const row of db.prepare('SELECT id, total_fen FROM orders ORDER BY id').raw().iterate() as Iterable<[number, number]>)
    totals.update(`${row[0]}:${row[1]};`)
  return {
    customers: one('SELECT count(*) FROM customers'),
    orders: one('SELECT count(*) FROM orders'),
    lines: one('SELECT count(*) FROM order_lines'),
    batches: one('SELECT count(*) FROM import_batches WHERE undone_at IS NULL'),
    rejected: one('SELECT count(*) FROM rejected_rows r JOIN import_batches b ON b.id = r.batch_id WHERE b.undone_at IS NULL'),
    identities: one('SELECT count(*) FROM customer_identities'),
    orderTotals: totals.digest('hex'),
    revenueFen: one('SELECT coalesce(sum(amount_fen), 0) FROM order_lines')
  }
}

function differences(a: Snapshot, b: Snapshot): string[] {
  return (Object.keys(a) as (keyof Snapshot)[]).filter((k) => a[k] !== b[k]).map((k) => `${k} ${a[k]} → ${b[k]}`)
}

type Outcome<T> = { value: T } | { domain: DomainError } | { crash: unknown }

class Hang extends Error {}

/** Whatever else was thrown is a bug: only a DomainError may leave the import. A call that never settles is a Hang. */
async function attempt<T>(fn: () => Promise<T>): Promise<Outcome<T>> {
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Hang(`no answer after ${HANG_MS / 1000} s`)), HANG_MS)))
  try {
    return { value: await Promise.race([fn(), deadline]) }
  } catch (e) {
    if (e instanceof Hang) throw e
    return e instanceof DomainError ? { domain: e } : { crash: e }
  } finally {
    clearTimeout(timer)
  }
}

const describeCrash = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message}\n${e.stack?.split('\n').slice(1, 6).join('\n')}` : String(e))

/** The new batch against what the import said it did. */
function checkBatch(db: Db, before: Snapshot, r: ImportResult): string[] {
  const problems: string[] = []
  const after = snapshot(db)
  const expect = (what: string, actual: unknown, expected: unknown) => {
    if (actual !== expected) problems.push(`${what}: ${String(actual)}, expected ${String(expected)}`)
  }
  const batch = db.prepare('SELECT * FROM import_batches WHERE id = ?').get(r.batchId) as Record<string, number> | undefined
  if (!batch) return [`batch ${r.batchId} not stored`]
  expect('batches', after.batches, before.batches + 1)
  expect(
    'rows read = imported + rejected + walk-in + excluded + duplicates',
    r.rowsRead,
    r.rowsImported + r.rowsRejected + r.walkIn + r.excludedByStatus + r.duplicates
  )
  for (const [column, value] of [
    ['rows_read', r.rowsRead],
    ['rows_imported', r.rowsImported],
    ['rows_rejected', r.rowsRejected],
    ['walk_in', r.walkIn],
    ['excluded_by_status', r.excludedByStatus],
    ['duplicates', r.duplicates],
    ['customers_created', r.customersCreated],
    ['customers_matched', r.customersMatched],
    ['total_fen', r.totalFen]
  ] as const) {
    expect(`batch ${column}`, batch[column], value)
  }
  const one = (sql: string) => db.prepare(sql).pluck().get(r.batchId) as number
  expect('lines of the batch', one('SELECT count(*) FROM order_lines WHERE batch_id = ?'), r.rowsImported)
  expect('lines in all', after.lines, before.lines + r.rowsImported)
  expect('amount of the batch', one('SELECT coalesce(sum(amount_fen), 0) FROM order_lines WHERE batch_id = ?'), r.totalFen)
  expect('revenue in all', after.revenueFen, before.revenueFen + r.totalFen)
  expect('rejected rows of the batch', one('SELECT count(*) FROM rejected_rows WHERE batch_id = ?'), r.rowsRejected)
  expect('errors listed', r.errors.length, Math.min(100, r.rowsRejected))
  expect('customers created by the batch', one('SELECT count(*) FROM customers WHERE created_batch_id = ?'), r.customersCreated)
  expect('customers in all', after.customers, before.customers + r.customersCreated)
  expect('orders in all', after.orders, before.orders + one('SELECT count(*) FROM orders WHERE batch_id = ?'))
  const summed = db
    .prepare('SELECT count(*) FROM orders o WHERE total_fen != (SELECT coalesce(sum(amount_fen), 0) FROM order_lines WHERE order_id = o.id)')
    .pluck()
    .get()
  expect('orders whose total is not the sum of their lines', summed, 0)
  return problems
}

function checkSound(db: Db): string[] {
  const problems: string[] = []
  const integrity = db.pragma('integrity_check', { simple: true })
  if (integrity !== 'ok') problems.push(`integrity_check: ${String(integrity)}`)
  const fk = db.pragma('foreign_key_check') as unknown[]
  if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk.slice(0, 3))}`)
  if (db.inTransaction) problems.push('a transaction was left open')
  return problems
}

export interface FuzzOptions {
  seed: number
  iterations: number
  /** a scratch folder: the database and any failing input go here */
  dir: string
  /** told after every input (the benchmark prints progress) */
  onInput?(index: number, ms: number): void
}

/** Run `iterations` inputs of `seed`; answers figures and every failure found. */
export async function fuzzImporter(options: FuzzOptions): Promise<FuzzRun> {
  const seeds = loadSeedFiles()
  const db = openNodeDatabase(join(options.dir, 'fuzz.db'))
  const base = await runImport(db, { file: { path: goodImportFile }, options: {}, importedAt: IMPORTED_AT, backup: null })
  if (base.rowsImported === 0) throw new Error('the good import imported nothing')
  const run: FuzzRun = { seed: options.seed, inputs: 0, imported: 0, refused: {}, failures: [], bytes: 0, ms: 0, slowestMs: 0 }
  const started = performance.now()
  try {
    for (let index = 0; index < options.iterations; index++) {
      const input = fuzzInput(options.seed, index, seeds)
      const t0 = performance.now()
      let problems: string[]
      let hung = false
      try {
        problems = await throwOne(db, input, run)
      } catch (e) {
        if (!(e instanceof Hang)) throw e
        // the call may still wake up and write: nothing after it can be judged
        problems = [`hangs: ${e.message}`]
        hung = true
      }
      const ms = performance.now() - t0
      if (ms > SLOW_MS) problems.push(`took ${Math.round(ms)} ms`)
      run.slowestMs = Math.max(run.slowestMs, ms)
      run.inputs++
      run.bytes += input.bytes.length
      if (problems.length > 0) {
        const file = join(options.dir, `fuzz-${options.seed}-${index}.bin`)
        writeFileSync(file, input.bytes)
        run.failures.push({ index, label: input.label, problem: problems.join('; '), file })
      }
      options.onInput?.(index, ms)
      if (hung) break
    }
  } finally {
    run.ms = performance.now() - started
    db.close()
  }
  return run
}

/** One input: preview, import, checks; answers the problems found (none: fine). */
async function throwOne(db: Db, input: FuzzInput, run: FuzzRun): Promise<string[]> {
  const file = { name: input.name, dataBase64: Buffer.from(input.bytes).toString('base64') }
  const before = snapshot(db)
  const problems: string[] = []

  const preview = await attempt(() => previewImport(db, file, input.options, IMPORTED_AT.slice(0, 10)))
  if ('crash' in preview) problems.push(`preview threw ${describeCrash(preview.crash)}`)
  if ('value' in preview) {
    const shape = ImportPreview.safeParse(preview.value)
    if (!shape.success) problems.push(`preview answered outside its schema: ${shape.error.issues[0].path.join('.')} ${shape.error.issues[0].message}`)
  }
  const afterPreview = differences(before, snapshot(db))
  if (afterPreview.length > 0) problems.push(`preview wrote: ${afterPreview.join(', ')}`)

  const result = await attempt(() => runImport(db, { file, options: input.options, importedAt: IMPORTED_AT, backup: null }))
  problems.push(...checkSound(db))
  if ('crash' in result) problems.push(`import threw ${describeCrash(result.crash)}`)
  if ('value' in result) {
    run.imported++
    const shape = ImportResult.safeParse(result.value)
    if (!shape.success) problems.push(`import answered outside its schema: ${shape.error.issues[0].path.join('.')} ${shape.error.issues[0].message}`)
    problems.push(...checkBatch(db, before, result.value))
    const undo = await attempt(async () => undoBatch(db, result.value.batchId, IMPORTED_AT))
    if (!('value' in undo)) problems.push(`undo failed: ${'domain' in undo ? undo.domain.message : describeCrash(undo.crash)}`)
    const afterUndo = differences(before, snapshot(db))
    if (afterUndo.length > 0) problems.push(`undo left: ${afterUndo.join(', ')}`)
  } else {
    if ('domain' in result) run.refused[result.domain.code] = (run.refused[result.domain.code] ?? 0) + 1
    const changed = differences(before, snapshot(db))
    if (changed.length > 0) problems.push(`refused import wrote: ${changed.join(', ')}`)
  }
  return problems
}
