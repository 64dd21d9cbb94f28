/**
 * A stored sample (preview of a member or product list) in words: 女 for 'f', ¥388.50 for
 * 38850 fen, a lunar birthday as 农历三月初五 with the solar date it falls on this year.
 */
import { formatFen } from '@shared/domain/money'
import { lunarLabel } from '@shared/domain/lunar'
import type { StoredSample } from '@shared/schemas/imports'

type T = (key: string, params?: Record<string, unknown>) => string

/** A birthday as people read it: 农历三月初五 (1990年) · 今年公历 2026-04-21, or 公历 1988-07-21. */
export function birthdayText(t: T, date: string, lunar: boolean, solarThisYear: string | null): string {
  if (!lunar) return t('imports.samples.solar', { date })
  const md = date.length === 10 ? date.slice(5) : date
  const [month, day] = md.split('-').map(Number)
  const parts = [t('imports.samples.lunar', { label: lunarLabel(month, day) })]
  if (date.length === 10) parts[0] += `（${t('imports.samples.lunarYear', { year: date.slice(0, 4) })}）`
  if (solarThisYear) parts.push(t('imports.samples.solarThisYear', { date: solarThisYear }))
  return parts.join(' · ')
}

export function storedSampleText(t: T, s: StoredSample): string {
  switch (s.type) {
    case 'empty':
      return t('imports.samples.empty')
    case 'skipped':
      return t('imports.samples.skipped')
    case 'rejected':
      return t('imports.samples.rejected', { reason: s.reason })
    case 'text':
      return s.text
    case 'fen':
      return formatFen(s.fen)
    case 'gender':
      return t(`customer.genders.${s.gender}`)
    case 'flag':
      return t(s.value ? 'imports.samples.yes' : 'imports.samples.no')
    case 'birthday':
      return birthdayText(t, s.date, s.lunar, s.solarThisYear)
    case 'children':
      return s.children
        .map((c) =>
          t('imports.samples.child', { name: c.name ?? '', birthday: c.birthday ?? '', gender: c.gender ? t(`customer.genders.${c.gender}`) : '' }).trim()
        )
        .join('；')
  }
}
