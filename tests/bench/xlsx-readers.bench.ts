/**
 * Issue 17.6: should SheetJS (@e965/xlsx, which reads .xls/.et/.ods here) also read .xlsx in place
 * of exceljs' streaming reader? The same 100,000-row POS workbook read both ways, each run in a
 * fresh process so its peak RSS is its own: wall time (median of 3) and peak RSS.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { readXlsxRows } from '../../electron/services/imports/xlsx-read'
import { readWorkbookRows } from '../../electron/services/imports/sheet-read'
import type { Benchmark } from './registry'
import { median } from './measure'

const ROWS = Number(process.env.XLSX_BENCH_ROWS ?? 100_000)
const CHILD = 'EVERGREEN_XLSX_BENCH_CHILD'

// In a child: read the workbook once with the reader asked for, print the figures, exit.
if (process.env[CHILD]) {
  const [reader, file] = process.env[CHILD]!.split('|')
  const bytes = readFileSync(file)
  const t0 = performance.now()
  const read = reader === 'exceljs' ? readXlsxRows(bytes) : readWorkbookRows(bytes).then((w) => w.rows)
  void read.then((rows) => {
    const ms = performance.now() - t0
    process.stdout.write(JSON.stringify({ ms, rows: rows.length, peakMb: process.resourceUsage().maxRSS / 1024 }) + '\n')
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
  description: `${ROWS.toLocaleString()}-row .xlsx read by exceljs (streaming, today's reader) vs SheetJS`,
  async run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-xlsx-bench-'))
    try {
      const file = join(dir, 'pos.xlsx')
      await writeWorkbook(file)
      report(`wrote ${file}: ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB`)
      const figures: Record<string, { ms: number[]; peakMb: number[]; rows: number }> = {}
      for (const reader of ['exceljs', 'sheetjs']) {
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
      report(`SheetJS / exceljs: ${(median(s.ms) / median(e.ms)).toFixed(2)}× the time, ${(median(s.peakMb) / median(e.peakMb)).toFixed(2)}× the peak RSS`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
