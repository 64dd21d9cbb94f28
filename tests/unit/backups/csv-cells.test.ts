import { describe, expect, it } from 'vitest'
import { neutralizeCell, restoreCell } from '../../../electron/services/backups/csv-cells'

describe('formula injection in exported cells', () => {
  it.each([
    ['=HYPERLINK("http://x")', `'=HYPERLINK("http://x")`],
    ['+86 138', `'+86 138`],
    ['-2', `'-2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ["'quoted", `''quoted`],
    ['王静', '王静']
  ])('writes %j as %j and reads it back unchanged', (raw, written) => {
    expect(neutralizeCell(raw)).toBe(written)
    expect(restoreCell(neutralizeCell(raw))).toBe(raw)
  })
})
