/** Plain figures about a backtest and the form's numeric inputs, kept out of the .vue files so they can be tested. */

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
