/**
 * How far a zip workbook's sheets reach and how many cells SheetJS would lay out for them,
 * found by scanning each sheet's XML before SheetJS reads it. SheetJS lays every sheet out
 * in memory at once: a sheet of 1,048,577 rows, or an .ods cell whose value is declared
 * repeated across 16,384 columns and a million rows (`table:number-columns-repeated`,
 * `table:number-rows-repeated`: valid OpenDocument), would exhaust the import worker's
 * memory before any bound on the laid-out rows could refuse it. The scan follows SheetJS's own
 * rules (which tags start a row or a cell, how an unnumbered row is numbered, which .ods
 * cells it stores), so the figures are the ones SheetJS would reach, counted instead of built.
 * Empty repeated cells and rows (LibreOffice ends every sheet with a million empty rows
 * repeated) are not stored by SheetJS and are not counted.
 */

export interface SheetExtent {
  /** the last row (1-based) holding a cell SheetJS would store; 0 for none */
  lastRow: number
  /** the last column (1-based) holding such a cell */
  lastColumn: number
  /** the cells SheetJS would store */
  cells: number
}

/** Bytes read as Latin-1: tag names and digits are ASCII, and no text needs decoding to count. */
export const latin1 = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1')

const XLSX_TAG = /<(?:\w+:)?(row|c)[\s/>]/g
const ROW_NUMBER = /\sr\s*=\s*["'](\d+)["']/

/**
 * One .xlsx worksheet's XML (`<row r="…">`, `<c …>`; a row without `r` follows the last one,
 * as SheetJS numbers it). Columns are not followed (lastColumn stays 0): a cell in a far
 * column costs SheetJS nothing for the columns before it, and the range it reports is
 * checked after reading. Any other XML (shared strings, styles) has neither tag.
 */
export function xlsxSheetExtent(xml: string): SheetExtent {
  const extent: SheetExtent = { lastRow: 0, lastColumn: 0, cells: 0 }
  let row = 0
  XLSX_TAG.lastIndex = 0
  for (let m = XLSX_TAG.exec(xml); m; m = XLSX_TAG.exec(xml)) {
    if (m[1] === 'c') {
      extent.cells++
      if (row > extent.lastRow) extent.lastRow = row
      continue
    }
    const end = xml.indexOf('>', m.index)
    const r = ROW_NUMBER.exec(xml.slice(m.index, end < 0 ? xml.length : end))
    row = r ? Number(r[1]) : row + 1
  }
  return extent
}

const ODS_TAG = /<(\/?)(?:[\w.-]+:)?(table-row|table-cell|covered-table-cell|table|p)(?=[\s/>])([^>]*)>/g
const attribute = (tag: string, name: string): string | undefined => new RegExp(`(?:^|[\\s:])${name}\\s*=\\s*["']([^"']*)["']`).exec(tag)?.[1]
/** A repeat count as SheetJS reads it: a number, or 1 for anything else. */
const repeat = (tag: string, name: string) => parseInt(attribute(tag, name) ?? '1', 10) || 1

/**
 * Every table of an .ods content.xml, in order. A repeated row multiplies its stored cells; a
 * cell is stored when it holds a typed value or a paragraph of text (an empty repeated cell,
 * `<table:table-cell table:number-columns-repeated="1024"/>`, is not). A self-closing string
 * cell is stored once, whatever its repeats (as SheetJS stores it).
 */
export function odsTableExtents(xml: string): SheetExtent[] {
  const tables: SheetExtent[] = []
  let table: SheetExtent | null = null
  let row = -1 // 0-based, as SheetJS counts
  let rowRepeat = 1
  let column = -1
  let rowCells = 0
  let rowLastColumn = 0
  let cell: { repeat: number; stored: boolean } | null = null
  ODS_TAG.lastIndex = 0
  for (let m = ODS_TAG.exec(xml); m; m = ODS_TAG.exec(xml)) {
    const closing = m[1] === '/'
    const name = m[2]
    const attrs = m[3]
    const selfClosing = attrs.endsWith('/')
    if (name === 'table') {
      if (closing) table = null
      else if (!selfClosing) {
        table = { lastRow: 0, lastColumn: 0, cells: 0 }
        tables.push(table)
        row = -1
      }
      continue
    }
    if (!table) continue
    if (name === 'table-row') {
      if (closing) {
        if (rowCells > 0) {
          table.cells += rowCells * rowRepeat
          table.lastRow = Math.max(table.lastRow, row + rowRepeat)
          table.lastColumn = Math.max(table.lastColumn, rowLastColumn)
        }
        row += rowRepeat
        rowRepeat = 1
      } else {
        if (row === -1) row = 0
        rowRepeat = repeat(attrs, 'number-rows-repeated')
        column = -1
        rowCells = 0
        rowLastColumn = 0
      }
      continue
    }
    if (name === 'covered-table-cell') {
      if (!closing) column += repeat(attrs, 'number-columns-repeated')
      continue
    }
    if (name === 'p') {
      if (cell && !closing) cell.stored = true
      continue
    }
    // table-cell
    if (closing) {
      if (cell?.stored) {
        rowCells += cell.repeat
        rowLastColumn = Math.max(rowLastColumn, column + cell.repeat)
      }
      if (cell) column += cell.repeat - 1
      cell = null
      continue
    }
    column++
    const columns = repeat(attrs, 'number-columns-repeated')
    const type = attribute(attrs, 'value-type')
    if (selfClosing) {
      // stored once, at its first column, in the row's first repeat only
      if (type === 'string') {
        table.cells++
        table.lastRow = Math.max(table.lastRow, row + 1)
        table.lastColumn = Math.max(table.lastColumn, column + 1)
      }
      column += columns - 1
    } else {
      cell = { repeat: columns, stored: type !== undefined && type !== 'string' }
    }
  }
  return tables
}
