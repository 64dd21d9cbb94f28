/**
 * Issue 17.6: what reads a 100,000-row POS .xlsx now — SheetJS (@e965/xlsx), after the zip
 * check (fflate inflating every entry once and scanning each sheet's rows, zip-entries.ts).
 * Three figures, each from fresh processes so a peak RSS is its own (wall and CPU time and
 * peak RSS, medians of 3; XLSX_BENCH_RUNS sets how many):
 *   read   the import's table source end to end: the zip check, SheetJS, every row as text cells;
 *   check  the zip check alone (its own share of `read`);
 *   import the whole import of that workbook as the app runs it: an ImportJobs job in the
 *          bundled worker thread, under the worker's heap limit for a file that size.
 * exceljs, the reader SheetJS replaced (it beat exceljs' streaming reader here on time and peak
 * memory), is only the writer of the benchmark's workbook now.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { openTable } from '../../electron/services/imports/table-source'
import { checkZipWorkbook } from '../../electron/services/imports/zip-entries'
import { importHeapLimitFor } from '../../electron/services/imports/import-heap'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { ImportJobs } from '../../electron/services/imports/import-jobs'
import type { Benchmark } from './registry'
import { median } from './measure'

const ROWS = Number(process.env.XLSX_BENCH_ROWS ?? 100_000)
const CHILD = 'EVERGREEN_XLSX_BENCH_CHILD'
const RUNS = Number(process.env.XLSX_BENCH_RUNS ?? 3)
const MODES = ['read', 'check', 'import'] as const
type Mode = (typeof MODES)[number]

/** The import's table source, every row as text cells; the row count. */
async function readRows(bytes: Uint8Array): Promise<number> {
  let rows = 0
  ;(await openTable(bytes)).eachRow(() => void rows++)
  return rows
}

/** The whole import in the bundled worker, as the app runs it; the lines imported. */
async function importInWorker(file: string): Promise<number> {
  const workerFile = join(__dirname, 'import-worker.cjs')
  if (!existsSync(workerFile)) throw new Error(`${workerFile} is missing: run the benchmarks with npm run bench`)
  const dir = mkdtempSync(join(tmpdir(), 'evergreen-xlsx-import-'))
  try {
    const dbPath = join(dir, 'shop.db')
    const db = openNodeDatabase(dbPath)
    const jobs = new ImportJobs({ db, dbPath, workerFile })
    const { jobId } = jobs.start({ file: { path: file }, options: {}, importedAt: '2026-11-23T10:00:00', backup: { folder: join(dir, 'backups') } })
    const done = await jobs.wait(jobId, 20)
    db.close()
    if (done.state !== 'done' || !done.result) throw new Error(`the import ${done.state}: ${done.error?.message}`)
    return done.result.rowsImported
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

async function runMode(mode: Mode, file: string): Promise<number> {
  if (mode === 'import') return importInWorker(file)
  const bytes = readFileSync(file)
  if (mode === 'read') return readRows(bytes)
  return checkZipWorkbook(bytes, 'xlsx').sheets.reduce((n, s) => n + s.lastRow, 0)
}

// In a child: do the one thing asked, print the figures, exit.
if (process.env[CHILD]) {
  const [mode, file] = process.env[CHILD]!.split('|') as [Mode, string]
  const t0 = performance.now()
  void runMode(mode, file).then((rows) => {
    const ms = performance.now() - t0
    const cpu = process.cpuUsage()
    process.stdout.write(JSON.stringify({ ms, cpuMs: (cpu.user + cpu.system) / 1000, rows, peakMb: process.resourceUsage().maxRSS / 1024 }) + '\n')
    process.exit(0)
  })
}

async function writeWorkbook(file: string): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: false })
  const ws = wb.addWorksheet('销售明细')
  ws.addRow(['单据号', '销售时间', '会员卡号', '手机号', '商品条码', '商品名称', '数量', '实收金额']).commit()
  for (let i = 0; i < ROWS; i++) {
    const c = (i * 7919) % 20_000
    ws.addRow([
      `S${i}`,
      new Date(Date.UTC(2025, i % 12, 1 + (i % 28), 10 + (i % 9), i % 60)),
      `6200000000000${String(c).padStart(6, '0')}`,
      `139${String(10_000_000 + c)}`,
      `69${String(100000 + (i % 2000)).padStart(11, '0')}`,
      `商品${i % 2000}`,
      1 + (i % 3),
      ((i % 300) + 9.9) * (1 + (i % 3))
    ]).commit()
  }
  ws.commit()
  await wb.commit()
}

export const xlsxReadersBench: Benchmark = {
  name: 'xlsx-readers',
  description: `${ROWS.toLocaleString()}-row .xlsx: SheetJS read with the zip check, the check alone, and the import in its worker`,
  async run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-xlsx-bench-'))
    try {
      // XLSX_BENCH_FILE: measure a workbook already written (and keep it), else write one
      const file = process.env.XLSX_BENCH_FILE ?? join(dir, 'pos.xlsx')
      if (!existsSync(file)) await writeWorkbook(file)
      const size = statSync(file).size
      report(`${file}: ${(size / 1024 / 1024).toFixed(1)} MB, worker heap limit ${importHeapLimitFor({ path: file })} MB`)
      const wanted = (process.env.XLSX_BENCH_MODES?.split(',') as Mode[] | undefined) ?? [...MODES]
      for (const mode of wanted) {
        const ms: number[] = []
        const cpuMs: number[] = []
        const peakMb: number[] = []
        let rows = 0
        for (let i = 0; i < RUNS; i++) {
          // the child's argument names no benchmark, so the bundle's runner runs none beside the read
          // (run with no names it runs them all, and the figures were those of every benchmark at once)
          const r = spawnSync(process.execPath, [process.argv[1], 'xlsx-readers-child'], {
            env: { ...process.env, [CHILD]: `${mode}|${file}` },
            encoding: 'utf8',
            maxBuffer: 1 << 20
          })
          if (r.status !== 0) throw new Error(`${mode} failed: ${r.stderr}`)
          const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; cpuMs: number; rows: number; peakMb: number }
          ms.push(out.ms)
          cpuMs.push(out.cpuMs)
          peakMb.push(out.peakMb)
          rows = out.rows
        }
        report(
          `${mode}: ${rows.toLocaleString()} rows, median ${(median(ms) / 1000).toFixed(2)} s wall, ${(median(cpuMs) / 1000).toFixed(2)} s CPU, peak RSS median ${median(peakMb).toFixed(0)} MB`
        )
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
