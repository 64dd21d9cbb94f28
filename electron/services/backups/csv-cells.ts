/**
 * Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or
 * carriage return) as a formula. Such text cells get a leading apostrophe; text that already
 * starts with one gets another, so the import can take exactly one off and get the original.
 */
import Papa from 'papaparse'

const DANGEROUS = /^[=+\-@\t\r']/

export function neutralizeCell(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text
}

export function restoreCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text
}

/**
 * A spreadsheet-safe CSV for people to open (recall lists, call lists): a byte-order mark so
 * Excel reads the Chinese, CRLF lines, every text cell neutralized as above, numbers as they are.
 * Papa quotes what needs quoting (commas, quotes, line breaks).
 */
export function spreadsheetCsv(lines: readonly (readonly (string | number | null | undefined)[])[]): string {
  const cells = lines.map((line) => line.map((v) => (v === null || v === undefined ? '' : typeof v === 'number' ? String(v) : neutralizeCell(v))))
  return '\uFEFF' + Papa.unparse(cells, { newline: '\r\n', quotes: false }) + '\r\n'
}
