/**
 * Shop-local calendar arithmetic on ISO strings ('2024-03-05' or '2024-03-05T14:03:00').
 * Times of day are ignored; no time zone is ever consulted, so the same data gives the same
 * answer on every PC.
 */
const DAY_MS = 86_400_000

/** Whole days since 1970-01-01 for the date part of an ISO string. */
export function dayNumber(iso: string): number {
  // digits read in place: the call list and the segment rules take hundreds of thousands of these,
  // and slicing three strings to numbers for Date.UTC was most of their date cost
  const y = digit(iso, 0) * 1000 + digit(iso, 1) * 100 + digit(iso, 2) * 10 + digit(iso, 3)
  const m = digit(iso, 5) * 10 + digit(iso, 6)
  const d = digit(iso, 8) * 10 + digit(iso, 9)
  // Date.UTC reads years 0–99 as 1900–1999 and rolls month 13 into the next year; those, and
  // anything not digits, keep its answer
  if (y >= 100 && m >= 1 && m <= 12 && d >= 0) return daysFromCivil(y, m, d)
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS)
}

/** The digit at `i`, NaN for anything else (so a malformed date falls through to Date.UTC). */
function digit(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48
  return c >= 0 && c <= 9 ? c : NaN
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date, without a Date (Howard Hinnant's
 * days_from_civil, http://howardhinnant.github.io/date_algorithms.html). A day past the
 * month's end counts on into the next month, as Date.UTC does.
 */
function daysFromCivil(year: number, m: number, d: number): number {
  const y = m <= 2 ? year - 1 : year
  const era = Math.floor(y / 400)
  const yoe = y - era * 400
  const doy = Math.floor((153 * ((m + 9) % 12) + 2) / 5) + d - 1
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468
}

/** The ISO date of day `z` since 1970-01-01 (Hinnant’s civil_from_days), for years 1000–9999. */
function civilFromDays(z: number): string {
  const e = z + 719468
  const era = Math.floor(e / 146097)
  const doe = e - era * 146097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  return `${y}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`
}

/** Day numbers civilFromDays writes as four-digit years: 1000-01-01 … 9999-12-31. */
const FIRST_FAST_DAY = -354_285
const LAST_FAST_DAY = 2_932_896

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/** The ISO date `n` days after `iso` (n may be negative). */
export function addDays(iso: string, n: number): string {
  const z = dayNumber(iso) + n
  // outside four-digit years (and for NaN, which throws there) toISOString's answer stands
  if (z >= FIRST_FAST_DAY && z <= LAST_FAST_DAY) return civilFromDays(z)
  return new Date(z * DAY_MS).toISOString().slice(0, 10)
}

/** True for a real calendar date in YYYY-MM-DD form. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  return addDays(s, 0) === s
}

/** Today's date in the shop's local time: the one place the clock is read, at the edges. */
export function localToday(now: Date = new Date()): string {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** The shop-local date and time, 'YYYY-MM-DDTHH:MM:SS': read only at the edges. */
export function localNow(now: Date = new Date()): string {
  const t = [now.getHours(), now.getMinutes(), now.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':')
  return `${localToday(now)}T${t}`
}
