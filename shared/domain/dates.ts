/**
 * Shop-local calendar arithmetic on ISO strings ('2024-03-05' or '2024-03-05T14:03:00').
 * Times of day are ignored; no time zone is ever consulted, so the same data gives the same
 * answer on every PC.
 */
const DAY_MS = 86_400_000

/** Whole days since 1970-01-01 for the date part of an ISO string. */
export function dayNumber(iso: string): number {
  const y = Number(iso.slice(0, 4))
  const m = Number(iso.slice(5, 7))
  const d = Number(iso.slice(8, 10))
  return Math.round(Date.UTC(y, m - 1, d) / DAY_MS)
}

/** Whole calendar days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from)
}

/** The ISO date `n` days after `iso` (n may be negative). */
export function addDays(iso: string, n: number): string {
  return new Date((dayNumber(iso) + n) * DAY_MS).toISOString().slice(0, 10)
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
