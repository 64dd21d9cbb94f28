import { describe, expect, it } from 'vitest'
import { fenToYuanText, formatFen, yuanToFen } from '../../../shared/domain/money'

describe('yuanToFen', () => {
  it.each([
    ['2000', 200_000],
    ['12.5', 1250],
    ['19.99', 1999],
    ['0.07', 7],
    ['0', 0],
    [' 6000 ', 600_000],
    ['999999999.99', 99_999_999_999],
    [15000, 1_500_000]
  ])('reads %j yuan as %d fen', (text, fen) => {
    expect(yuanToFen(text)).toBe(fen)
  })

  it.each(['', ' ', '-1', '1.234', '1e3', '¥5', '5元', '.5', '5.', '1,000', '1000000000', 'NaN'])('refuses %j', (text) => {
    expect(yuanToFen(text)).toBeNull()
  })
})

describe('fenToYuanText', () => {
  it.each([
    [200_000, '2000'],
    [1250, '12.5'],
    [1999, '19.99'],
    [7, '0.07'],
    [0, '0'],
    [-1250, '-12.5']
  ])('writes %d fen as %j', (fen, text) => {
    expect(fenToYuanText(fen)).toBe(text)
  })

  it('round-trips every cent amount up to ¥100 through the input text', () => {
    for (let fen = 0; fen <= 10_000; fen++) expect(yuanToFen(fenToYuanText(fen))).toBe(fen)
  })
})

describe('formatFen', () => {
  it('writes fen as yuan with cents and thousands separators', () => {
    expect(formatFen(123_456_789)).toBe('¥1,234,567.89')
    expect(formatFen(-50)).toBe('-¥0.50')
  })
})
