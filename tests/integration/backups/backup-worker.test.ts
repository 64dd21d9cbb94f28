/**
 * The backups' heavy work in the backup worker (as the app and the benchmarks run it): the event
 * loop turns while the shop and the copy are checked (before, each check held it 1–2 s at 20,000
 * customers), the backup is the same, and a damaged file is refused from the worker with the same
 * catalogue key and sentences as in this process. A restore's copy back runs there too, on the
 * worker's own write connection: the loop turns meanwhile, changing calls are refused and reads
 * answered with the shop as it was until the commit, a cancel leaves the shop exactly as it was.
 */
import { closeSync, mkdtempSync, openSync, readdirSync, writeFileSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { copyOfJourneyShop } from '../../helpers/imported-shops'
import { createBackup, createBackupSteps, restoreBackupSteps } from '../../../electron/services/backups/online-backup'
import { readFigures } from '../../../electron/services/backups/backup-figures'
import { checkIntegrity, useBackupWorker } from '../../../electron/services/backups/integrity-off-loop'
import type { StepControl } from '../../../electron/services/backups/step-control'
import { loadDriver } from '../../../electron/db/driver'
import { bundleWorker } from '../../helpers/worker-bundle'
import { copyOfDemoShop } from '../../helpers/imported-shops'
import { createAppContext } from '../../../electron/services/app/app-context'
import { exclusiveWriter } from '../../../electron/services/app/write-gate'
import { JobRegistry } from '../../../electron/services/jobs/job-registry'
import { startBackupJob } from '../../../electron/services/jobs/backup-job'
import { testDispatch } from '../../helpers/db'
import type { JobProgress } from '../../../shared/schemas/jobs'
import { jobsOf } from '../../../electron/services/jobs/context-jobs'
import { exportAll } from '../../../electron/services/backups/full-export'
import { importAllFromSteps } from '../../../electron/services/backups/export-file'

let removeWorker: () => void
let workerFile = ''
beforeAll(async () => {
  const built = await bundleWorker('electron/services/jobs/backup-worker.ts')
  removeWorker = built.remove
  workerFile = built.file
  useBackupWorker(built.file)
}, 60_000)
afterAll(() => {
  useBackupWorker(undefined)
  removeWorker()
})

/** Counts the event loop's turns from each step to the next, by phase (English words). */
function turnCounter() {
  const turns: Record<string, number> = {}
  let phase = ''
  let finished = false
  const spin = () => {
    if (finished) return
    turns[phase] = (turns[phase] ?? 0) + 1
    setImmediate(spin)
  }
  const control: StepControl = {
    step: async (_done, _total, p) => {
      phase = p.en
      turns[phase] = 0
    },
    tick: () => {}
  }
  setImmediate(spin)
  return { control, turns, stop: () => (finished = true) }
}

/** A small file whose index no longer holds its table's rows: one byte of its last index entry overwritten. */
function damagedFile(dir: string): string {
  const file = join(dir, 'damaged.db')
  const db = new (loadDriver())(file)
  db.exec('CREATE TABLE t (a INTEGER, b INTEGER); CREATE INDEX t_a ON t (a)')
  const insert = db.prepare('INSERT INTO t VALUES (?, ?)')
  for (let i = 1; i <= 50; i++) insert.run(i, 1000 - i)
  const root = db.prepare("SELECT rootpage FROM sqlite_schema WHERE name = 't_a'").pluck().get() as number
  const pageSize = db.pragma('page_size', { simple: true }) as number
  db.close()
  // the index page's cells are written from its end: the last bytes are the entry (a = 1, rowid 1)
  const fd = openSync(file, 'r+')
  writeSync(fd, Buffer.from([0x7f]), 0, 1, root * pageSize - 2)
  closeSync(fd)
  return file
}

describe('the backup worker', () => {
  it('lets the event loop turn while the shop and the copy are checked, and makes the same backup', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-bkworker-'))
    const db = openNodeDatabase(await copyOfJourneyShop(join(dir, 'shop.db')))
    const folder = join(dir, 'backups')
    const { control, turns, stop } = turnCounter()
    const info = await createBackupSteps(db, folder, '2026-11-23T09:00:00', 'manual', control).finally(stop)
    // in this process each check ran to its end before the loop could turn once
    expect(turns['checking the shop’s database']).toBeGreaterThan(0)
    expect(turns['checking the backup file']).toBeGreaterThan(0)
    expect(readdirSync(folder)).toEqual(['evergreen-20261123-090000-manual.db'])
    expect(info.figures).toEqual(readFigures(db))
    const copy = new (loadDriver())(info.file, { readonly: true })
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete')
    expect(readFigures(copy)).toEqual(readFigures(db))
    copy.close()
    db.close()
  })

  it('refuses a damaged file from the worker with the catalogue key and sentences of the check in this process', async () => {
    const file = damagedFile(mkdtempSync(join(tmpdir(), 'eg-bkworker-')))
    const inWorker = await checkIntegrity(file, '备份文件').then(
      () => null,
      (e: unknown) => e
    )
    useBackupWorker(null)
    const inProcess = await checkIntegrity(file, '备份文件').then(
      () => null,
      (e: unknown) => e
    )
    useBackupWorker(workerFile)
    expect(inProcess).toMatchObject({ name: 'DomainError', key: 'integrityFailed', params: { what: '备份文件' } })
    expect(String((inProcess as { params: { result: string } }).params.result)).toBe('row 1 missing from index t_a')
    expect(inWorker).toEqual(inProcess)
    expect((inWorker as Error).message).toBe((inProcess as Error).message)
    expect((inWorker as { code: string }).code).toBe((inProcess as { code: string }).code)
  })
})

/** A demo shop (2,000 customers, imported from its files) with a manual backup, then changed: a third of its order lines gone. */
async function changedShopWithBackup() {
  const dir = mkdtempSync(join(tmpdir(), 'eg-bkworker-'))
  const file = await copyOfDemoShop(2000, 5, '2026-11-23', join(dir, 'shop.db'))
  const db = openNodeDatabase(file)
  const ctx = createAppContext(db, file, 't', '2026-11-23')
  const call = testDispatch(ctx)
  const folder = join(dir, 'backups')
  const summary = await call('stats.summary', {})
  const backup = await createBackup(db, folder, '2026-11-23T09:00:00', 'manual')
  const made = readFigures(db)
  db.exec('DELETE FROM order_lines WHERE id % 3 = 0')
  const changed = readFigures(db)
  const changedSummary = await call('stats.summary', {})
  expect(changed.lines).toBeLessThan(made.lines)
  expect(changedSummary).not.toEqual(summary)
  return { dir, file, db, ctx, call, folder, backup, made, summary, changed, changedSummary }
}

/** Whether another connection holds the shop's write lock right now (the worker copying), asked without waiting. */
function writeLockHeld(file: string): boolean {
  const probe = new (loadDriver())(file, { timeout: 0 })
  try {
    probe.exec('BEGIN IMMEDIATE')
    probe.exec('ROLLBACK')
    return false
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return true
    throw e
  } finally {
    probe.close()
  }
}

/** Resolves at the first turn of the event loop on which the worker holds the write lock (the copy under way). */
function copyUnderWay(file: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const look = () => {
      if (writeLockHeld(file)) resolve()
      else if (Date.now() - started > 30_000) reject(new Error('the copy never took the write lock'))
      else setImmediate(look)
    }
    setImmediate(look)
  })
}

describe('a restore in the backup worker', () => {
  it('copies the backup back while the event loop turns, and a kept read answers the restored figures right after', async () => {
    const { db, call, folder, backup, made, summary } = await changedShopWithBackup()
    const { control, turns, stop } = turnCounter()
    const result = await restoreBackupSteps(db, folder, backup.name, '2026-11-23T10:00:00', control).finally(stop)
    // in this process the copy ran to its commit before the loop could turn once
    expect(turns['putting the backup’s data back']).toBeGreaterThan(0)
    expect(result.figures).toEqual(made)
    expect(readFigures(db)).toEqual(made)
    // the server's connection wrote nothing since its kept summary: only data_version says the worker committed
    expect(await call('stats.summary', {})).toEqual(summary)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    db.close()
  }, 60_000)

  it('refuses a changing call at once while the worker writes, and answers a read with the shop as it was', async () => {
    const { file, db, ctx, call, made, changedSummary } = await changedShopWithBackup()
    const list = (await call('backups.list', {})) as { ok: true; data: { backups: { name: string }[] } }
    const started = (await call('backups.restoreStart', { name: list.data.backups[0].name })) as { ok: true; data: { jobId: string } }
    await copyUnderWay(file)
    expect(exclusiveWriter()).toBe('shopBeingRestored')
    const refused = await call('settings.update', { staffName: '小王' })
    expect(refused).toEqual({
      ok: false,
      code: 'CONFLICT',
      key: 'shopBeingRestored',
      params: {},
      message: '正在恢复备份，请稍候再试 (a backup is being restored: please try again in a moment)'
    })
    expect(await call('stats.summary', {})).toEqual(changedSummary)
    const p = await jobsOf(ctx).wait(started.data.jobId, 5)
    expect(p).toMatchObject({ state: 'done', result: { figures: made } })
    expect(exclusiveWriter()).toBe(null)
    expect(await call('settings.update', { staffName: '小王' })).toMatchObject({ ok: true, data: { staffName: '小王' } })
    db.close()
  }, 60_000)

  it('leaves the shop and the backup folder exactly as they were when cancelled during the copy, and the server writes again at once', async () => {
    const { file, db, call, folder, backup, changed, changedSummary } = await changedShopWithBackup()
    const jobs = new JobRegistry()
    let jobId = ''
    const settled = new Promise<void>((resolve) => {
      jobId = startBackupJob(jobs, 'backups.restore', { db, dbPath: file, onSettled: resolve }, (c) =>
        restoreBackupSteps(db, folder, backup.name, '2026-11-23T10:00:00', c)
      ).jobId
    })
    await copyUnderWay(file)
    expect(jobs.cancel(jobId)).toEqual({ cancelled: true })
    await settled
    expect(jobs.progress(jobId) as JobProgress).toMatchObject({ state: 'cancelled', result: null, error: { code: 'CANCELLED' } })
    expect(exclusiveWriter()).toBe(null)
    expect(writeLockHeld(file)).toBe(false)
    expect(readFigures(db)).toEqual(changed)
    expect(await call('stats.summary', {})).toEqual(changedSummary)
    expect(readdirSync(folder)).toEqual([backup.name])
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(await call('settings.update', { staffName: '小王' })).toMatchObject({ ok: true, data: { staffName: '小王' } })
    db.close()
  }, 60_000)
})

/** The 2,000-customer demo shop's full export as a zip file, and an empty shop file to read it into. */
async function exportAndEmptyShop() {
  const { dir, db, changed: made } = await changedShopWithBackup()
  const zip = join(dir, 'all.zip')
  writeFileSync(zip, exportAll(db, '2026-11-23T12:00:00').zip)
  db.close()
  const file = join(dir, 'moved.db')
  const target = openNodeDatabase(file)
  const ctx = createAppContext(target, file, 't', '2026-11-23')
  return { dir, zip, file, target, ctx, call: testDispatch(ctx), made, empty: readFigures(target) }
}

describe('an import-all in the backup worker', () => {
  it('reads the export into the empty shop with its steps reported, refusing changing calls meanwhile and answering reads', async () => {
    const { zip, target, ctx, call, made, empty } = await exportAndEmptyShop()
    const emptySummary = await call('stats.summary', {})
    const started = (await call('backups.importAllStart', { path: zip })) as { ok: true; data: { jobId: string } }
    expect(started.ok).toBe(true)
    await until(() => exclusiveWriter() === 'shopBeingImported')
    expect(await call('settings.update', { staffName: '小王' })).toMatchObject({ ok: false, code: 'CONFLICT', key: 'shopBeingImported' })
    expect(await call('stats.summary', {})).toEqual(emptySummary)
    expect(readFigures(target)).toEqual(empty)
    const p = await jobsOf(ctx).wait(started.data.jobId, 5)
    expect(p).toMatchObject({ state: 'done', result: { figures: made } })
    const rows = (p.result as { rows: number }).rows
    // the worker's steps reached the job: parsing counts the rows, writing them as much again
    expect(p.total).toBe(2 * rows + 1)
    expect(readFigures(target)).toEqual(made)
    expect(exclusiveWriter()).toBe(null)
    expect(target.prepare("SELECT action, detail FROM audit_log WHERE action = 'import-all'").all()).toEqual([
      { action: 'import-all', detail: `full import: ${(p.result as { tables: number }).tables} tables, ${rows} rows` }
    ])
    expect(await call('settings.update', { staffName: '小王' })).toMatchObject({ ok: true, data: { staffName: '小王' } })
    target.close()
  }, 90_000)

  it('leaves the shop empty when cancelled during its write, and the server writes again at once', async () => {
    const { zip, file, target, call, empty } = await exportAndEmptyShop()
    const jobs = new JobRegistry()
    let jobId = ''
    const settled = new Promise<void>((resolve) => {
      jobId = startBackupJob(jobs, 'backups.importAll', { db: target, dbPath: file, onSettled: resolve }, (c) =>
        importAllFromSteps(target, { file: zip }, c)
      ).jobId
    })
    await copyUnderWay(file)
    expect(jobs.cancel(jobId)).toEqual({ cancelled: true })
    await settled
    expect(jobs.progress(jobId)).toMatchObject({ state: 'cancelled', result: null, error: { code: 'CANCELLED' } })
    expect(exclusiveWriter()).toBe(null)
    expect(writeLockHeld(file)).toBe(false)
    expect(readFigures(target)).toEqual(empty)
    expect(target.prepare('SELECT count(*) FROM order_lines').pluck().get()).toBe(0)
    expect(target.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(await call('settings.update', { staffName: '小王' })).toMatchObject({ ok: true, data: { staffName: '小王' } })
    target.close()
  }, 90_000)
})

/** Resolves at the first turn of the event loop on which `ready()` holds. */
function until(ready: () => boolean): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now()
    const look = () => {
      if (ready()) resolve()
      else if (Date.now() - started > 30_000) reject(new Error('never ready'))
      else setImmediate(look)
    }
    setImmediate(look)
  })
}
