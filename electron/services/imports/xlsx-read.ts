/**
 * An .xlsx workbook → rows of text, first worksheet, through exceljs' streaming reader (the
 * whole workbook model is never built), the workbook's parts put in the order that keeps
 * exceljs from writing worksheets to temp files. Real Excel dates arrive as Date objects holding the
 * wall-clock time in their UTC fields, so the UTC parts are the shop-local time.
 */
import { Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import { DomainError } from '../../../shared/result'
import { MAX_CELL, MAX_COLUMNS } from './limits'
import { partsBeforeWorksheets } from './xlsx-entry-order'

const pad = (n: number) => String(n).padStart(2, '0')

/** Excel's last row: a row numbered past it is damage, and padding up to it would exhaust memory. */
export const MAX_XLSX_ROWS = 1_048_576
/** Stands for every skipped (empty) row: one shared, frozen array rather than one per gap row. */
const EMPTY_ROW = Object.freeze([]) as unknown as string[]

/** A Date from exceljs → 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM:SS' using its UTC parts. */
export function excelDateToIso(d: Date): string {
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const h = d.getUTCHours()
  const m = d.getUTCMinutes()
  const s = d.getUTCSeconds()
  return h || m || s ? `${date}T${pad(h)}:${pad(m)}:${pad(s)}` : date
}

/** One cell's value as the text a CSV would have held. */
export function cellText(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v).toString() : String(v)
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE'
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : excelDateToIso(v)
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; result?: unknown; text?: unknown; error?: string }
    if (o.richText) return o.richText.map((r) => r.text).join('')
    if ('result' in o) return cellText(o.result)
    if (o.text !== undefined) return cellText(o.text)
    if (o.error) return ''
  }
  return String(v)
}

/**
 * The workbook's bytes as a stream for exceljs, and a promise that rejects when the unzip
 * stream exceljs pipes them into fails. exceljs does not always pass that failure on: when a
 * damaged entry (a bad deflate block, a cut-off file) breaks while it is copying the entry,
 * its read waits forever, and the import with it.
 */
function watchedSource(bytes: Uint8Array): { stream: Readable; unzipFailed: Promise<never> } {
  const stream = Readable.from(Buffer.from(bytes))
  let fail: (e: unknown) => void = () => {}
  const unzipFailed = new Promise<never>((_, reject) => (fail = reject))
  const pipe = stream.pipe.bind(stream)
  stream.pipe = (<T extends NodeJS.WritableStream>(destination: T, options?: { end?: boolean }): T => {
    destination.on('error', fail)
    return pipe(destination, options)
  }) as typeof stream.pipe
  return { stream, unzipFailed }
}

/** The first worksheet's rows. Throws UNREADABLE_FILE for a damaged or cut-off workbook. */
export async function readXlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const rows: string[][] = []
  try {
    // no worksheet may reach a temp file on its way through exceljs (see xlsx-entry-order)
    const source = watchedSource(partsBeforeWorksheets(bytes))
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(source.stream, {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore'
    })
    await Promise.race([firstSheetRows(reader, rows), source.unzipFailed])
  } catch (e) {
    if (e instanceof DomainError) throw e
    throw new DomainError('UNREADABLE_FILE', `xlsx 文件已损坏或不完整，无法读取。 (the workbook is damaged or incomplete: ${(e as Error).message})`)
  }
  return rows
}

async function firstSheetRows(reader: ExcelJS.stream.xlsx.WorkbookReader, rows: string[][]): Promise<void> {
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[]
      if (values.length - 1 > MAX_COLUMNS) throw tooWide(values.length - 1)
      if (row.number > MAX_XLSX_ROWS) throw tooFarDown(row.number)
      // exceljs rows are 1-based and sparse; rows may be skipped when empty
      while (rows.length < row.number - 1) rows.push(EMPTY_ROW)
      const cells: string[] = []
      for (let i = 1; i < values.length; i++) {
        const t = cellText(values[i])
        if (t.length > MAX_CELL) throw tooLong(row.number)
        cells.push(t)
      }
      rows.push(cells)
    }
    break // the first worksheet only
  }
}

export function tooWide(n: number): DomainError {
  return new DomainError('UNREADABLE_FILE', `文件有 ${n} 列，超过上限 ${MAX_COLUMNS} 列，不像销售导出。 (${n} columns: more than ${MAX_COLUMNS})`)
}

function tooFarDown(row: number): DomainError {
  return new DomainError(
    'UNREADABLE_FILE',
    `工作表的行号 ${row} 超过 Excel 的上限 ${MAX_XLSX_ROWS} 行，文件已损坏。 (row number ${row} is past Excel's last row ${MAX_XLSX_ROWS}: the workbook is damaged)`
  )
}

export function tooLong(row: number): DomainError {
  return new DomainError(
    'UNREADABLE_FILE',
    `第 ${row} 行有一个超过 ${MAX_CELL} 字符的单元格，不像销售导出。 (row ${row} has a cell longer than ${MAX_CELL} characters)`
  )
}
