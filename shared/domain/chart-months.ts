/**
 * Which months a month-by-month chart draws. A shop that started selling in September should
 * not look at 22 empty bars: the chart starts at the shop's first month with sales, but never
 * more than 24 months back (the views' reach) and never fewer than 6 months, so a brand-new
 * shop's chart is a row of months with one bar at the end rather than one lone bar.
 */
export const CHART_MONTHS_MAX = 24
export const CHART_MONTHS_MIN = 6

/** 'YYYY-MM' of the month `n` months after the month of `iso` (n may be negative). */
function monthAdd(iso: string, n: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + n
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}

/**
 * The first month ('YYYY-MM') to draw for `asOf`, given the shop's first month with data
 * (null when it has none yet).
 */
export function chartFrom(asOf: string, firstDataMonth: string | null): string {
  const earliest = monthAdd(asOf, -(CHART_MONTHS_MAX - 1))
  const latest = monthAdd(asOf, -(CHART_MONTHS_MIN - 1))
  if (!firstDataMonth || firstDataMonth > latest) return latest
  return firstDataMonth < earliest ? earliest : firstDataMonth
}
