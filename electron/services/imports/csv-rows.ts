/**
 * CSV rows from text that arrives in pieces, parsed by papaparse's core parser the way its
 * own streamers feed it (ChunkStreamer.parseChunk in papaparse 5.7): every piece but the last
 * is parsed with its unfinished last row held back, and that row, from the parser's cursor
 * on, is carried in front of the next piece. A quoted cell may span any number of pieces.
 */
import Papa from 'papaparse'
import { DomainError } from '../../../shared/result'
import { MAX_ROW_CHARS } from './limits'
import { refuse } from '../../../shared/errors/refuse'

export interface CsvSettings {
  delimiter: string
  newline: '\r\n' | '\n' | '\r'
}

/** What papaparse saw while reading a row: only an unterminated quote matters here. */
export interface RowNotes {
  unterminatedQuote: boolean
}

/** The line break papaparse finds in this text (it looks at the first 1 MB). */
export function detectNewline(head: string, delimiter: string): CsvSettings['newline'] {
  return Papa.parse(head, { delimiter, preview: 1 }).meta.linebreak as CsvSettings['newline']
}

/** Call onRow for every row of the text; onRow answers false to stop. */
export function parseCsvPieces(pieces: Iterable<string>, settings: CsvSettings, onRow: (cells: string[], notes: RowNotes) => boolean | void): void {
  let stopped = false
  const parser: Papa.Parser = new Papa.Parser({
    delimiter: settings.delimiter,
    newline: settings.newline,
    step(result: Papa.ParseStepResult<string[][]>) {
      const unterminatedQuote = result.errors.some((e) => e.code === 'MissingQuotes')
      if (onRow(result.data[0], { unterminatedQuote }) === false) {
        stopped = true
        parser.abort()
      }
    }
  })
  let carried = ''
  // where `carried` starts in the whole text: the parser's cursor counts from there
  let base = 0
  const iterator = pieces[Symbol.iterator]()
  let next = iterator.next()
  while (!next.done) {
    const piece = next.value
    next = iterator.next()
    const last = next.done === true
    const text = carried + piece
    if (last && text === '' && base > 0) {
      // papaparse ends a whole text that ends in a line break with one empty row; so do pieces
      onRow([''], { unterminatedQuote: false })
      return
    }
    const cursor = (parser.parse(text, base, !last) as { meta: { cursor: number } }).meta.cursor
    if (stopped) return
    if (!last) {
      carried = text.substring(cursor - base)
      base = cursor
      if (carried.length > MAX_ROW_CHARS) throw rowTooLong()
    }
  }
}

function rowTooLong(): DomainError {
  return refuse('rowTooLong', { millions: MAX_ROW_CHARS / 1024 / 1024 })
}
