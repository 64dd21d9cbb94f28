/**
 * Dates and times as exports write them → shop-local ISO ('2024-03-05T14:03:00', or
 * '2024-03-05' when the export has no time). Time zones in the text are dropped: the wall
 * clock the shop saw is what counts. Which of day and month comes first in 05/03/2024 is
 * decided once per column (see DayOrderVote), never row by row.
 */

export type DayOrder = 'dmy' | 'mdy'

const pad = (n: number | string, w = 2) => String(n).padStart(w, '0')

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30)

const TIME = /^(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:[.,]\d+)?秒?)?\s*(am|pm|上午|下午)?$/i
const TIME_PREFIX = /^(上午|下午)\s*(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})秒?)?$/

/** Counts evidence for day-first vs month-first over a whole column. */
export class DayOrderVote {
  dmy = 0
  mdy = 0
  /** separators seen in ambiguous dates: '.' and '-' lean European (day first) */
  dotted = 0
  slashed = 0

  add(raw: string): void {
    const m = /^(\d{1,2})([./-])(\d{1,2})\2(\d{2,4})/.exec(raw.trim())
    if (!m) return
    const a = Number(m[1])
    const b = Number(m[3])
    if (a > 12 && b <= 12) this.dmy++
    else if (b > 12 && a <= 12) this.mdy++
    if (m[2] === '/') this.slashed++
    else this.dotted++
  }

  get order(): DayOrder {
    if (this.dmy !== this.mdy) return this.dmy > this.mdy ? 'dmy' : 'mdy'
    return this.dotted > this.slashed ? 'dmy' : 'mdy'
  }
}

/** Parse a time of day: '14:03', '14:03:22', '2:03 PM', '下午2:03'. Answers 'HH:MM:SS' or null. */
export function parseTimeOfDay(raw: string): string | null {
  const s = raw.normalize('NFKC').trim()
  if (s === '') return null
  let h: number, mi: number, se: number, ampm: string | undefined
  const m = TIME.exec(s)
  if (m) {
    h = Number(m[1])
    mi = Number(m[2])
    se = Number(m[3] ?? 0)
    ampm = m[4]?.toLowerCase()
  } else {
    const p = TIME_PREFIX.exec(s)
    if (!p) return null
    ampm = p[1]
    h = Number(p[2])
    mi = Number(p[3])
    se = Number(p[4] ?? 0)
  }
  if (ampm === 'pm' || ampm === '下午') {
    if (h > 12) return null
    if (h < 12) h += 12
  } else if ((ampm === 'am' || ampm === '上午') && h === 12) h = 0
  if (h > 23 || mi > 59 || se > 59) return null
  return `${pad(h)}:${pad(mi)}:${pad(se)}`
}

/** An Excel serial day number (with a fraction for the time) → ISO. */
export function excelSerialToIso(serial: number): string | null {
  if (!(serial >= 1 && serial < 2958466)) return null
  const ms = Math.round((serial * 86_400_000) / 1000) * 1000 + EXCEL_EPOCH_MS
  const d = new Date(ms)
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`
  const secs = d.getUTCHours() * 3600 + d.getUTCMinutes() * 60 + d.getUTCSeconds()
  return secs === 0 && Number.isInteger(serial) ? date : `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31
}

function build(y: number, mo: number, d: number, time: string | null): string | null {
  if (y < 100) y += y < 70 ? 2000 : 1900
  if (y < 1900 || y > 2199) return null
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return null
  const date = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`
  return time ? `${date}T${time}` : date
}

/**
 * Parse a date with an optional time. Shapes: 2024/3/5 14:03, 2024-03-05 14:03:22,
 * 2024-03-05T14:03:22+08:00, 2024年3月5日 14:03, 20240305, 20240305143000, 05.03.2024,
 * 03/05/2024 (order from `order`), Excel serials (45356.59). Null when unreadable or impossible.
 */
export function parseDateTime(raw: string, order: DayOrder = 'mdy'): string | null {
  // lines of one receipt repeat the same time: answer the last one again
  if (raw === lastRaw && order === lastOrder) return lastResult
  const result = parseDateTimeUncached(raw, order)
  lastRaw = raw
  lastOrder = order
  lastResult = result
  return result
}

let lastRaw = ''
let lastOrder: DayOrder = 'mdy'
let lastResult: string | null = null

function parseDateTimeUncached(raw: string, order: DayOrder): string | null {
  let s = (/^[\x20-\x7e]*$/.test(raw) ? raw : raw.normalize('NFKC')).trim().replace(/^'+/, '')
  if (s === '') return null
  // time zones and trailing 'Z' do not move the shop's wall clock
  s = s.replace(/\s*(?:Z|[+-]\d{2}:?\d{2}|(?:GMT|UTC)(?:[+-]\d{1,2}(?::?\d{2})?)?)$/i, '')
  let m = /^(\d{4})(\d{2})(\d{2})(?:[ T]?(\d{2})(\d{2})(\d{2})?)?$/.exec(s)
  if (m) {
    const time = m[4] ? parseTimeOfDay(`${m[4]}:${m[5]}:${m[6] ?? '00'}`) : null
    if (m[4] && !time) return null
    return build(Number(m[1]), Number(m[2]), Number(m[3]), time)
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) return excelSerialToIso(Number(s))
  const [datePart, ...rest] = s.split(/[T\s]+/)
  const timeText = rest.join(' ')
  const time = timeText ? parseTimeOfDay(timeText) : null
  if (timeText && !time) return null
  m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(datePart)
  if (m) return build(Number(m[1]), Number(m[2]), Number(m[3]), time)
  m = /^(\d{1,2})([-/.])(\d{1,2})\2(\d{2}|\d{4})$/.exec(datePart)
  if (m) {
    const a = Number(m[1])
    const b = Number(m[3])
    const [d, mo] = order === 'dmy' ? [a, b] : [b, a]
    return build(Number(m[4]), mo, d, time)
  }
  return null
}
