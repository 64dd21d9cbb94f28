/**
 * Which character separates columns: the candidate that splits the first rows into the
 * same number of columns most consistently. Title rows above the header and a totals row
 * are outvoted by the body.
 */
export const delimiters = [',', '\t', ';', '|'] as const
export type Delimiter = (typeof delimiters)[number]

function countOutsideQuotes(line: string, ch: string): number {
  let n = 0
  let quoted = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (c === '"') quoted = !quoted
    else if (c === ch && !quoted) n++
  }
  return n
}

/** The delimiter of this text, judged on its first 40 non-empty lines. */
export function detectDelimiter(text: string): Delimiter {
  const lines = text
    .slice(0, 200_000)
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 40)
  let best: Delimiter = ','
  let bestScore = -1
  for (const d of delimiters) {
    const counts = lines.map((l) => countOutsideQuotes(l, d))
    const freq = new Map<number, number>()
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1)
    let mode = 0
    let modeFreq = 0
    for (const [c, f] of freq) if (f > modeFreq || (f === modeFreq && c > mode)) [mode, modeFreq] = [c, f]
    if (mode === 0) continue
    // consistency first, then how many columns it makes
    const score = (modeFreq / lines.length) * 1000 + Math.min(mode, 999)
    if (score > bestScore) [best, bestScore] = [d, score]
  }
  return best
}
