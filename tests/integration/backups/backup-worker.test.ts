/**
 * The backups' integrity checks in the backup worker (as the app and the benchmarks run them):
 * the event loop turns while the shop and the copy are checked (before, each check held it
 * 1–2 s at 20,000 customers), the backup is the same, and a damaged file is refused from the
 * worker with the same catalogue key and sentences as in this process.
 */
import { closeSync, mkdtempSync, openSync, readdirSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { copyOfJourneyShop } from '../../helpers/imported-shops'
import { createBackupSteps } from '../../../electron/services/backups/online-backup'
import { readFigures } from '../../../electron/services/backups/backup-figures'
import { checkIntegrity, useBackupWorker } from '../../../electron/services/backups/integrity-off-loop'
import type { StepControl } from '../../../electron/services/backups/step-control'
import { loadDriver } from '../../../electron/db/driver'
import { bundleWorker } from '../../helpers/worker-bundle'

let removeWorker: () => void
beforeAll(async () => {
  const built = await bundleWorker('electron/services/jobs/backup-worker.ts')
  removeWorker = built.remove
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
    useBackupWorker(undefined)
    expect(inProcess).toMatchObject({ name: 'DomainError', key: 'integrityFailed', params: { what: '备份文件' } })
    expect(String((inProcess as { params: { result: string } }).params.result)).toBe('row 1 missing from index t_a')
    expect(inWorker).toEqual(inProcess)
    expect((inWorker as Error).message).toBe((inProcess as Error).message)
    expect((inWorker as { code: string }).code).toBe((inProcess as { code: string }).code)
  })
})
