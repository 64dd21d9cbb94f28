/** Money is integer fen (分) everywhere; these turn it into text for people. */
export function formatFen(fen: number, currency = '¥'): string {
  const sign = fen < 0 ? '-' : ''
  const abs = Math.abs(Math.round(fen))
  const yuan = Math.floor(abs / 100)
  const cents = String(abs % 100).padStart(2, '0')
  return `${sign}${currency}${yuan.toLocaleString('en-US')}.${cents}`
}
