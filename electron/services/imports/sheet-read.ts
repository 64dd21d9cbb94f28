/**
 * Workbooks → rows of text through SheetJS: .xlsx, .xls (BIFF5/BIFF8), WPS .et (the same
 * OLE/BIFF container) and .ods. Read in memory: nothing of the workbook, customers' names
 * and phones included, is ever written to a temp file. The data sheet is the one with the most filled cells
 * unless the user names another. Cells are read without SheetJS's Date conversion: a date
 * is a serial number with a date format, turned into shop-local wall-clock parts by the
 * format library, so no time zone can move it. Text cells (19-digit cards, 13-digit
 * barcodes typed as text) stay text; whole numbers are written out in full, never 1.2E+18.
 * SheetJS is loaded on the first workbook only: a CSV import (most of them, in a worker
 * with a tight heap limit) never pays for its few MB of code.
 */
import type * as XLSXTypes from '@e965/xlsx'
import { DomainError } from '../../../shared/result'
import { MAX_CELL, MAX_COLUMNS, MAX_SHEET_CELLS, MAX_SHEET_COLUMNS, MAX_SHEET_ROWS, tooFarDown, tooLong, tooManyCells, tooWide } from './limits'
import type { SheetExtent } from './sheet-extents'
import { checkZipWorkbook } from './zip-entries'
import { refuse } from '../../../shared/errors/refuse'

/** Which kind of workbook: it names the file in the damage message, and sets how rows are bounded. */
export type WorkbookFormat = 'xlsx' | 'xls' | 'ods'

export interface WorkbookRows {
  /** every sheet's name, in the workbook's order */
  sheets: string[]
  /** the sheet the rows came from */
  sheet: string
  rows: string[][]
}

const pad = (n: number) => String(n).padStart(2, '0')
/** Stands for every empty row: one shared, frozen array rather than one per gap row. */
const EMPTY_ROW = Object.freeze([]) as unknown as string[]
type DenseRows = (XLSXTypes.CellObject[] | undefined)[]

type SheetJs = typeof XLSXTypes
let XLSX: SheetJs

/** A date serial → 'YYYY-MM-DD' or 'YYYY-MM-DDTHH:MM:SS' (wall clock, as the file shows it). */
function serialToIso(serial: number, date1904: boolean): string {
  const p = XLSX.SSF.parse_date_code(serial, { date1904 })
  const date = `${p.y}-${pad(p.m)}-${pad(p.d)}`
  return p.H || p.M || p.S ? `${date}T${pad(p.H)}:${pad(p.M)}:${pad(p.S)}` : date
}

function cellText(cell: XLSXTypes.CellObject | undefined, date1904: boolean): string {
  if (!cell || cell.v === undefined || cell.v === null) return ''
  const v = cell.v
  if (cell.t === 'n' && typeof v === 'number') {
    if (cell.z !== undefined && XLSX.SSF.is_date(String(cell.z))) return serialToIso(v, date1904)
    return Number.isInteger(v) ? BigInt(v).toString() : String(v)
  }
  if (cell.t === 'b') return v ? 'TRUE' : 'FALSE'
  if (cell.t === 'e') return ''
  return String(v)
}

/** Why SheetJS refused: an encrypted workbook has its own code, anything else is damage. */
function refusal(e: unknown, format: WorkbookFormat): DomainError {
  const message = (e as Error)?.message ?? String(e)
  if (/password|encrypt/i.test(message)) {
    return refuse('workbookPasswordProtected')
  }
  return refuse(format === 'xlsx' ? 'xlsxDamaged' : 'workbookDamaged', { reason: message })
}

/**
 * Why a sheet cannot be laid out row by row: a row or column numbered past Excel's last one.
 * Checked before anything walks the rows. The range is the one SheetJS saw in the cells
 * (`nodim`: a worksheet's own dimension tag can say anything), and the dense rows array's
 * length, which a far row index stretches without allocating the gap.
 */
function outOfBounds(ws: XLSXTypes.WorkSheet): DomainError | null {
  const data = (ws['!data'] ?? []) as DenseRows
  const range = ws['!ref'] ? XLSX.utils.decode_range(ws['!ref']) : null
  const lastRow = Math.max(data.length, range ? range.e.r + 1 : 0)
  if (lastRow > MAX_SHEET_ROWS) return tooFarDown(lastRow)
  if (range && range.e.c + 1 > MAX_SHEET_COLUMNS) return tooWide(range.e.c + 1)
  return null
}

/**
 * Why a zip workbook's sheets cannot be laid out, from the scan before SheetJS reads them
 * (sheet-extents): a stored cell past Excel's last row or column, or more cells in all than
 * the import lays out. An .xls needs none of this: BIFF numbers rows in 16 bits.
 */
function beyondLayout(sheets: SheetExtent[]): DomainError | null {
  let cells = 0
  for (const s of sheets) {
    if (s.lastRow > MAX_SHEET_ROWS) return tooFarDown(s.lastRow)
    if (s.lastColumn > MAX_SHEET_COLUMNS) return tooWide(s.lastColumn)
    cells += s.cells
  }
  return cells > MAX_SHEET_CELLS ? tooManyCells(cells) : null
}

/** Filled cells, to find the data sheet; a sheet out of bounds is never the one chosen. */
function filledCells(ws: XLSXTypes.WorkSheet | undefined): number {
  // a sheet the workbook lists but SheetJS could not parse is damage, never the data sheet
  if (!ws || outOfBounds(ws)) return -1
  let n = 0
  for (const row of (ws['!data'] ?? []) as DenseRows) {
    if (row) for (const c of row) if (c && c.v !== undefined && c.v !== null && c.v !== '') n++
  }
  return n
}

/** The rows of one sheet (named) or of the fullest one. */
export async function readWorkbookRows(bytes: Uint8Array, format: WorkbookFormat, sheetName?: string): Promise<WorkbookRows> {
  XLSX ??= await import('@e965/xlsx')
  // .xlsx and .ods are zips: damaged compressed data must be refused, not read as an empty
  // sheet, and a sheet SheetJS could not lay out in memory refused before it tries
  if (format !== 'xls') {
    const zip = checkZipWorkbook(bytes, format)
    if (zip.failure) throw refusal(zip.failure, format)
    const bound = beyondLayout(zip.sheets)
    if (bound) throw bound
  }
  let wb: XLSXTypes.WorkBook
  try {
    wb = XLSX.read(bytes, {
      type: 'buffer',
      dense: true,
      cellNF: true,
      cellDates: false,
      cellHTML: false,
      cellFormula: false,
      // the range from the cells themselves, not the worksheet's dimension tag (see outOfBounds)
      nodim: true,
      // .ods repeats rows by count (number-rows-repeated): SheetJS stops laying them out one past
      // Excel's last row, which outOfBounds then refuses. Not for .xlsx: there a row past the bound
      // would be dropped without a word, where it should be refused as damage.
      ...(format === 'ods' ? { sheetRows: MAX_SHEET_ROWS + 1 } : {})
    })
  } catch (e) {
    throw refusal(e, format)
  }
  const sheets = wb.SheetNames ?? []
  if (sheets.length === 0) throw refusal(new Error('no worksheet'), format)
  let sheet: string
  if (sheetName !== undefined) {
    if (!sheets.includes(sheetName)) {
      throw refuse('sheetNotFound', { sheet: sheetName, sheets: sheets.join(', ') })
    }
    sheet = sheetName
  } else {
    sheet = sheets[0]
    let best = -1
    for (const name of sheets) {
      const n = filledCells(wb.Sheets[name])
      if (n > best) [best, sheet] = [n, name]
    }
  }
  if (!wb.Sheets[sheet]) throw refusal(new Error(`sheet ${sheet} could not be read`), format)
  const bound = outOfBounds(wb.Sheets[sheet])
  if (bound) throw bound
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904)
  const data = (wb.Sheets[sheet]['!data'] ?? []) as DenseRows
  const rows: string[][] = []
  for (let r = 0; r < data.length; r++) {
    const row = data[r]
    // SheetJS's cells of a row are garbage once it is text: the sheet is never held twice over
    data[r] = undefined
    if (!row) {
      rows.push(EMPTY_ROW)
      continue
    }
    if (row.length > MAX_COLUMNS) throw tooWide(row.length)
    const cells: string[] = []
    for (let c = 0; c < row.length; c++) {
      const t = cellText(row[c], date1904)
      if (t.length > MAX_CELL) throw tooLong(r + 1)
      cells.push(t)
    }
    // trailing empty cells are not columns
    while (cells.length && cells[cells.length - 1] === '') cells.pop()
    rows.push(cells)
  }
  return { sheets, sheet, rows }
}
