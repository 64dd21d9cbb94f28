/** Plain figures about a backtest and the form's numeric inputs, kept out of the .vue files so they can be tested. */
import type { Backtest } from '@shared/schemas/predictions'

type Period = Backtest['periods'][number]

/**
 * The chart's label for one week: its first day, and for a short last week its days too, so a
 * five-day week's lower bar and forecast read as five days and not as a bad week.
 */
export function periodLabel(p: Period, daysWord: (n: number) => string): string {
  const day = p.from.slice(5)
  return p.partial ? `${day} (${daysWord(p.days)})` : day
}

/** The short week the chart marks, to say in words under it; null when every week is whole. */
export function partialPeriod(periods: Period[]): { from: string; to: string; days: number } | null {
  const p = periods.find((q) => q.partial)
  return p ? { from: p.from, to: p.to, days: p.days } : null
}

/** How far the forecast missed: signed percent of the actual (negative = forecast too low); null when nothing happened. */
export function forecastGapPercent(forecast: number, actual: number): number | null {
  if (actual <= 0) return null
  return Math.round(((forecast - actual) / actual) * 100)
}

/** Which sentence fits the gap: close (within 10%), under or over. */
export function trustKind(gap: number | null): 'none' | 'close' | 'under' | 'over' {
  if (gap === null) return 'none'
  if (Math.abs(gap) <= 10) return 'close'
  return gap < 0 ? 'under' : 'over'
}

/**
 * A typed number within [min, max]: '' answers null when empty is allowed, otherwise an error
 * kind. `whole` refuses fractions (days of the month, lead days).
 */
export function parseBounded(
  text: string | number | null | undefined,
  o: { min: number; max: number; whole?: boolean; allowEmpty?: boolean }
): { ok: true; value: number | null } | { ok: false; error: 'required' | 'number' | 'whole' | 'range' } {
  const s = text === null || text === undefined ? '' : String(text).trim()
  if (s === '') return o.allowEmpty ? { ok: true, value: null } : { ok: false, error: 'required' }
  const n = Number(s)
  if (!Number.isFinite(n)) return { ok: false, error: 'number' }
  if (o.whole && !Number.isInteger(n)) return { ok: false, error: 'whole' }
  if (n < o.min || n > o.max) return { ok: false, error: 'range' }
  return { ok: true, value: n }
}
