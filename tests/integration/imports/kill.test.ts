/** Killing the process in the middle of an import leaves the database exactly as it was. */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { footprint, importFixture } from './helpers'

function bigCsv(rows: number): string {
  const out = ['单据号,销售时间,会员卡号,手机号,商品名称,数量,实收金额']
  for (let i = 0; i < rows; i++) {
    out.push(`N${i},2024-0${1 + (i % 9)}-1${i % 10} 10:00,K${i % 5000},,商品${i % 300},1,${(i % 500) + 1}.50`)
  }
  return out.join('\n') + '\n'
}

describe('an import killed midway', () => {
  it('leaves an intact database holding exactly what it held before', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-kill-'))
    try {
      const dbPath = join(dir, 'shop.db')
      const db = openNodeDatabase(dbPath)
      await importFixture(db, 'gbk-title-totals.csv')
      const before = footprint(db)
      // a big batch drops and rebuilds indexes inside its transaction: the kill must bring them back
      const schemaBefore = db.prepare('SELECT name, sql FROM sqlite_master ORDER BY name').all()
      const revenueBefore = db.prepare('SELECT sum(amount_fen) FROM order_lines').pluck().get()
      db.close()
      const file = join(dir, 'big.csv')
      writeFileSync(file, bigCsv(300_000))

      const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'kill-child.ts'), dbPath, file], { stdio: ['ignore', 'pipe', 'pipe'] })
      let stderr = ''
      child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
      const seen = await new Promise<string>((resolve, reject) => {
        const lines = createInterface({ input: child.stdout })
        lines.on('line', (line) => {
          // well inside the write transaction: lines are being inserted
          if (line.startsWith('writing') && Number(line.split(' ')[1]) >= 20_000) {
            child.kill('SIGKILL')
            resolve(line)
          }
          if (line === 'finished') reject(new Error('the import finished before it could be killed'))
        })
        child.once('exit', (code, signal) => {
          if (signal !== 'SIGKILL') reject(new Error(`child exited (${code}) before the kill: ${stderr}`))
        })
      })
      await new Promise((r) => (child.exitCode !== null || child.signalCode !== null ? r(null) : child.once('exit', r)))
      expect(seen).toMatch(/^writing \d+/)
      expect(child.signalCode).toBe('SIGKILL')

      const after = openNodeDatabase(dbPath)
      expect(after.pragma('integrity_check', { simple: true })).toBe('ok')
      expect(footprint(after)).toEqual(before)
      expect(after.prepare('SELECT name, sql FROM sqlite_master ORDER BY name').all()).toEqual(schemaBefore)
      expect(after.prepare('SELECT sum(amount_fen) FROM order_lines').pluck().get()).toBe(revenueBefore)
      after.close()
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
