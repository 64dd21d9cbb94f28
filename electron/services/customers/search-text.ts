/**
 * Search text rules shared by the index and the query: how typed text is normalised, how a
 * phone typed with spaces or dashes becomes its digits, and which letter grams a short query
 * can be answered from. Pure functions, no database.
 */

/** Field separator inside an indexed body: a prefix match is a match right after one. */
export const SEP = '\u001f'

/** NFKC (full-width digits and letters become ASCII), lower case, trimmed, spaces collapsed. */
export function normalizeSearch(raw: string): string {
  // control, format, private-use and unassigned characters never help a search and a NUL
  // would end the FTS query string early
  return raw
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/**
 * A query that looks like a phone or a part of one ('138 1234 8000', '138-1234', '+86 138…')
 * as its digits; null when it is not digits and separators only.
 */
export function phoneDigits(query: string): string | null {
  // a number a spreadsheet wrote as 17850.0 is the id 17850, not the digits 178500
  const q = normalizeSearch(query).replace(/^(\d+)\.0+$/, '$1')
  if (!/^\+?[\d\s\-().]+$/.test(q)) return null
  let digits = q.replace(/[^\d]/g, '')
  if (q.startsWith('+86') || (digits.length === 13 && digits.startsWith('86'))) digits = digits.slice(2)
  return digits.length > 0 ? digits : null
}

/**
 * The terms a query is split into: a phone typed with separators stays one term of digits,
 * anything else splits on spaces (every term must match). One or two digits or signs narrow
 * nothing worth the cost (a third of all phones start with 13): they are no search yet; one
 * or two letters (a surname, 王静) are.
 */
export function searchTerms(query: string): string[] {
  const digits = phoneDigits(query)
  if (digits) return digits.length > 2 ? [digits] : []
  return normalizeSearch(query)
    .split(' ')
    .filter((t) => [...t].length > 2 || /^\p{L}+$/u.test(t))
}

const LETTERS = /\p{L}+/gu

/**
 * Grams for queries of one or two characters: every bigram of a run of letters (Chinese
 * characters included) in names, addresses, notes and tags, plus each single character of a
 * name (a surname typed alone). Digits are left out: two digits match nearly everyone anyway.
 */
export function lettersGrams(names: string, other: string): string {
  const grams = new Set<string>()
  for (const text of [names, other]) {
    for (const run of normalizeSearch(text).match(LETTERS) ?? []) {
      const chars = [...run]
      for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i] + chars[i + 1])
      if (chars.length === 1) grams.add(chars[0])
    }
  }
  for (const run of normalizeSearch(names).match(LETTERS) ?? []) for (const ch of run) grams.add(ch)
  return [...grams].join(' ')
}

/** A term quoted as an FTS5 string (double quotes doubled), so nothing in it is syntax. */
export function ftsString(term: string): string {
  return `"${term.replaceAll('"', '""')}"`
}

/** How a term is looked up: trigram index (3+ characters) or letter grams (1-2 letters). */
export function termPlan(term: string): 'trigram' | 'grams' {
  return [...term].length >= 3 ? 'trigram' : 'grams'
}
