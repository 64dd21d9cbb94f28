/**
 * Where the table sits in the file: the header row below any title and blank rows, and the
 * totals rows (合计 / 总计 / 小计 / Total …) that are not sales.
 */
import { normalizeHeader } from './header-names'
import { fieldForHeader } from './synonyms'

const TOTALS = ['合计', '总计', '小计', '总合计', '本页合计', '汇总', '累计', 'total', 'totals', 'grandtotal', 'subtotal', 'summary', 'sum']
const totalsWords = new Set(TOTALS.map(normalizeHeader))

const isBlank = (cells: string[]) => cells.every((c) => c.trim() === '')
const nonEmpty = (cells: string[]) => cells.filter((c) => c.trim() !== '').length
const looksNumeric = (c: string) => /^[\s¥￥$€(+-]*[\d.,:/ -]+[)\s]*$/.test(c.normalize('NFKC'))

/** A row that adds the others up: its first non-empty cell (or a label like '合计:') says so. */
export function isTotalsRow(cells: string[]): boolean {
  for (const c of cells) {
    const t = c.trim()
    if (t === '') continue
    const n = normalizeHeader(t)
    if (totalsWords.has(n)) return true
    // '合计（元）', '本日合计金额': a Chinese totals word may carry a short suffix
    return /^(合计|总计|小计|汇总|总合计|本页合计|本日合计)[\p{Script=Han}\d]{0,6}$/u.test(n)
  }
  return false
}

export function isBlankRow(cells: string[]): boolean {
  return isBlank(cells)
}

/**
 * The index of the header row among the first rows: the first whose non-empty cells mostly
 * name known fields; failing that, the first wide row of text above a row of the same width.
 */
export function detectHeaderRow(rows: string[][]): number {
  const widest = Math.max(0, ...rows.map(nonEmpty))
  for (let i = 0; i < rows.length; i++) {
    const filled = rows[i].filter((c) => c.trim() !== '')
    if (filled.length < 2) continue
    const known = filled.filter((c) => fieldForHeader(c) !== undefined).length
    if (known >= 2 && known >= filled.length * 0.3) return i
  }
  for (let i = 0; i < rows.length; i++) {
    const filled = rows[i].filter((c) => c.trim() !== '')
    if (filled.length < Math.max(2, widest * 0.6)) continue
    if (filled.filter(looksNumeric).length > filled.length / 3) continue
    return i
  }
  return 0
}
