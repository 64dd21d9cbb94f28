import { describe, expect, it } from 'vitest'
import { CODE_ALPHABET, checkSymbol, extractCodes, formatCode, generateCode, isValidCode, normalizeCode } from '../../../electron/services/printing/codes'

/** A deterministic byte source for tests. */
function bytesFrom(seed: number) {
  let s = seed
  return (n: number) =>
    Uint8Array.from({ length: n }, () => {
      s = (s * 1103515245 + 12345) % 2 ** 31
      return (s >>> 8) & 255
    })
}

describe('card codes', () => {
  it('uses 32 symbols without 0, O, 1 or I', () => {
    expect(CODE_ALPHABET).toHaveLength(32)
    for (const ch of '0O1I') expect(CODE_ALPHABET).not.toContain(ch)
  })

  it('draws 10-symbol codes whose last symbol checks the other nine', () => {
    const draw = bytesFrom(42)
    for (let i = 0; i < 1000; i++) {
      const code = generateCode(draw)
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{10}$/)
      expect(isValidCode(code)).toBe(true)
    }
  })

  it('catches every single mistyped symbol and every swap of two different neighbours', () => {
    const code = generateCode(bytesFrom(7))
    for (let i = 0; i < code.length; i++)
      for (const ch of CODE_ALPHABET) {
        if (ch === code[i]) continue
        expect(isValidCode(code.slice(0, i) + ch + code.slice(i + 1))).toBe(false)
      }
    for (let i = 0; i < code.length - 1; i++) {
      if (code[i] === code[i + 1]) continue
      expect(isValidCode(code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2))).toBe(false)
    }
  })

  it('computes the Luhn mod 32 check symbol', () => {
    expect(checkSymbol('222222222')).toBe('2')
    expect(isValidCode('2222222222')).toBe(true)
    expect(isValidCode('23456789A' + checkSymbol('23456789A'))).toBe(true)
  })

  it('reads codes as staff type them and as remark columns carry them', () => {
    expect(normalizeCode(' abcde-fghjk ')).toBe('ABCDEFGHJK')
    const code = generateCode(bytesFrom(3))
    expect(formatCode(code)).toBe(`${code.slice(0, 5)}-${code.slice(5)}`)
    expect(extractCodes(`用券 ${formatCode(code).toLowerCase()} 满减, 另 ABCDE-FGHJ2`)).toEqual([code])
    expect(extractCodes('无')).toEqual([])
  })
})
