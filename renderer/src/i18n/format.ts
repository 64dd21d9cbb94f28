/** Numbers and months for people, in the UI language. Money stays integer fen until here. */
import type { Locale } from './index'

/** 12345 → "12,345". */
export function formatCount(n: number, locale: Locale | string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(n)
}

/** A share as a percentage with one decimal: (1, 3) → "33.3%". */
export function formatShare(part: number, whole: number, locale: Locale | string): string {
  if (whole === 0) return '–'
  return new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(part / whole)
}

/** Fen as short yuan for chart axes: 123456789 → "123万" / "1.2M". */
export function formatCompactYuan(fen: number, locale: Locale | string): string {
  return '¥' + new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 }).format(fen / 100)
}

/** "2026-03" → "26年3月" / "Mar 26" (UTC so no time zone shifts the month). */
export function formatMonth(month: string, locale: Locale | string): string {
  const [y, m] = month.split('-').map(Number)
  return new Intl.DateTimeFormat(locale, { year: '2-digit', month: 'short', timeZone: 'UTC' }).format(new Date(Date.UTC(y, m - 1, 1)))
}
