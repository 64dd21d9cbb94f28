/** Birthdays (solar or lunar) falling in the coming days. */
import { addDays } from '../../../shared/domain/dates'
import { lunarDatesBetween, solarDatesBetween } from '../../../shared/domain/lunar'

export interface BirthdayHit {
  /** the solar date it falls on this time */
  date: string
  month: number
  day: number
  lunar: boolean
}

/** Month and day of a stored birthday ('YYYY-MM-DD' or 'MM-DD'); null when unreadable. */
export function parseBirthday(text: string): { month: number; day: number } | null {
  const m = /(?:^|-)(\d{1,2})-(\d{1,2})$/.exec(text.trim())
  if (!m) return null
  const month = Number(m[1])
  const day = Number(m[2])
  if (month < 1 || month > 12 || day < 1 || day > 31) return null
  return { month, day }
}

/** The occurrence of this birthday within [date, date + days], if any. */
export function birthdayWithin(birthday: string, lunar: boolean, date: string, days: number): BirthdayHit | null {
  const md = parseBirthday(birthday)
  if (!md) return null
  if (lunar && md.day > 30) return null
  const to = addDays(date, days)
  const hits = lunar ? lunarDatesBetween(md.month, md.day, date, to) : solarDatesBetween(md.month, md.day, date, to)
  return hits.length ? { date: hits[0], month: md.month, day: md.day, lunar } : null
}
