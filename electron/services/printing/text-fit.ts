/**
 * A printer-free estimate of how much room text takes, to warn about overflow before paper is
 * spent: a CJK character (and full-width punctuation) is 1 em wide, anything else about
 * 0.55 em; lines wrap at the box width, character by character, as Chromium wraps Chinese.
 */

/** 1 pt = 25.4 / 72 mm. */
export const MM_PER_PT = 25.4 / 72

const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/

/** Width of one character in em. */
export function charEm(ch: string): number {
  if (WIDE.test(ch)) return 1
  if (ch === ' ') return 0.3
  return 0.55
}

/** Width in mm of a single line of text at a font size in pt. */
export function textWidthMm(text: string, fontSizePt: number): number {
  let em = 0
  for (const ch of text) em += charEm(ch)
  return em * fontSizePt * MM_PER_PT
}

/** How many lines the text wraps to inside a box `boxWidthMm` wide. */
export function wrappedLines(text: string, fontSizePt: number, boxWidthMm: number): number {
  const emMm = fontSizePt * MM_PER_PT
  let lines = 0
  for (const paragraph of text.split('\n')) {
    lines++
    let used = 0
    for (const ch of paragraph) {
      const w = charEm(ch) * emMm
      if (used + w > boxWidthMm + 1e-6 && used > 0) {
        lines++
        used = ch === ' ' ? 0 : w
      } else used += w
    }
  }
  return lines
}

export interface Fit {
  lines: number
  heightMm: number
  /** widest line in mm when nothing wraps (for single-line blocks) */
  widthMm: number
  overflows: boolean
}

/** Whether merged text fits its block's box. */
export function fitText(text: string, fontSizePt: number, lineHeight: number, boxWidthMm: number, boxHeightMm: number): Fit {
  const lines = wrappedLines(text, fontSizePt, boxWidthMm)
  const heightMm = lines * fontSizePt * MM_PER_PT * lineHeight
  const widthMm = Math.max(0, ...text.split('\n').map((l) => textWidthMm(l, fontSizePt)))
  // a single glyph wider than the box cannot wrap: that overflows too
  const widestChar = Math.max(0, ...[...text].map((c) => charEm(c) * fontSizePt * MM_PER_PT))
  return { lines, heightMm, widthMm, overflows: heightMm > boxHeightMm + 0.05 || widestChar > boxWidthMm + 0.05 }
}
