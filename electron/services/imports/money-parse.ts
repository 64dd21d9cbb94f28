/**
 * Money as exports write it → integer fen. Accepts ¥ ￥ $ € £ 元 RMB, thousands separators
 * (comma, space, apostrophe), decimal commas, full-width digits, a leading or trailing minus,
 * parentheses for negatives and stray spaces. Rounds half away from zero on the decimal
 * string itself, so '1.005' is 101 fen (floating point would say 100).
 */
const CURRENCY = /(rmb|cny|usd|eur|hk\$|us\$|[¥$€£]|元)/gi
const GROUPED = { ',': /^\d{1,3}(,\d{3})+$/, '.': /^\d{1,3}(\.\d{3})+$/ }
const PLAIN = /^-?\d{1,15}(\.\d{1,2})?$/

/** Integer fen, or null when the text is not an amount. Empty text is null too. */
export function parseMoneyFen(raw: string): number | null {
  // the common case, '198' or '-12.5', without the general machinery
  if (PLAIN.test(raw)) {
    const neg = raw.charCodeAt(0) === 45
    const [i, f = ''] = (neg ? raw.slice(1) : raw).split('.')
    const fen = Number(i) * 100 + Number((f + '00').slice(0, 2))
    return neg && fen !== 0 ? -fen : fen
  }
  const num = parseDecimal(raw.replace(CURRENCY, ''))
  if (num === null) return null
  const [negative, intPart, fracPart] = num
  const frac = (fracPart + '000').slice(0, 3)
  let fen = Number(intPart) * 100 + Number(frac.slice(0, 2))
  if (Number(frac[2]) >= 5) fen += 1
  if (!Number.isSafeInteger(fen)) return null
  return negative && fen !== 0 ? -fen : fen
}

/** A plain number (quantities): null when unreadable. */
export function parseNumber(raw: string): number | null {
  const num = parseDecimal(raw)
  if (num === null) return null
  const [negative, intPart, fracPart] = num
  const n = Number(`${intPart}.${fracPart || '0'}`)
  if (!Number.isFinite(n)) return null
  return negative && n !== 0 ? -n : n
}

/** [negative, integer digits, fraction digits] or null. */
function parseDecimal(raw: string): [boolean, string, string] | null {
  let s = (/^[\x20-\x7e]*$/.test(raw) ? raw : raw.normalize('NFKC')).replace(/[\s\u00a0\u2009\u202f]/g, '').replace(/^'+/, '')
  if (s === '') return null
  let negative = false
  if (/^\(.*\)$/.test(s)) {
    negative = true
    s = s.slice(1, -1)
  }
  s = s.replace(/[\u2212\u2012\u2013]/g, '-')
  if (s.startsWith('-')) {
    negative = !negative
    s = s.slice(1)
  } else if (s.endsWith('-')) {
    negative = !negative
    s = s.slice(0, -1)
  } else if (s.startsWith('+')) s = s.slice(1)
  // a currency sign inside the parentheses or after the minus: "($5.40)", "-$3"
  s = s.replace(CURRENCY, '')
  if (!/^[\d.,']+$/.test(s) || !/\d/.test(s)) return null
  s = s.replace(/'/g, '')
  const lastComma = s.lastIndexOf(',')
  const lastDot = s.lastIndexOf('.')
  let decimalSep: ',' | '.' | null = null
  if (lastComma >= 0 && lastDot >= 0) decimalSep = lastComma > lastDot ? ',' : '.'
  else if (lastDot >= 0) decimalSep = (s.match(/\./g)?.length ?? 0) > 1 ? null : '.'
  else if (lastComma >= 0) {
    // '1,234' and '1,234,567' are thousands; '12,5' and '1234,56' are decimal commas
    decimalSep = /^\d{1,3}(,\d{3})+$/.test(s) ? null : (s.match(/,/g)?.length ?? 0) === 1 ? ',' : null
  }
  let intPart = s
  let fracPart = ''
  if (decimalSep) {
    const at = s.lastIndexOf(decimalSep)
    intPart = s.slice(0, at)
    fracPart = s.slice(at + 1)
  }
  const thousands = decimalSep === ',' ? '.' : ','
  if (intPart.includes(decimalSep ?? '\u0000')) return null
  // thousands separators must sit every three digits
  if (intPart.includes(thousands) && !GROUPED[thousands].test(intPart)) return null
  intPart = intPart.split(thousands).join('')
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart) || (intPart === '' && fracPart === '')) return null
  return [negative, intPart.replace(/^0+(?=\d)/, '') || '0', fracPart]
}
