/**
 * Backups through SQLite's online backup API: made while the app runs, checked with
 * PRAGMA integrity_check before and after, kept to the newest N in a folder the user can
 * change (a USB stick, a network share). Restore copies a backup back in one transaction,
 * after making a backup of the current state, so a restore can itself be undone.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs'
import { copyFile } from 'node:fs/promises'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import { tmpdir } from 'node:os'
import type { Db } from '../../db/driver'
import { openDatabase } from '../../db/connection'
import { loadDriver } from '../../db/driver'
import { refuse } from '../../../shared/errors/refuse'
import { readSettings } from '../settings/settings-service'
import { assertIntegrity, isSqliteFile } from './sqlite-file'
import { checkIntegrity } from './integrity-off-loop'
import { copyBackupIn } from './writes-off-loop'
import { readFigures, type BackupFigures } from './backup-figures'
import { unattended, type StepControl } from './step-control'
import type { Words } from '../../../shared/schemas/predictions'

export const backupReasons = ['manual', 'daily', 'before-import', 'before-merge', 'before-restore', 'before-undo', 'before-migrate'] as const
export type BackupReason = (typeof backupReasons)[number]

export interface BackupInfo {
  name: string
  file: string
  at: string
  reason: string
  bytes: number
  figures: BackupFigures | null
}

const NAME = /^evergreen-(\d{8})-(\d{6})-([a-z-]+?)(?:-(\d+))?\.db$/

/** Newest first: by the time in the name, then by the sequence number of same-second backups. */
function newestFirst(a: string, b: string): number {
  return sortKey(b).localeCompare(sortKey(a))
}
function sortKey(name: string): string {
  const m = NAME.exec(name)
  return m ? `${m[1]}${m[2]}-${(m[4] ?? '1').padStart(6, '0')}` : name
}

/** The folder backups go to: the setting, or 'backups' beside the database. */
export function backupFolder(db: Db, dbPath: string): string {
  const configured = readSettings(db).backupFolder
  if (configured) {
    if (!isAbsolute(configured)) throw refuse('backupFolderNotAbsolute', { path: configured })
    return configured
  }
  return join(dbPath === ':memory:' ? tmpdir() : dirname(resolve(dbPath)), 'backups')
}

/** The next free backup file name in the folder for a backup made at `at`. */
function nextBackupFile(folder: string, at: string, reason: BackupReason): string {
  const stamp = at.replace(/[-:]/g, '').replace('T', '-').slice(0, 15)
  // backups made in the same second are numbered after the highest number already there
  const taken = listBackupNames(folder)
    .map((n) => NAME.exec(n))
    .filter((m) => m && `${m[1]}-${m[2]}` === stamp)
    .map((m) => Number(m![4] ?? 1))
  const next = taken.length ? Math.max(...taken) + 1 : 1
  return join(folder, next === 1 ? `evergreen-${stamp}-${reason}.db` : `evergreen-${stamp}-${reason}-${next}.db`)
}

/** Make a backup now; answers its file. Older backups beyond the setting are removed. */
export async function createBackup(db: Db, folder: string, at: string, reason: BackupReason): Promise<BackupInfo> {
  return createBackupSteps(db, folder, at, reason, unattended)
}

const CHECKING_SHOP: Words = { zh: '正在检查当前数据库', en: 'checking the shop’s database' }
const COPYING: Words = { zh: '正在复制数据库', en: 'copying the database' }
const CHECKING_COPY: Words = { zh: '正在检查备份文件', en: 'checking the backup file' }

/** The files a SQLite file may have beside it. */
const withJournals = (file: string) => [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]

/**
 * A backup in steps: the check of the shop, the online backup's page steps (100 pages, 400 KB,
 * each), the check of the copy. The copy is written beside its name (…db.part, which no listing
 * shows) and renamed into place once checked, so a cancel or a failure leaves no half file.
 * `prune: false` leaves older backups for the caller to prune (a restore, once it has committed).
 */
export async function createBackupSteps(
  db: Db,
  folder: string,
  at: string,
  reason: BackupReason,
  control: StepControl,
  { prune = true }: { prune?: boolean } = {}
): Promise<BackupInfo> {
  const pages = db.pragma('page_count', { simple: true }) as number
  const total = pages + 2
  await control.step(0, total, CHECKING_SHOP)
  await checkIntegrity(db, '当前数据库')
  mkdirSync(folder, { recursive: true })
  const file = nextBackupFile(folder, at, reason)
  const part = `${file}.part`
  try {
    for (const f of withJournals(part)) rmSync(f, { force: true })
    await control.step(1, total, COPYING)
    await db.backup(part, {
      progress: ({ totalPages, remainingPages }) => {
        // the page count grows when the shop is written meanwhile: the bar never runs past its end
        control.tick(1 + Math.min(pages, Math.max(0, totalPages - remainingPages)), total, COPYING)
        return 100
      }
    })
    await control.step(pages + 1, total, CHECKING_COPY)
    // a backup is one self-contained file: no -wal/-shm beside it on a USB stick
    const copy = new (loadDriver())(part)
    try {
      copy.pragma('journal_mode = DELETE')
    } finally {
      copy.close()
    }
    // checked on its own connection, in the backup worker when there is one (integrity-off-loop.ts)
    await checkIntegrity(part, '备份文件')
    renameSync(part, file)
  } finally {
    for (const f of withJournals(part)) rmSync(f, { force: true })
  }
  if (prune) pruneBackups(folder, readSettings(db).backupKeep)
  return describe(file)
}

/** Every backup in the folder, newest first, with what it holds. */
export function listBackups(folder: string): BackupInfo[] {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return []
  }
  return names
    .filter((n) => NAME.test(n))
    .sort(newestFirst)
    .map((n) => describe(join(folder, n)))
}

/** Keep the newest `keep` backups, remove the rest. */
export function pruneBackups(folder: string, keep: number): string[] {
  const all = listBackupNames(folder)
  const doomed = all.slice(keep)
  for (const n of doomed) for (const f of [n, `${n}-wal`, `${n}-shm`]) rmSync(join(folder, f), { force: true })
  return doomed
}

/**
 * The backup an upgrade takes before it migrates, made synchronously (the file is being opened,
 * nothing else runs yet) with VACUUM INTO: one self-contained file at the old version, which
 * restore migrates forward again. It is not pruned with the others' count in mind: an upgrade
 * happens once per version. A failure stops the upgrade with the file untouched.
 */
export function backupBeforeMigrate(db: Db, dbPath: string, at: string): string {
  assertIntegrity(db, '升级前的数据库')
  const folder = backupFolder(db, dbPath)
  mkdirSync(folder, { recursive: true })
  const file = nextBackupFile(folder, at, 'before-migrate')
  db.prepare('VACUUM INTO ?').run(file)
  return file
}

/** A daily backup at the first start of the day; answers null when today's exists. */
export async function dailyBackupIfDue(db: Db, folder: string, at: string): Promise<BackupInfo | null> {
  const day = at.slice(0, 10).replace(/-/g, '')
  if (listBackupNames(folder).some((n) => n.startsWith(`evergreen-${day}-`) && n.includes('-daily'))) return null
  return createBackup(db, folder, at, 'daily')
}

/**
 * Put a backup's contents back into the open database, all or nothing. The backup is
 * copied, migrated to this app's schema and checked first; the current state is backed up
 * ('before-restore') so the restore can be undone by restoring that one.
 */
export async function restoreBackup(db: Db, folder: string, file: string, at: string): Promise<{ safetyBackup: BackupInfo; figures: BackupFigures }> {
  return restoreBackupSteps(db, folder, file, at, unattended)
}

const STAGING: Words = { zh: '正在复制要恢复的备份', en: 'copying the backup to restore' }
const CHECKING_BACKUP: Words = { zh: '正在检查要恢复的备份', en: 'checking the backup to restore' }
const SAFETY: Words = { zh: '正在备份当前数据（恢复前）', en: 'backing up the current data first' }
const PUTTING_BACK: Words = { zh: '正在写回备份中的数据', en: 'putting the backup’s data back' }

/**
 * A restore in steps: the backup copied beside the others and checked, the safety backup (its
 * page steps), then the copy into the open database in one transaction — the last step, so
 * nothing is changed until the end: a cancel before its commit leaves the shop, and the backup
 * folder, exactly as they were (the safety backup is removed again, older backups are pruned
 * only after the commit). The copy runs in the backup worker when there is one (writes-off-loop.ts),
 * where a cancel ends it before it commits.
 */
export async function restoreBackupSteps(
  db: Db,
  folder: string,
  file: string,
  at: string,
  control: StepControl
): Promise<{ safetyBackup: BackupInfo; figures: BackupFigures }> {
  const source = resolveBackupFile(folder, file)
  sweepStagingCopies(folder)
  // the safety backup's page steps count as much as its pages; the copy back as much again
  const pages = db.pragma('page_count', { simple: true }) as number
  const total = 2 * pages + 4
  // staged beside the backups, not in the system temp folder: a restore killed midway leaves
  // a copy of the shop's customers behind, and here the next restore finds it and removes it
  const work = join(folder, `${STAGING_PREFIX}${process.pid}-${Date.now()}.db`)
  let safetyBackup: BackupInfo | null = null
  let committed = false
  try {
    await control.step(0, total, STAGING)
    await copyFile(source, work)
    await control.step(1, total, CHECKING_BACKUP)
    openDatabase(loadDriver(), work).close() // migrates an older backup forward
    await checkIntegrity(work, '备份文件')
    const safety: StepControl = {
      step: (done, _total, phase) => control.step(2 + Math.min(done, pages), total, phase === CHECKING_SHOP ? SAFETY : phase),
      tick: (done, _total, phase) => control.tick(2 + Math.min(done, pages), total, phase)
    }
    safetyBackup = await createBackupSteps(db, folder, at, 'before-restore', safety, { prune: false })
    await control.step(pages + 3, total, PUTTING_BACK)
    // in the backup worker, on its own write connection, when there is one (writes-off-loop.ts)
    await copyBackupIn(db, work, control)
    committed = true
    pruneBackups(folder, readSettings(db).backupKeep)
    return { safetyBackup, figures: readFigures(db) }
  } finally {
    for (const f of withJournals(work)) rmSync(f, { force: true })
    // cancelled or failed before the copy: the folder as it was, without the safety backup
    if (!committed && safetyBackup) for (const f of withJournals(safetyBackup.file)) rmSync(f, { force: true })
  }
}

/** The name of a restore's working copy (not a backup: listBackups never shows it). */
const STAGING_PREFIX = '.restore-staging-'

/** Remove working copies left by restores that were killed before they could clean up. */
function sweepStagingCopies(folder: string): void {
  let names: string[]
  try {
    names = readdirSync(folder)
  } catch {
    return
  }
  for (const n of names) {
    if (!n.startsWith(STAGING_PREFIX)) continue
    const pid = Number(n.slice(STAGING_PREFIX.length).split('-')[0])
    if (!pid || isRunning(pid)) continue // another process may be restoring right now
    try {
      rmSync(join(folder, n), { force: true })
    } catch {
      // held open elsewhere (Windows): the next restore tries again
    }
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** A backup named by the user: a bare name in the folder, or a path to a SQLite file. */
export function resolveBackupFile(folder: string, file: string): string {
  const candidate = isAbsolute(file) ? file : join(folder, basename(file))
  if (!isAbsolute(file) && basename(file) !== file) {
    throw refuse('backupNameHasPath', { file })
  }
  if (!isSqliteFile(candidate)) throw refuse('notABackup', { file })
  return candidate
}

function listBackupNames(folder: string): string[] {
  try {
    return readdirSync(folder)
      .filter((n) => NAME.test(n))
      .sort(newestFirst)
  } catch {
    return []
  }
}

function describe(file: string): BackupInfo {
  const name = basename(file)
  const m = NAME.exec(name)
  const at = m ? `${m[1].slice(0, 4)}-${m[1].slice(4, 6)}-${m[1].slice(6, 8)}T${m[2].slice(0, 2)}:${m[2].slice(2, 4)}:${m[2].slice(4, 6)}` : ''
  let figures: BackupFigures | null
  try {
    const db = openDatabase(loadDriver(), file, { readonly: true, migrate: false })
    try {
      figures = readFigures(db)
    } finally {
      db.close()
    }
  } catch {
    figures = null
  }
  return { name, file, at, reason: m?.[3] ?? 'unknown', bytes: statSync(file).size, figures }
}
