/**
 * Formula injection: a spreadsheet runs a cell that starts with = + - @ (or a tab or
 * carriage return) as a formula. Such text cells get a leading apostrophe; text that already
 * starts with one gets another, so the import can take exactly one off and get the original.
 */
const DANGEROUS = /^[=+\-@\t\r']/

export function neutralizeCell(text: string): string {
  return DANGEROUS.test(text) ? `'${text}` : text
}

export function restoreCell(text: string): string {
  return text.startsWith("'") ? text.slice(1) : text
}
