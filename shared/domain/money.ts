/** Money is integer fen (分) everywhere; these turn it into text for people. */
export function formatFen(fen: number, currency = '¥'): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}${currency}${yuan.toLocaleString('en-US')}.${cents}`
}

/**
 * Yuan as staff type it → integer fen: '12.5' → 1250, '2000' → 200000. Digits with at most two
 * decimals and at most nine before the point; anything else (blank, '-1', '1e3', '¥5') → null.
 */
export function yuanToFen(text: string | number): number | null {
  const s = String(text).trim()
  const m = /^(\d{1,9})(?:\.(\d{1,2}))?$/.exec(s)
  if (!m) return null
  // whole yuan and cents added as integers, so 19.99 never becomes 1998.9999…
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'))
}

/** Integer fen → yuan for filling an input: 1250 → '12.5', 200000 → '2000', 1999 → '19.99'. */
export function fenToYuanText(fen: number): string {
  const abs = Math.abs(Math.round(fen))
  const cents = abs % 100
  const whole = `${fen < 0 ? '-' : ''}${Math.floor(abs / 100)}`
  if (cents === 0) return whole
  return `${whole}.${String(cents).padStart(2, '0').replace(/0$/, '')}`
}
