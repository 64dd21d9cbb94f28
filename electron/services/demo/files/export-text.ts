/** How POS and Tmall exports spell money and times, shared by the demo's file writers. */

/** 26800 → "268.00"; −26800 → "-268.00" */
export function yuanText(fen: number): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(fen)
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`
}

/** "2025-03-04T10:22:33" → "2025-03-04 10:22:33" */
export function exportTime(iso: string): string {
  return iso.replace('T', ' ')
}
