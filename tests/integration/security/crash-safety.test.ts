/**
 * Kill the process at random points during merges and restores (SIGKILL: no cleanup runs),
 * then check that the file is sound and that every operation happened wholly or not at all.
 * The import's own kill test lives with the importer's tests.
 */
import { spawn } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { copyOfDemoShop } from '../../helpers/imported-shops'
import { createBackup } from '../../../electron/services/backups/online-backup'
import { readFigures, type BackupFigures } from '../../../electron/services/backups/backup-figures'
import { Random } from '../../../electron/services/demo/random'

const TRIALS = Number(process.env.EVERGREEN_CRASH_TRIALS ?? 20)
const child = join(__dirname, 'crash-child.ts')

/** Start the child, wait for 'go', kill it after `delayMs`; answers whether it was still running. */
function runAndKill(args: string[], delayMs: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    // one process (tsx as a loader, not its wrapper CLI): SIGKILL must hit the writer itself
    const p = spawn(process.execPath, ['--import', 'tsx', child, ...args], { stdio: ['ignore', 'pipe', 'pipe'] })
    let killedWhileRunning = false
    let stderr = ''
    p.stderr.on('data', (d) => (stderr += d))
    p.stdout.on('data', (d: Buffer) => {
      if (d.toString().includes('go')) {
        setTimeout(() => {
          killedWhileRunning = p.exitCode === null
          p.kill('SIGKILL')
        }, delayMs)
      }
    })
    p.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`child failed: ${stderr.slice(0, 500)}`))
      else resolve(killedWhileRunning)
    })
  })
}

function assertSound(dbPath: string) {
  const db = openNodeDatabase(dbPath)
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  expect(db.pragma('foreign_key_check')).toEqual([])
  return db
}

describe('crash safety', () => {
  it(`leaves every merge whole or absent when killed at random points (${TRIALS} trials)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-crash-merge-'))
    const seed = join(dir, 'seed.db')
    // the demo shop as imported from its export files
    await copyOfDemoShop(300, 5, '2026-11-23', seed)
    const rnd = new Random(42)
    let interrupted = 0
    for (let t = 0; t < TRIALS; t++) {
      const file = join(dir, `t${t}.db`)
      copyFileSync(seed, file)
      if (await runAndKill(['merge', file, dir], rnd.int(5, 400))) interrupted++
      const check = assertSound(file)
      // a merge is recorded exactly when its customer was folded in and holds no sales
      const merged = check.prepare('SELECT id, merged_into FROM customers WHERE merged_into IS NOT NULL').all() as { id: number; merged_into: number }[]
      const records = check.prepare('SELECT merged_id, kept_id FROM merges WHERE undone_at IS NULL').all() as { merged_id: number; kept_id: number }[]
      expect(records.map((r) => [r.merged_id, r.kept_id]).sort()).toEqual(merged.map((m) => [m.id, m.merged_into]).sort())
      const stray = check.prepare('SELECT count(*) FROM order_lines l JOIN customers c ON c.id = l.customer_id WHERE c.merged_into IS NOT NULL').pluck().get()
      expect(stray).toBe(0)
      expect(readFigures(check).revenueFen).toBe(readFigures(openNodeDatabase(seed, { readonly: true })).revenueFen)
      check.close()
    }
    expect(interrupted).toBeGreaterThan(0)
    // kept when a check fails, for a look at the files; a passing run leaves nothing behind
    rmSync(dir, { recursive: true, force: true })
  }, 600_000)

  it(`leaves the database as before or as the backup when a restore is killed (${TRIALS} trials)`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-crash-restore-'))
    const folder = join(dir, 'backups')
    const seed = join(dir, 'seed.db')
    const db = openNodeDatabase(await copyOfDemoShop(1500, 6, '2026-11-23', seed))
    const full = readFigures(db)
    const backup = await createBackup(db, folder, '2026-11-23T09:00:00', 'manual')
    db.exec('DELETE FROM order_lines WHERE id % 3 = 0')
    const trimmed = readFigures(db)
    db.close()
    const allowed: BackupFigures[] = [full, trimmed]
    const rnd = new Random(7)
    let interrupted = 0
    for (let t = 0; t < TRIALS; t++) {
      const file = join(dir, `t${t}.db`)
      copyFileSync(seed, file)
      const trialFolder = join(dir, `backups-${t}`)
      mkdirSync(trialFolder)
      copyFileSync(backup.file, join(trialFolder, backup.name))
      if (await runAndKill(['restore', file, trialFolder], rnd.int(5, 600))) interrupted++
      const check = assertSound(file)
      expect(allowed).toContainEqual(readFigures(check))
      check.close()
    }
    expect(interrupted).toBeGreaterThan(0)
    // kept when a check fails, for a look at the files; a passing run leaves nothing behind
    rmSync(dir, { recursive: true, force: true })
  }, 600_000)
})
