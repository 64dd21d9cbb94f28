import { describe, expect, it, test } from 'vitest'
import { parseMoneyFen, parseNumber } from '../../../electron/services/imports/money-parse'

describe('parseMoneyFen', () => {
  test.each([
    ['198', 19800],
    ['198.00', 19800],
    ['￥198.00', 19800],
    ['¥1,299.00', 129900],
    ['$1,149.00 ', 114900],
    ['€ 3,00', 300],
    ['1.234,50', 123450],
    ['12,5', 1250],
    ['1 234,56', 123456],
    ['２５０.００', 25000],
    ['-198.00', -19800],
    ['($33.62)', -3362],
    ['-$5.40', -540],
    ['12.30-', -1230],
    ['1.005', 101],
    ['-1.005', -101],
    ['0.125', 13],
    ['12.299999999999999', 1230],
    ['1,234', 123400],
    ['1,234,567.8', 123456780],
    ['100元', 10000],
    ['RMB 88', 8800],
    ["'88.80", 8880]
  ])('reads %j as %i fen', (raw, fen) => {
    expect(parseMoneyFen(raw)).toBe(fen)
  })

  test.each(['', 'abc', '1.2.3', '12,34,5', '--5', '1e5', '¥', '12 abc'])('refuses %j', (raw) => {
    expect(parseMoneyFen(raw)).toBeNull()
  })
})

describe('parseNumber', () => {
  it('reads quantities with decimals, commas and a minus', () => {
    expect(parseNumber('3')).toBe(3)
    expect(parseNumber('-1')).toBe(-1)
    expect(parseNumber('0,5')).toBe(0.5)
    expect(parseNumber('1,200')).toBe(1200)
    expect(parseNumber('３')).toBe(3)
    expect(parseNumber('x')).toBeNull()
  })
})
