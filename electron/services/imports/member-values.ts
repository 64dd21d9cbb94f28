/**
 * Member-list cells → the values stored on a customer: gender, birthdays (solar or lunar, with
 * or without a year), yes/no consent, tags, children, ages. Each parser answers null for an
 * empty cell (which erases nothing) and a reason for a value that cannot be true.
 */
import { LunarYear } from 'lunar-typescript'
import { lunarToSolar } from '../../../shared/domain/lunar'
import { parseDateTime, type DayOrder } from './date-parse'
import { nfkc } from './identity-values'

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string } | null

const EMPTY = new Set(['', '-', '--', '—', '/', 'null', 'none', 'n/a', 'na', '无', '空', '未知', '保密', '未填', 'unknown'])
const clean = (raw: string) => nfkc(raw).trim().replace(/^'+/, '').trim()
const isEmpty = (s: string) => EMPTY.has(s.toLowerCase())

const MALE = /^(男|男士|先生|男性|男孩|男宝|m|male|man|boy|mr\.?)$/i
const FEMALE = /^(女|女士|小姐|太太|女性|女孩|女宝|f|female|woman|girl|mrs\.?|ms\.?|miss)$/i

/** 男/先生/M → 'm', 女/女士/F → 'f'; anything else is not a gender we store. */
export function parseGender(raw: string): 'f' | 'm' | null {
  const s = clean(raw)
  if (MALE.test(s)) return 'm'
  if (FEMALE.test(s)) return 'f'
  return null
}

const NO =
  /^(否|不|不接收|不接受|不同意|拒绝|拒收|退订|已退订|取消|关闭|no|n|false|0|unsubscribed|not[ _]subscribed|opted[ _]?out|never[ _]subscribed|declined)$/i
const YES = /^(是|接收|接受|同意|订阅|已订阅|开启|yes|y|true|1|subscribed|opted[ _]?in|accepted)$/i

/** A yes/no cell: true, false, or null when empty or unclear (then nothing changes). */
export function parseConsent(raw: string): boolean | null {
  const s = clean(raw)
  if (NO.test(s)) return false
  if (YES.test(s)) return true
  return null
}

/** Tags split on , ; 、 | (full-width too), trimmed, each once. */
export function parseTags(raw: string): string[] {
  return [
    ...new Set(
      clean(raw)
        .split(/[,;、|，；]+/)
        .map((t) => t.trim())
        .filter((t) => t !== '' && t.length <= 40 && !isEmpty(t))
    )
  ]
}

/** An age (年龄 35) → the band it falls in ('30-39岁'); a band as written is kept ('80后', '25-35岁'). */
export function parseAgeBand(age: string, band: string): Parsed<string> {
  const b = clean(band)
  if (b !== '' && !isEmpty(b)) return { ok: true, value: b.slice(0, 20) }
  const a = clean(age).replace(/岁$/, '')
  if (a === '' || isEmpty(a)) return null
  if (!/^\d{1,3}$/.test(a)) return { ok: true, value: a.slice(0, 20) }
  const n = Number(a)
  if (n > 120) return { ok: false, reason: `年龄 ${n} 不可能 (impossible age)` }
  const lo = Math.floor(n / 10) * 10
  return { ok: true, value: `${lo}-${lo + 9}岁` }
}

export interface Birthday {
  /** 'YYYY-MM-DD' (of the lunar calendar when lunar) or 'MM-DD' when the year is not given */
  date: string
  lunar: boolean
}

const LUNAR_MARK = /农历|阴历|旧历|\(农\)|（农）|lunar/i
const SOLAR_MARK = /公历|阳历|新历|国历|\(公\)|（公）|solar|gregorian/i
const ZH_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 }

function zhMonth(t: string): number | null {
  if (t === '正') return 1
  if (t === '冬') return 11
  if (t === '腊') return 12
  if (/^十[一二三四五六七八九]$/.test(t)) return 10 + ZH_NUM[t[1]]
  if (t.length === 1 && ZH_NUM[t]) return ZH_NUM[t]
  if (/^\d{1,2}$/.test(t)) return Number(t)
  return null
}

function zhDay(t: string): number | null {
  if (/^\d{1,2}$/.test(t)) return Number(t)
  let m = /^初([一二三四五六七八九十])$/.exec(t)
  if (m) return ZH_NUM[m[1]]
  if (t === '十') return 10
  if (t === '二十') return 20
  if (t === '三十' || t === '卅') return 30
  m = /^十([一二三四五六七八九])$/.exec(t)
  if (m) return 10 + ZH_NUM[m[1]]
  m = /^(?:廿|二十)([一二三四五六七八九])$/.exec(t)
  if (m) return 20 + ZH_NUM[m[1]]
  return null
}

const pad = (n: number) => String(n).padStart(2, '0')
const SOLAR_DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const ZH_MONTH_WORDS = ['正', '二', '三', '四', '五', '六', '七', '八', '九', '十', '冬', '腊']

function solarExists(y: number | null, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false
  if (y === null) return d <= SOLAR_DAYS[m - 1]
  const t = new Date(Date.UTC(y, m - 1, d))
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d
}

/**
 * A birthday cell, with the calendar from a 生日类型 column or from the value itself
 * (农历三月初五, 1990-03-05(农历), 阴历1990年3月5日). A date that cannot exist (2月30日, 农历十三月)
 * or lies after the export date is a reason, not a value.
 */
export function parseBirthdayCell(raw: string, calendarCell: string, asOf: string, dayOrder: DayOrder): Parsed<Birthday> {
  let s = clean(raw)
  if (s === '' || isEmpty(s)) return null
  const cal = clean(calendarCell)
  let lunar = LUNAR_MARK.test(s) || LUNAR_MARK.test(cal)
  if (!LUNAR_MARK.test(s) && SOLAR_MARK.test(s)) lunar = false
  s = s
    .replace(LUNAR_MARK, '')
    .replace(SOLAR_MARK, '')
    .replace(/[()（）\s]/g, '')
    .replace(/生日$/, '')
  let year: number | null = null
  let month: number | null = null
  let day: number | null = null
  const zh = /^(?:(\d{4})年)?(闰)?([正冬腊一二三四五六七八九十\d]{1,3})月([初十廿卅二三一四五六七八九\d]{1,3})日?$/.exec(s)
  const ymd = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:T?\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(s)
  const compact = /^(\d{4})(\d{2})(\d{2})$/.exec(s)
  const md = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(s)
  if (ymd || compact) {
    const g = (ymd ?? compact)!
    ;[year, month, day] = [Number(g[1]), Number(g[2]), Number(g[3])]
  } else if (zh) {
    year = zh[1] ? Number(zh[1]) : null
    // a birthday in a leap month (闰) is kept in the ordinary month of that number, as lunar.ts keeps it
    month = zhMonth(zh[3])
    day = zhDay(zh[4])
    // 三月初五 written in Chinese numerals is the lunar way of writing a date
    if (/[正冬腊初廿卅一二三四五六七八九十]/.test(zh[3] + zh[4])) lunar = true
  } else if (md) {
    ;[month, day] = [Number(md[1]), Number(md[2])]
  } else if (/^\d{5}(\.\d+)?$/.test(s)) {
    const iso = parseDateTime(s, dayOrder)
    if (iso) [year, month, day] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))]
  } else {
    const iso = parseDateTime(s, dayOrder)
    if (iso) [year, month, day] = [Number(iso.slice(0, 4)), Number(iso.slice(5, 7)), Number(iso.slice(8, 10))]
  }
  if (month === null || day === null) return { ok: false, reason: '无法识别的生日 (unreadable birthday)' }
  if (year !== null && (year < 1900 || year > Number(asOf.slice(0, 4)))) {
    return { ok: false, reason: year > Number(asOf.slice(0, 4)) ? '生日在将来 (birthday in the future)' : `年份 ${year} 不可能 (impossible year)` }
  }
  if (lunar) {
    if (month < 1 || month > 12) return { ok: false, reason: `农历没有${month}月 (no lunar month ${month})` }
    if (day < 1 || day > 30) return { ok: false, reason: `农历没有${month}月${day}日 (no lunar day ${day})` }
    if (year !== null) {
      const m = LunarYear.fromYear(year).getMonth(month)
      if (!m || day > m.getDayCount()) return { ok: false, reason: `农历${year}年${ZH_MONTH_WORDS[month - 1]}月没有${day}日 (no such lunar date)` }
      if (lunarToSolar(year, month, day) > asOf.slice(0, 10)) return { ok: false, reason: '生日在将来 (birthday in the future)' }
      return { ok: true, value: { date: `${year}-${pad(month)}-${pad(day)}`, lunar: true } }
    }
    return { ok: true, value: { date: `${pad(month)}-${pad(day)}`, lunar: true } }
  }
  if (!solarExists(year, month, day)) return { ok: false, reason: `日期不存在：${month}月${day}日 (no such date)` }
  if (year === null) return { ok: true, value: { date: `${pad(month)}-${pad(day)}`, lunar: false } }
  const iso = `${year}-${pad(month)}-${pad(day)}`
  if (iso > asOf.slice(0, 10)) return { ok: false, reason: '生日在将来 (birthday in the future)' }
  return { ok: true, value: { date: iso, lunar: false } }
}

/** A date such as member since (开卡日期): 'YYYY-MM-DD', or a reason. */
export function parsePlainDate(raw: string, asOf: string, dayOrder: DayOrder): Parsed<string> {
  const s = clean(raw)
  if (s === '' || isEmpty(s)) return null
  const iso = parseDateTime(s, dayOrder)
  if (!iso) return { ok: false, reason: '无法识别的日期 (unreadable date)' }
  const day = iso.slice(0, 10)
  if (day > asOf.slice(0, 10)) return { ok: false, reason: '日期在将来 (date in the future)' }
  return { ok: true, value: day }
}

/** Several children in one row: names and birthdays split on 、 , ; | and paired in order. */
export function splitChildren(names: string, birthdays: string, genders: string): { name: string | null; birthday: string; gender: string }[] {
  const parts = (t: string) =>
    clean(t)
      .split(/[、,;|，；]+|\s+/)
      .map((p) => p.trim())
      .filter((p) => p !== '' && !isEmpty(p))
  const n = parts(names)
  const b = parts(birthdays)
  const g = parts(genders)
  const out: { name: string | null; birthday: string; gender: string }[] = []
  for (let i = 0; i < Math.max(n.length, b.length); i++) out.push({ name: n[i] ?? null, birthday: b[i] ?? '', gender: g[i] ?? '' })
  return out
}
