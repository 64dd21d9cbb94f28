/**
 * Issue 17.6: SheetJS (@e965/xlsx) reads .xlsx as it reads .xls/.et/.ods, in place of exceljs'
 * streaming reader, which it beat here on time and peak memory. The same 100,000-row POS
 * workbook read by the import's table source (SheetJS, every row turned into text cells) and,
 * as the baseline that decided the switch, by exceljs' streaming reader walking every row's
 * values (exceljs stays in the app for writing .xlsx only). Each run in a fresh process so its
 * peak RSS is its own: wall time (median of 3) and peak RSS. XLSX_BENCH_READERS=sheetjs skips
 * the baseline.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { openTable } from '../../electron/services/imports/table-source'
import type { Benchmark } from './registry'
import { median } from './measure'

const ROWS = Number(process.env.XLSX_BENCH_ROWS ?? 100_000)
const CHILD = 'EVERGREEN_XLSX_BENCH_CHILD'
const READERS = (process.env.XLSX_BENCH_READERS ?? 'exceljs,sheetjs').split(',')

/** The baseline: exceljs' streaming reader over every row of the first worksheet; the row count. */
async function exceljsRows(bytes: Uint8Array): Promise<number> {
  const { Readable } = await import('node:stream')
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(bytes)), { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache' })
  let rows = 0
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) if (row.values) rows = row.number
    break
  }
  return rows
}

/** The app's reader: the import's table source, every row as text cells; the row count. */
async function sheetjsRows(bytes: Uint8Array): Promise<number> {
  let rows = 0
  ;(await openTable(bytes)).eachRow(() => void rows++)
  return rows
}

// In a child: read the workbook once with the reader asked for, print the figures, exit.
if (process.env[CHILD]) {
  const [reader, file] = process.env[CHILD]!.split('|')
  const bytes = readFileSync(file)
  const t0 = performance.now()
  const read = reader === 'exceljs' ? exceljsRows(bytes) : sheetjsRows(bytes)
  void read.then((rows) => {
    const ms = performance.now() - t0
    process.stdout.write(JSON.stringify({ ms, rows, peakMb: process.resourceUsage().maxRSS / 1024 }) + '\n')
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
  description: `${ROWS.toLocaleString()}-row .xlsx read by the import (SheetJS) vs exceljs' streaming reader (the baseline)`,
  async run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-xlsx-bench-'))
    try {
      const file = join(dir, 'pos.xlsx')
      await writeWorkbook(file)
      report(`wrote ${file}: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`)
      const figures: Record<string, { ms: number[]; peakMb: number[]; rows: number }> = {}
      for (const reader of READERS) {
        figures[reader] = { ms: [], peakMb: [], rows: 0 }
        for (let i = 0; i < 3; i++) {
          const r = spawnSync(process.execPath, [process.argv[1]], {
            env: { ...process.env, [CHILD]: `${reader}|${file}` },
            encoding: 'utf8',
            maxBuffer: 1 << 20
          })
          if (r.status !== 0) throw new Error(`${reader} failed: ${r.stderr}`)
          const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { ms: number; rows: number; peakMb: number }
          figures[reader].ms.push(out.ms)
          figures[reader].peakMb.push(out.peakMb)
          figures[reader].rows = out.rows
        }
        report(
          `${reader}: ${figures[reader].rows.toLocaleString()} rows, median ${(median(figures[reader].ms) / 1000).toFixed(2)} s, peak RSS median ${median(figures[reader].peakMb).toFixed(0)} MB`
        )
      }
      const e = figures.exceljs
      const s = figures.sheetjs
      if (e && s)
        report(`SheetJS / exceljs: ${(median(s.ms) / median(e.ms)).toFixed(2)}× the time, ${(median(s.peakMb) / median(e.peakMb)).toFixed(2)}× the peak RSS`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
