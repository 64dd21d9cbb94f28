/** Display names for scheme keys in the UI language. */
import { classicLabels, cn8Labels, type ClassicSegment, type Cn8Class } from '@shared/domain/rfm'

type T = (key: string) => string

/** The name of a bucket of a scheme: lifecycle stage, ladder step, tier, RFM segment or class. */
export function bucketLabel(t: T, locale: string, scheme: string, key: string): string {
  const en = locale === 'en'
  switch (scheme) {
    case 'lifecycle':
      return key === 'none' ? t('segments.none') : t(`lifecycle.${key}`)
    case 'ladder':
      return t(`segments.ladderSteps.${key}`)
    case 'tier':
      return t(`segments.tierNames.${key}`)
    case 'rfmSegment': {
      const l = classicLabels[key as ClassicSegment] ?? cn8Labels[key as Cn8Class]
      return l ? (en ? l.en : l.zh) : key
    }
  }
  return key
}

/** Operator keys for message lookup (symbols do not make good message paths). */
export const opKey: Record<string, string> = {
  '=': 'eq',
  '!=': 'ne',
  '>': 'gt',
  '>=': 'ge',
  '<': 'lt',
  '<=': 'le',
  in: 'in',
  between: 'between',
  contains: 'contains'
}

/** Fen → '¥1,234'. */
export function yuan(fen: number, locale: string): string {
  return '¥' + new Intl.NumberFormat(locale, { maximumFractionDigits: 0 }).format(fen / 100)
}

/** The last day of 'YYYY-MM'. */
export function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number)
  const d = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${month}-${String(d).padStart(2, '0')}`
}
