/**
 * Imports as the app runs them: in a worker thread with a heap limit. The worker entry is
 * bundled the way electron-vite bundles it (esbuild, packages left to node_modules).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { ImportJobs } from '../../../electron/services/imports/import-jobs'
import { fixture, footprint, importFixture } from './helpers'
import { bundleWorker } from '../../helpers/worker-bundle'

let workerFile: string
let removeWorker: () => void
let dir: string

beforeAll(async () => {
  ;({ file: workerFile, remove: removeWorker } = await bundleWorker('electron/services/imports/import-worker.ts'))
  dir = mkdtempSync(join(tmpdir(), 'eg-worker-'))
})

afterAll(() => {
  removeWorker()
  rmSync(dir, { recursive: true, force: true })
})

const importedAt = '2026-11-23T10:00:00'

describe('an import in a worker thread', () => {
  it('imports what the same file imports in this process', async () => {
    const expected = await importFixture(openNodeDatabase(':memory:'), 'gbk-title-totals.csv')
    const dbPath = join(dir, 'shop.db')
    const db = openNodeDatabase(dbPath)
    const jobs = new ImportJobs({ db, dbPath, workerFile })
    const { jobId } = jobs.start({ file: { path: fixture('gbk-title-totals.csv') }, options: {}, importedAt, backup: null })
    const done = await jobs.wait(jobId)
    expect(done.error).toBeNull()
    expect(done.state).toBe('done')
    const { batchId: _a, ...result } = done.result!
    const { batchId: _b, ...inProcess } = expected
    expect(result).toEqual(inProcess)
    expect(db.prepare('SELECT count(*) FROM order_lines').pluck().get()).toBe(expected.rowsImported)
    db.close()
  })

  it('writes nothing and says the file is too big when the worker runs out of memory', async () => {
    const dbPath = join(dir, 'small-heap.db')
    const db = openNodeDatabase(dbPath)
    await importFixture(db, 'gbk-title-totals.csv')
    const before = footprint(db)
    const rows = ['单据号,销售时间,会员卡号,商品名称,数量,实收金额']
    for (let i = 0; i < 200_000; i++) rows.push(`W${i},2024-05-${10 + (i % 20)} 10:00,K${i % 2000},商品${i % 300},1,${(i % 500) + 1}.50`)
    const file = join(dir, 'big.csv')
    writeFileSync(file, rows.join('\n'))

    const jobs = new ImportJobs({ db, dbPath, workerFile, heapLimitMb: 32 })
    const { jobId } = jobs.start({ file: { path: file }, options: {}, importedAt, backup: null })
    const failed = await jobs.wait(jobId)
    expect(failed.state).toBe('failed')
    // inside the write transaction: lines had been inserted when the heap ran out
    expect(failed.phase).toBe('writing')
    expect(failed.error).toEqual({ code: 'UNREADABLE_FILE', key: 'importOutOfMemory', params: {}, message: expect.stringContaining('内存不够') })
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(footprint(db)).toEqual(before)
    db.close()
  })
})
