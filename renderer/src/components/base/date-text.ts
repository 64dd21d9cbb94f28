/**
 * What staff type into a date field, read as an ISO date. They write 2026-05-25, but also
 * 2026/5/25, 2026.5.25, 20260525 or 2026年5月25日 (as the receipts and WeChat messages do):
 * each is the same day. Anything else, or a day that does not exist (2026-02-30), is null.
 */
import { isIsoDate } from '@shared/domain/dates'

const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/

export function parseDateText(text: string): string | null {
  const s = text.trim()
  const m = SEPARATED.exec(s) ?? COMPACT.exec(s)
  if (!m) return null
  const iso = `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`
  return isIsoDate(iso) ? iso : null
}

/** Whether an ISO date lies within the optional ISO bounds (string order is date order). */
export function withinBounds(iso: string, min?: string, max?: string): boolean {
  return (!min || iso >= min) && (!max || iso <= max)
}
