/**
 * A file as rows of text cells, whatever it was: CSV/TSV/semicolon/pipe text in any of the
 * supported encodings, an .xlsx workbook, or an .xls/.et/.ods one. CSV rows are produced by papaparse on demand,
 * each pass reading and decoding the bytes again a piece at a time (holding neither a million
 * row arrays nor the whole text, nor the whole file when it is on disk); workbook rows are read
 * once, all kinds through the same reader (sheet-read).
 * A gzipped file (.csv.gz, .xlsx.gz) is unpacked in memory first.
 */
import { DomainError } from '../../../shared/result'
import { asByteSource, type ByteSource } from './byte-source'
import { parseCsvPieces, detectNewline } from './csv-rows'
import { assertText, detectEncoding, isBlankText, PIECE_BYTES, textHead, textPieces, type TextEncodingName } from './decode'
import { detectDelimiter, type Delimiter } from './delimiter'
import { gunzipExport, isGzip } from './gzip-input'
import { fileTooLarge, MAX_CELL, MAX_COLUMNS, MAX_FILE_BYTES, tooLong, tooWide } from './limits'
import { readWorkbookRows, type WorkbookFormat } from './sheet-read'
import { zipWorkbookFormat } from './zip-entries'
import { refuse } from '../../../shared/errors/refuse'

export interface TableSource {
  format: 'csv' | 'xlsx' | 'xls' | 'ods'
  /** a workbook's sheets (empty for text) and the one read */
  sheets: string[]
  sheet: string | null
  encoding: TextEncodingName | null
  delimiter: Delimiter | null
  /** Call fn for every row (0-based index) in order; fn answers false to stop early. */
  eachRow(fn: (cells: string[], index: number) => boolean | void): void
}

export interface ReadOptions {
  encoding?: TextEncodingName
  delimiter?: Delimiter
  sheet?: string
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0
function rowsTable(format: TableSource['format'], rows: string[][], sheets: string[] = [], sheet: string | null = null): TableSource {
  return {
    format,
    sheets,
    sheet,
    encoding: null,
    delimiter: null,
    eachRow(fn) {
      for (let i = 0; i < rows.length; i++) if (fn(rows[i], i) === false) return
    }
  }
}

async function workbookTable(format: WorkbookFormat, bytes: Uint8Array, sheet: string | undefined): Promise<TableSource> {
  const book = await readWorkbookRows(bytes, format, sheet)
  return rowsTable(format, book.rows, book.sheets, book.sheet)
}

/** Open the bytes of one export as a table. */
export async function openTable(bytes: Uint8Array | ByteSource, options: ReadOptions = {}): Promise<TableSource> {
  const source = asByteSource(bytes)
  if (source.size === 0) throw refuse('fileEmpty')
  if (source.size > MAX_FILE_BYTES) {
    throw fileTooLarge()
  }
  const magic = source.read(0, 4)
  // a gzipped export of any kind (sales, members, products): read what it holds
  if (isGzip(magic)) return openTable(gunzipExport(source.read(0, source.size)), options)
  // .xls/.et (and an encrypted workbook, which Office also wraps in OLE) and .ods: SheetJS
  if (isOle(magic)) return workbookTable('xls', source.read(0, source.size), options.sheet)
  if (isZip(magic)) {
    const bytes = source.read(0, source.size)
    return workbookTable(zipWorkbookFormat(bytes), bytes, options.sheet)
  }
  return csvTable(source, options)
}

/** Text exports; synchronous, so tests and the CLI can read without a worker. */
export function csvTable(bytes: Uint8Array | ByteSource, options: ReadOptions = {}, pieceBytes = PIECE_BYTES): TableSource {
  const source = asByteSource(bytes)
  const encoding = options.encoding ?? detectEncoding(source)
  const head = textHead(source, encoding)
  assertText(head)
  if (head.trim() === '' && isBlankText(source, encoding)) throw refuse('fileEmpty')
  const delimiter = options.delimiter ?? detectDelimiter(head)
  const newline = detectNewline(head, delimiter)
  return {
    format: 'csv',
    sheets: [],
    sheet: null,
    encoding,
    delimiter,
    eachRow(fn) {
      let index = 0
      let failure: DomainError | null = null
      parseCsvPieces(textPieces(source, encoding, pieceBytes), { delimiter, newline }, (cells, notes) => {
        if (notes.unterminatedQuote) {
          failure = refuse('unterminatedQuote', { row: index + 1 })
        } else if (cells.length > MAX_COLUMNS) failure = tooWide(cells.length)
        else {
          for (const c of cells) if (c.length > MAX_CELL) failure = tooLong(index + 1)
        }
        if (failure) return false
        return fn(cells, index++)
      })
      if (failure) throw failure
    }
  }
}
