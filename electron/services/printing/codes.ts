/**
 * Coupon and scratch codes: 9 random symbols and a check symbol from a 32-letter alphabet
 * without 0/O/1/I (nothing a person can misread), so 45 bits of crypto randomness per card:
 * guessing a valid unredeemed code is hopeless, and a mistyped one is caught by the check
 * symbol (Luhn mod N catches every single substitution and adjacent swap) before any lookup.
 */
import { randomBytes } from 'node:crypto'

export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'
const N = CODE_ALPHABET.length
const RANDOM_LENGTH = 9
export const CODE_LENGTH = RANDOM_LENGTH + 1

/** The check symbol for a body of alphabet symbols (Luhn mod N). */
export function checkSymbol(body: string): string {
  let factor = 2
  let sum = 0
  for (let i = body.length - 1; i >= 0; i--) {
    const value = CODE_ALPHABET.indexOf(body[i])
    if (value < 0) throw new Error(`not a code symbol: ${body[i]}`)
    let addend = factor * value
    factor = factor === 2 ? 1 : 2
    addend = Math.floor(addend / N) + (addend % N)
    sum += addend
  }
  return CODE_ALPHABET[(N - (sum % N)) % N]
}

/** A fresh code; `bytes` is injectable so tests can be deterministic. */
export function generateCode(bytes: (n: number) => Uint8Array = randomBytes): string {
  // 256 is a multiple of 32, so `byte % 32` is uniform
  const raw = bytes(RANDOM_LENGTH)
  let body = ''
  for (let i = 0; i < RANDOM_LENGTH; i++) body += CODE_ALPHABET[raw[i] % N]
  return body + checkSymbol(body)
}

/** As typed by staff or found in an export: upper case, without spaces and dashes. */
export function normalizeCode(input: string): string {
  return input
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.·]/g, '')
}

/** True when the code has the right length, alphabet and check symbol. */
export function isValidCode(code: string): boolean {
  if (code.length !== CODE_LENGTH) return false
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return false
  return checkSymbol(code.slice(0, RANDOM_LENGTH)) === code[RANDOM_LENGTH]
}

/** ABCDE-FGHJK: two groups of five read and type more easily than ten in a row. */
export function formatCode(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`
}

const CANDIDATE = /[2-9A-HJ-NP-Z]{5}[\s-]?[2-9A-HJ-NP-Z]{5}/g

/** Valid codes inside free text (a coupon or remark column: "用券 ABCDE-FGHJK 满减"). */
export function extractCodes(text: string): string[] {
  const found = new Set<string>()
  for (const m of text.normalize('NFKC').toUpperCase().matchAll(CANDIDATE)) {
    const code = normalizeCode(m[0])
    if (isValidCode(code)) found.add(code)
  }
  return [...found]
}
