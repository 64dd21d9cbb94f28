/**
 * A file as rows of text cells, whatever it was: CSV/TSV/semicolon/pipe text in any of the
 * supported encodings, or an .xlsx workbook. CSV rows are produced by papaparse on demand,
 * each pass reading and decoding the bytes again a piece at a time (holding neither a million
 * row arrays nor the whole text, nor the whole file when it is on disk); xlsx rows are read once.
 */
import { DomainError } from '../../../shared/result'
import { asByteSource, type ByteSource } from './byte-source'
import { parseCsvPieces, detectNewline } from './csv-rows'
import { assertText, detectEncoding, isBlankText, PIECE_BYTES, textHead, textPieces, type TextEncodingName } from './decode'
import { detectDelimiter, type Delimiter } from './delimiter'
import { fileTooLarge, MAX_CELL, MAX_COLUMNS, MAX_FILE_BYTES } from './limits'
import { readXlsxRows, tooLong, tooWide } from './xlsx-read'

export interface TableSource {
  format: 'csv' | 'xlsx'
  encoding: TextEncodingName | null
  delimiter: Delimiter | null
  /** Call fn for every row (0-based index) in order; fn answers false to stop early. */
  eachRow(fn: (cells: string[], index: number) => boolean | void): void
}

export interface ReadOptions {
  encoding?: TextEncodingName
  delimiter?: Delimiter
}

const isZip = (b: Uint8Array) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04
const isOle = (b: Uint8Array) => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0

/** Open the bytes of one export as a table. */
export async function openTable(bytes: Uint8Array | ByteSource, options: ReadOptions = {}): Promise<TableSource> {
  const source = asByteSource(bytes)
  if (source.size === 0) throw new DomainError('UNREADABLE_FILE', '文件是空的。 (the file is empty)')
  if (source.size > MAX_FILE_BYTES) {
    throw fileTooLarge()
  }
  const magic = source.read(0, 4)
  if (isOle(magic)) {
    throw new DomainError('UNREADABLE_FILE', '这是旧版 Excel (.xls) 文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入。 (old .xls: save it as .xlsx or CSV first)')
  }
  if (isZip(magic)) {
    const rows = await readXlsxRows(source.read(0, source.size))
    return {
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      eachRow(fn) {
        for (let i = 0; i < rows.length; i++) if (fn(rows[i], i) === false) return
      }
    }
  }
  return csvTable(source, options)
}

/** Text exports; synchronous, so tests and the CLI can read without a worker. */
export function csvTable(bytes: Uint8Array | ByteSource, options: ReadOptions = {}, pieceBytes = PIECE_BYTES): TableSource {
  const source = asByteSource(bytes)
  const encoding = options.encoding ?? detectEncoding(source)
  const head = textHead(source, encoding)
  assertText(head)
  if (head.trim() === '' && isBlankText(source, encoding)) throw new DomainError('UNREADABLE_FILE', '文件是空的。 (the file is empty)')
  const delimiter = options.delimiter ?? detectDelimiter(head)
  const newline = detectNewline(head, delimiter)
  return {
    format: 'csv',
    encoding,
    delimiter,
    eachRow(fn) {
      let index = 0
      let failure: DomainError | null = null
      parseCsvPieces(textPieces(source, encoding, pieceBytes), { delimiter, newline }, (cells, notes) => {
        if (notes.unterminatedQuote) {
          failure = new DomainError('UNREADABLE_FILE', `第 ${index + 1} 行的引号没有闭合，文件可能被截断或损坏。 (row ${index + 1}: unterminated quote, the file looks truncated)`)
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
