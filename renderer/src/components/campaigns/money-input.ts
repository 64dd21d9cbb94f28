/** Yuan typed by staff ↔ integer fen for the contract. */

/** '12.5' → 1250; '' or nonsense → null. */
export function yuanToFen(text: string | number): number | null {
  const s = String(text).trim()
  if (!/^\d+(\.\d{1,2})?$/.test(s)) return null
  return Math.round(Number(s) * 100)
}

/** 1250 → '12.5' (for filling an input). */
export function fenToYuanText(fen: number): string {
  return String(fen / 100)
}
