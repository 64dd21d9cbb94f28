/** Bounds past which a file is not a shop export (or is damaged), and the refusals that say so. */
import { DomainError } from '../../../shared/result'
import { refuse } from '../../../shared/errors/refuse'

export const MAX_COLUMNS = 1000
export const MAX_CELL = 65_536
/**
 * Excel's last row and column. A workbook that numbers a row or column past them is damaged;
 * its rows are never laid out one by one (2,147,483,648 empty rows would exhaust memory).
 */
export const MAX_SHEET_ROWS = 1_048_576
export const MAX_SHEET_COLUMNS = 16_384
/**
 * The most cells a workbook's sheets may hold, all together, counted before SheetJS reads them
 * (sheet-extents): SheetJS lays every sheet out in memory at once, and the import's peak RSS
 * grows by about 380 bytes a cell (a 2,400,000-cell .xlsx, 300,000 rows: 916 MB; see the
 * xlsx-readers bench), so this bound keeps a workbook's import under 2 GB. A larger one is
 * refused before it is read, and the user told to save it as CSV, which is read a piece at a time.
 */
export const MAX_SHEET_CELLS = 5_000_000
/** Unpacked, a workbook larger than this is refused rather than inflated in memory (a zip bomb). */
export const MAX_UNPACKED_BYTES = 512 * 1024 * 1024
/**
 * The longest row the CSV reader carries from one piece of text to the next (characters). A
 * real export's rows are a few hundred; an unterminated quote would otherwise carry, and
 * re-read, the rest of the file with every piece.
 */
export const MAX_ROW_CHARS = 16 * 1024 * 1024
/** 256 MB: the browser host's body limit; larger files are refused before reading */
export const MAX_FILE_BYTES = 256 * 1024 * 1024

/** The refusal of a file over MAX_FILE_BYTES, whether seen on disk or as bytes. */
export function fileTooLarge(): DomainError {
  return refuse('fileTooLarge', { mb: MAX_FILE_BYTES / 1024 / 1024 })
}
/**
 * The largest amount one line (or unit price) may hold: 999,999,999.99 yuan, the nine digits
 * staff can type anywhere else. A bigger value is damage, not a sale; rejecting it keeps every
 * total an exact integer (a few such lines would already pass what a double counts exactly).
 */
export const MAX_LINE_FEN = 99_999_999_999

/**
 * The import worker's V8 old-space limit for a file of this many bytes. An import keeps about
 * 1.8 MB of live heap per MB of CSV (the identity links, orders and products seen); the
 * limit leaves twice that. A limit well under V8's default (a quarter of the RAM, up to
 * 4 GB) also makes V8 collect before it grows: on a 1,000,000-line, 89 MB export the
 * worker's peak fell from 505 to 354 MB at the same CPU time.
 */
export function importHeapLimitMb(fileBytes: number): number {
  return Math.round(256 + (2 * fileBytes) / 1024 / 1024)
}

/**
 * The worker's heap limit for a zip workbook (.xlsx, .ods) that unpacks to this many bytes.
 * SheetJS lays the sheets out whole, in proportion to their XML, not to the compressed file:
 * reading a 100,000-row .xlsx (800,000 cells, 38 MB of sheet XML, 6 MB zipped) needed between
 * 120 and 140 MB of heap, about 3.4 times its XML; the limit leaves about twice that. Sized
 * by the file alone, a 300,000-row, 18 MB workbook got 293 MB and ran out of memory; with this
 * limit (928 MB) it imported at 916 MB peak RSS (the xlsx-readers bench).
 */
export function workbookHeapLimitMb(unpackedBytes: number): number {
  return Math.round(256 + (6 * Math.min(unpackedBytes, MAX_UNPACKED_BYTES)) / 1024 / 1024)
}

/**
 * The worker's heap limit for an .xls/.et (OLE/BIFF: not compressed, so the file is what
 * SheetJS parses). SheetJS holds far more per cell of BIFF than of .xlsx XML: a full Excel
 * 97-2003 sheet (65,535 rows × 12 columns, 19.1 MB) needed between 400 and 450 MB of heap,
 * about 22 times the file, and ran out of memory at the file-size limit's 292 MB. Bounded like
 * a zip workbook at its largest.
 */
export function biffHeapLimitMb(fileBytes: number): number {
  return Math.min(Math.round(256 + (30 * fileBytes) / 1024 / 1024), workbookHeapLimitMb(MAX_UNPACKED_BYTES))
}

export function tooWide(n: number): DomainError {
  return refuse('tooManyColumns', { columns: n, max: MAX_COLUMNS })
}

export function tooLong(row: number): DomainError {
  return refuse('cellTooLong', { row, max: MAX_CELL })
}

export function tooFarDown(row: number): DomainError {
  return refuse('sheetRowPastExcel', { row, max: MAX_SHEET_ROWS })
}

export function unpacksTooLarge(): DomainError {
  return refuse('workbookUnpacksTooLarge', { mb: MAX_UNPACKED_BYTES / 1024 / 1024 })
}

export function tooManyCells(cells: number): DomainError {
  return refuse('tooManyCells', { cells, max: MAX_SHEET_CELLS })
}
