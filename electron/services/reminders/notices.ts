/**
 * Shop-wide notices on the call list: the member day (told the day before, when new products
 * go up), holidays (solar or lunar) and the shop anniversary, each shown `lead` days ahead.
 */
import { addDays, dayNumber } from '../../../shared/domain/dates'
import { lunarDatesBetween, solarDatesBetween } from '../../../shared/domain/lunar'
import type { CareSettings, Notice } from '../../../shared/schemas/reminders'

/** The member day in the month of `iso`: day D, or the month's last day when it is shorter. */
export function memberDayOfMonth(iso: string, day: number): string {
  const y = Number(iso.slice(0, 4))
  const m = Number(iso.slice(5, 7))
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate()
  return `${iso.slice(0, 7)}-${String(Math.min(day, last)).padStart(2, '0')}`
}

const zhDate = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`
// one formatter for every date: toLocaleDateString builds a new one per call (160 µs each, a third
// of the 20,000-customer demo's call list went to it)
const EN_DAY = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' })
// …and each date formatted once: a call list writes the same few hundred dates into thousands of
// rows, and formatting them took a seventh of it at 20,000 customers (ICU's own words kept, e.g. 'Sept')
const enDates = new Map<string, string>()
const enDate = (iso: string) => {
  let s = enDates.get(iso)
  if (s === undefined) enDates.set(iso, (s = EN_DAY.format(new Date(`${iso}T00:00:00Z`))))
  return s
}
const whenZh = (date: string, on: string) => {
  const d = dayNumber(on) - dayNumber(date)
  return d === 0 ? '今天' : d === 1 ? '明天' : `${d} 天后`
}
const whenEn = (date: string, on: string) => {
  const d = dayNumber(on) - dayNumber(date)
  return d === 0 ? 'today' : d === 1 ? 'tomorrow' : `in ${d} days`
}

/** Notices due on `date`; `audience` = customers who may be told by SMS. */
export function noticesFor(date: string, s: CareSettings, audience: number): Notice[] {
  const out: Notice[] = []
  if (s.memberDay !== null) {
    const to = addDays(date, s.memberDayLeadDays)
    for (const month of new Set([date.slice(0, 7), to.slice(0, 7)])) {
      const on = memberDayOfMonth(`${month}-01`, s.memberDay)
      if (dayNumber(on) < dayNumber(date) || dayNumber(on) > dayNumber(to)) continue
      out.push({
        key: `member-day:${on}`,
        kind: 'member-day',
        date: on,
        title: { zh: `会员日 ${zhDate(on)}（${whenZh(date, on)}）`, en: `Member day ${enDate(on)} (${whenEn(date, on)})` },
        script: {
          zh: `【会员日】${zhDate(on)}会员日，新品会员专享折扣，前一天已上架，欢迎来店选购。`,
          en: `[Member day] ${enDate(on)}: members' discount on new arrivals, on the shelves the day before. See you there.`
        },
        audience
      })
    }
  }
  const to = addDays(date, s.holidayLeadDays)
  for (const h of s.holidays) {
    const [m, d] = h.date.split('-').map(Number)
    const hits = h.lunar ? lunarDatesBetween(m, d, date, to) : solarDatesBetween(m, d, date, to)
    for (const on of hits) {
      out.push({
        key: `holiday:${h.name}:${on}`,
        kind: 'holiday',
        date: on,
        title: { zh: `${h.name} ${zhDate(on)}（${whenZh(date, on)}）`, en: `${h.name} ${enDate(on)} (${whenEn(date, on)})` },
        script: { zh: `${h.name}快乐！店里为老顾客准备了节日礼遇，欢迎来看看。`, en: `Happy ${h.name}! We have a holiday treat for our regulars.` },
        audience
      })
    }
  }
  if (s.anniversary) {
    const [, m, d] = s.anniversary.split('-').map(Number)
    for (const on of solarDatesBetween(m, d, date, to)) {
      const years = Number(on.slice(0, 4)) - Number(s.anniversary.slice(0, 4))
      if (years < 1) continue
      out.push({
        key: `anniversary:${on}`,
        kind: 'anniversary',
        date: on,
        title: { zh: `店庆 ${years} 周年 ${zhDate(on)}（${whenZh(date, on)}）`, en: `Shop anniversary, ${years} years, ${enDate(on)} (${whenEn(date, on)})` },
        script: {
          zh: `小店开业 ${years} 周年，感谢一路相伴！店庆期间老顾客专享回馈，欢迎来店。`,
          en: `We turn ${years}! Thank you for being with us: anniversary treats for our regulars.`
        },
        audience
      })
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date) || a.key.localeCompare(b.key))
}

export { zhDate, enDate }
