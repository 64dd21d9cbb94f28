import { describe, expect, it } from 'vitest'
import { fitText, textWidthMm, wrappedLines, MM_PER_PT } from '../../../electron/services/printing/text-fit'

describe('text size estimates', () => {
  it('counts a Chinese character as 1 em and a Latin one as 0.55 em', () => {
    expect(textWidthMm('常青', 10)).toBeCloseTo(2 * 10 * MM_PER_PT, 9)
    expect(textWidthMm('AB12', 10)).toBeCloseTo(4 * 0.55 * 10 * MM_PER_PT, 9)
    expect(textWidthMm('（１）', 10)).toBeCloseTo(3 * 10 * MM_PER_PT, 9)
  })

  it('wraps ten 10 pt characters (35.3 mm) into two lines in a 30 mm box', () => {
    expect(wrappedLines('一二三四五六七八九十', 10, 30)).toBe(2)
    expect(wrappedLines('一二三\n四', 10, 30)).toBe(2)
  })

  it('flags text taller than its box and passes text that fits', () => {
    // 2 lines × 10 pt × 1.3 = 9.17 mm
    expect(fitText('一二三四五六七八九十', 10, 1.3, 30, 9)).toMatchObject({ lines: 2, overflows: true })
    expect(fitText('一二三四五六七八九十', 10, 1.3, 30, 9.2)).toMatchObject({ lines: 2, overflows: false })
  })
})
