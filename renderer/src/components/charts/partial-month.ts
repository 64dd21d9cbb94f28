/**
 * The month that is still running: a chart by month must not draw it as if complete (a tiny
 * last bar of revenue, a 100 % repeat rate from a handful of buyers). It is drawn paler and
 * labelled with the day it runs to.
 */

/** Index of the month (YYYY-MM) that `asOf` (YYYY-MM-DD) falls in and has not finished, or -1. */
export function partialMonthIndex(months: string[], asOf: string): number {
  const [y, m, d] = asOf.split('-').map(Number)
  const lastDay = new Date(Date.UTC(y, m, 0)).getUTCDate()
  if (d >= lastDay) return -1
  return months.indexOf(asOf.slice(0, 7))
}

/** The day of the month `asOf` stands on, for 「至 23 日」. */
export function dayOf(asOf: string): number {
  return Number(asOf.slice(8, 10))
}

/** One colour per bar: the running month paler than the complete ones. */
export function barColors(count: number, partial: number, full: string, pale: string): string[] {
  return Array.from({ length: count }, (_, i) => (i === partial ? pale : full))
}
