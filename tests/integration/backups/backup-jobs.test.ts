import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { copyOfJourneyShop, journeyPeople } from '../../helpers/imported-shops'
import { createBackup, createBackupSteps, listBackups, restoreBackupSteps } from '../../../electron/services/backups/online-backup'
import { exportAll } from '../../../electron/services/backups/full-export'
import { exportAllToSteps, importAllFromSteps } from '../../../electron/services/backups/export-file'
import { readFigures } from '../../../electron/services/backups/backup-figures'
import { createAppContext } from '../../../electron/services/app/app-context'
import { JobRegistry } from '../../../electron/services/jobs/job-registry'
import { startBackupJob, type BackupJobPlace } from '../../../electron/services/jobs/backup-job'
import { testDispatch } from '../../helpers/db'
import type { JobProgress } from '../../../shared/schemas/jobs'

async function shop() {
  const dir = mkdtempSync(join(tmpdir(), 'eg-bkjob-'))
  const dbPath = await copyOfJourneyShop(join(dir, 'shop.db'))
  const db = openNodeDatabase(dbPath)
  const ctx = createAppContext(db, dbPath, 't', '2026-11-23')
  return { dir, dbPath, db, ctx, call: testDispatch(ctx), folder: join(dir, 'backups') }
}

/** Follow a job through the contract as the page does, keeping every `done` it saw. */
async function follow(call: ReturnType<typeof testDispatch>, jobId: string): Promise<{ last: JobProgress; seen: number[] }> {
  const seen: number[] = []
  for (;;) {
    const r = await call('jobs.progress', { jobId })
    if (!r.ok) throw new Error(r.message)
    const p = r.data as JobProgress
    seen.push(p.done)
    if (p.state !== 'running') return { last: p, seen }
    await new Promise((res) => setImmediate(res))
  }
}

/** A job started on its own registry, cancelled the moment its progress reaches `at` of its total; resolves once it has cleaned up. */
function cancelledAt(
  place: Omit<BackupJobPlace, 'between' | 'onSettled'>,
  at: (done: number, total: number) => boolean,
  start: (jobs: JobRegistry, place: BackupJobPlace) => { jobId: string }
) {
  const jobs = new JobRegistry()
  let jobId = ''
  const seen: number[] = []
  const settled = new Promise<void>((resolve) => {
    jobId = start(jobs, {
      ...place,
      onSettled: resolve,
      between: async (done, total) => {
        seen.push(done)
        if (at(done, total)) jobs.cancel(jobId)
      }
    }).jobId
  })
  return settled.then(() => ({ progress: jobs.progress(jobId), seen }))
}

const rising = (seen: number[]) => seen.every((d, i) => i === 0 || d >= seen[i - 1]) && seen[seen.length - 1] > seen[0]

describe('backups as jobs', () => {
  it('makes the same backup as the call, its progress rising page step by page step, with its audit line', async () => {
    const { db, call, folder } = await shop()
    const started = await call('backups.createStart', {})
    expect(started.ok).toBe(true)
    const { last, seen } = await follow(call, (started as { data: { jobId: string } }).data.jobId)
    expect(last).toMatchObject({ kind: 'backups.create', state: 'done', error: null })
    expect(rising(seen)).toBe(true)
    expect(last.done).toBe(last.total)
    const listed = listBackups(folder)
    expect(listed.map((b) => b.name)).toEqual(['evergreen-20261123-120000-manual.db'])
    expect(last.result).toEqual(listed[0])
    expect(listed[0].figures).toEqual(readFigures(db))
    expect(db.prepare('SELECT action, detail FROM audit_log').all()).toEqual([
      { action: 'backup', detail: 'manual backup evergreen-20261123-120000-manual.db' }
    ])
  })

  it('leaves no file behind when a backup is cancelled with its pages copied, before the copy is checked', async () => {
    const { db, dbPath, folder } = await shop()
    const pages = db.pragma('page_count', { simple: true }) as number
    // the whole copy is on disk by now, beside its name
    const { progress, seen } = await cancelledAt(
      { db, dbPath },
      (done) => done === pages + 1,
      (jobs, place) => startBackupJob(jobs, 'backups.create', place, (c) => createBackupSteps(db, folder, '2026-11-23T09:00:00', 'manual', c))
    )
    expect(progress).toMatchObject({ state: 'cancelled', result: null, error: { code: 'CANCELLED' } })
    expect(seen).toEqual([0, 1, pages + 1])
    expect(readdirSync(folder)).toEqual([])
  })

  it('restores the backup exactly: the same customers, orders and summary as when it was made', async () => {
    const { db, call } = await shop()
    const made = (await call('backups.create', {})) as { ok: true; data: { name: string } }
    const summary = await call('stats.summary', {})
    const before = readFigures(db)
    db.exec('DELETE FROM order_lines WHERE id % 3 = 0')
    expect(readFigures(db).lines).toBeLessThan(before.lines)
    const started = (await call('backups.restoreStart', { name: made.data.name })) as { ok: true; data: { jobId: string } }
    const { last, seen } = await follow(call, started.data.jobId)
    expect(last).toMatchObject({ kind: 'backups.restore', state: 'done', result: { figures: before, safetyBackup: { reason: 'before-restore' } } })
    expect(rising(seen)).toBe(true)
    expect(readFigures(db)).toEqual(before)
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(journeyPeople())
    expect(await call('stats.summary', {})).toEqual(summary)
    expect(db.prepare("SELECT action FROM audit_log WHERE action = 'restore'").pluck().all()).toEqual(['restore'])
  })

  it('refuses a cancel heard once the copy is committing: the job ends done with its result, told to onDone', async () => {
    const { db, dbPath, folder } = await shop()
    const b = await createBackup(db, folder, '2026-11-23T09:00:00', 'manual')
    const jobs = new JobRegistry()
    const told: unknown[] = []
    let committing: () => void = () => {}
    const reached = new Promise<void>((r) => (committing = r))
    let commit: () => void = () => {}
    const { jobId } = startBackupJob(jobs, 'backups.restore', { db, dbPath, onDone: (r) => told.push(r) }, async (c) => {
      // as writes-off-loop's listener answers once the worker has claimed the commit
      const stopListening = c.onCancel!(() => false)
      committing()
      await new Promise<void>((r) => (commit = r))
      stopListening()
      return { safetyBackup: b, figures: readFigures(db) }
    })
    await reached
    expect(jobs.cancel(jobId)).toEqual({ cancelled: false })
    commit()
    const end = await jobs.wait(jobId, 1)
    expect(end).toMatchObject({ state: 'done', error: null, result: { safetyBackup: { name: b.name }, figures: readFigures(db) } })
    expect(told).toEqual([end.result])
  })

  it('leaves the shop and the backup folder exactly as they were when a restore is cancelled after its safety backup', async () => {
    const { db, dbPath, folder } = await shop()
    const b = await createBackup(db, folder, '2026-11-23T09:00:00', 'manual')
    db.exec('DELETE FROM order_lines WHERE id % 2 = 0')
    const changed = readFigures(db)
    const pages = db.pragma('page_count', { simple: true }) as number
    // the step before the copy back: the staged copy and the safety backup exist by now
    const { progress } = await cancelledAt(
      { db, dbPath },
      (done) => done === pages + 3,
      (jobs, place) => startBackupJob(jobs, 'backups.restore', place, (c) => restoreBackupSteps(db, folder, b.name, '2026-11-23T10:00:00', c))
    )
    expect(progress.state).toBe('cancelled')
    expect(readFigures(db)).toEqual(changed)
    expect(readdirSync(folder)).toEqual([b.name])
  })

  it('exports through a job the same zip as the call, and a cancelled export leaves no file', async () => {
    const { db, dbPath, ctx, dir } = await shop()
    const file = join(dir, 'all.zip')
    const jobs = new JobRegistry()
    const { jobId } = startBackupJob(jobs, 'backups.exportAll', { db, dbPath }, (c) => exportAllToSteps(ctx, '2026-11-23T12:00:00', file, c))
    const p = await jobs.wait(jobId, 5)
    expect(p).toMatchObject({ state: 'done', result: { file, dataBase64: null } })
    const got = unzipSync(readFileSync(file))
    const want = unzipSync(exportAll(db, '2026-11-23T12:00:00').zip)
    expect(Object.keys(got).sort()).toEqual(Object.keys(want).sort())
    for (const name of Object.keys(want)) expect(strFromU8(got[name]), name).toBe(strFromU8(want[name]))

    const other = join(dir, 'cancelled.zip')
    const { progress } = await cancelledAt(
      { db, dbPath },
      (done) => done > 0,
      (jobs2, place) => startBackupJob(jobs2, 'backups.exportAll', place, (c) => exportAllToSteps(ctx, '2026-11-23T12:00:00', other, c))
    )
    expect(progress.state).toBe('cancelled')
    expect(readdirSync(dir).filter((f) => f.startsWith('cancelled'))).toEqual([])
  })

  it('imports through a job into an empty shop; a junk file fails alone with its message and writes nothing', async () => {
    const { db, dir } = await shop()
    const file = join(dir, 'all.zip')
    const { writeFileSync } = await import('node:fs')
    writeFileSync(file, exportAll(db, '2026-11-23T12:00:00').zip)
    const target = openNodeDatabase(join(dir, 'moved.db'))
    const jobs = new JobRegistry()
    const junk = join(dir, 'junk.zip')
    writeFileSync(junk, 'not a zip')
    const bad = startBackupJob(jobs, 'backups.importAll', { db: target, dbPath: join(dir, 'moved.db') }, (c) => importAllFromSteps(target, { file: junk }, c))
    const good = startBackupJob(jobs, 'backups.importAll', { db: target, dbPath: join(dir, 'moved.db') }, (c) => importAllFromSteps(target, { file }, c))
    const failed = await jobs.wait(bad.jobId, 5)
    expect(failed).toMatchObject({ state: 'failed', error: { key: 'notAZip', message: expect.stringContaining('zip') } })
    const done = await jobs.wait(good.jobId, 5)
    expect(done).toMatchObject({ state: 'done', result: { figures: readFigures(db) } })
    expect(readFigures(target)).toEqual(readFigures(db))
    expect(existsSync(junk)).toBe(true)
  })
})
