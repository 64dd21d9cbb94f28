/** Bounds past which a file is not a sales export and is refused with a clear message. */
export const MAX_COLUMNS = 1000
export const MAX_CELL = 65_536
/**
 * The longest row the CSV reader carries from one piece of text to the next (characters). A
 * real export's rows are a few hundred; an unterminated quote would otherwise carry, and
 * re-read, the rest of the file with every piece.
 */
export const MAX_ROW_CHARS = 16 * 1024 * 1024
/** 256 MB: the browser host's body limit; larger files are refused before reading */
export const MAX_FILE_BYTES = 256 * 1024 * 1024
/**
 * The largest amount one line (or unit price) may hold: 999,999,999.99 yuan, the nine digits
 * staff can type anywhere else. A bigger value is damage, not a sale; rejecting it keeps every
 * total an exact integer (a few such lines would already pass what a double counts exactly).
 */
export const MAX_LINE_FEN = 99_999_999_999
