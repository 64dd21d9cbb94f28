/**
 * Today's call list: replenishment due, birthdays coming up, customers about to slide to the
 * next lifecycle stage, open complaints; plus shop-wide notices. Each entry carries its
 * reason in words, a suggested script and the customer's contact consent. An entry leaves
 * the list once an outcome is recorded for it (a no-answer brings it back the next day).
 */
import type { Db } from '../../db/driver'
import { addDays, dayNumber } from '../../../shared/domain/dates'
import { lunarLabel } from '../../../shared/domain/lunar'
import type { CallEntry, CallList, CallReason } from '../../../shared/schemas/reminders'
import type { Words } from '../../../shared/schemas/predictions'
import { LIVE_CUSTOMER } from '../stats/stats-service'
import { readSettings } from '../settings/settings-service'
import { readCareSettings } from './care-settings'
import { readProductPurchases } from './product-purchases'
import { learnDaysPerUnit } from './days-per-unit'
import { dueReplenishments } from './replenishment'
import { birthdayWithin } from './birthdays'
import { upcomingSlide } from './slides'
import { enDate, noticesFor, zhDate } from './notices'

const STAGE_ZH = { active: '活跃期', silent: '沉默期', sleeping: '睡眠期', drifting: '流失预警', lost: '流失期' } as const

interface Draft {
  key: string
  reason: CallReason
  customerId: number
  dueDate: string
  detail: Words
  script: Words
}

interface Contact {
  id: number
  name: string | null
  phone: string | null
  consent_phone: number
  consent_sms: number
  consent_wechat: number
}

function replenishDrafts(db: Db, date: string, lead: number, grace: number, greet: Words): Draft[] {
  const purchases = readProductPurchases(db, date)
  const learned = learnDaysPerUnit(purchases)
  const products = new Map(
    (
      db
        .prepare('SELECT p.id, p.name, p.days_per_unit AS own, c.days_per_unit AS cat FROM products p LEFT JOIN categories c ON c.name = p.category')
        .all() as { id: number; name: string; own: number | null; cat: number | null }[]
    ).map((p) => [p.id, p])
  )
  const daysFor = (id: number) => {
    const p = products.get(id)
    const set = p?.own ?? p?.cat ?? null
    if (set !== null) return { days: set, learned: false }
    const l = learned.get(id)?.days ?? null
    return l !== null ? { days: l, learned: true } : null
  }
  return dueReplenishments(purchases, daysFor, date, lead, grace).map((r) => {
    const product = products.get(r.productId)?.name ?? '?'
    const qty = Number.isInteger(r.quantity) ? String(r.quantity) : r.quantity.toFixed(1)
    return {
      key: `replenish:${r.customerId}:${r.productId}:${r.lastDay}`,
      reason: 'replenish',
      customerId: r.customerId,
      dueDate: r.due,
      detail: {
        zh: `${product}：${zhDate(r.lastDay)}买了 ${qty} 件，每件约用 ${r.daysPerUnit} 天${r.learned ? '（按顾客回购间隔估算）' : ''}，约 ${zhDate(r.runOut)}用完`,
        en: `${product}: bought ${qty} on ${enDate(r.lastDay)}, about ${r.daysPerUnit} days a unit${r.learned ? ' (learned from repeat purchases)' : ''}, runs out around ${enDate(r.runOut)}`
      },
      script: {
        zh: `${greet.zh}您${zhDate(r.lastDay)}买的${product}，按平时用量大约${zhDate(r.runOut)}就用完了，要不要先帮您留一份、送货上门？`,
        en: `${greet.en}The ${product} you bought on ${enDate(r.lastDay)} should run out around ${enDate(r.runOut)}. Shall we set one aside or deliver it?`
      }
    }
  })
}

function birthdayDrafts(db: Db, date: string, days: number, greet: Words): Draft[] {
  const rows = db
    .prepare(`SELECT c.id, c.birthday, c.birthday_lunar FROM customers c WHERE ${LIVE_CUSTOMER} AND c.birthday IS NOT NULL AND c.birthday <> ''`)
    .all() as { id: number; birthday: string; birthday_lunar: number }[]
  const out: Draft[] = []
  for (const r of rows) {
    const hit = birthdayWithin(r.birthday, r.birthday_lunar === 1, date, days)
    if (!hit) continue
    const inDays = dayNumber(hit.date) - dayNumber(date)
    const label = hit.lunar ? `农历${lunarLabel(hit.month, hit.day)}，${zhDate(hit.date)}` : zhDate(hit.date)
    out.push({
      key: `birthday:${r.id}:${hit.date}`,
      reason: 'birthday',
      customerId: r.id,
      dueDate: date,
      detail: {
        zh: `生日 ${label}（${inDays === 0 ? '今天' : `${inDays} 天后`}）`,
        en: `birthday ${enDate(hit.date)}${hit.lunar ? ' (lunar calendar)' : ''}, ${inDays === 0 ? 'today' : `in ${inDays} days`}`
      },
      script: {
        zh: `${greet.zh}${inDays === 0 ? '今天' : zhDate(hit.date)}是您的生日，店里给您准备了一份生日小礼物，祝您生日快乐！`,
        en: `${greet.en}Happy birthday${inDays === 0 ? ' today' : ` for ${enDate(hit.date)}`}! We have a small birthday gift waiting for you.`
      }
    })
  }
  return out
}

function slideDrafts(db: Db, date: string, window: number, greet: Words): Draft[] {
  const t = readSettings(db).lifecycle
  const rows = db
    .prepare(
      `SELECT o.customer_id, max(substr(o.ordered_at, 1, 10)) AS last FROM orders o
       JOIN customers c ON c.id = o.customer_id AND ${LIVE_CUSTOMER}
       WHERE o.is_purchase = 1 AND o.ordered_at < ? GROUP BY o.customer_id`
    )
    .raw()
    .all(addDays(date, 1)) as [number, string][]
  const today = dayNumber(date)
  const out: Draft[] = []
  for (const [customerId, last] of rows) {
    const since = today - dayNumber(last)
    const slide = upcomingSlide(since, t, window)
    if (!slide) continue
    out.push({
      key: `slide:${customerId}:${slide.to}:${last}`,
      reason: 'slide',
      customerId,
      dueDate: addDays(date, slide.inDays - window),
      detail: {
        zh: `上次购买是 ${since} 天前，再过 ${slide.inDays} 天从${STAGE_ZH[slide.from]}进入${STAGE_ZH[slide.to]}`,
        en: `last bought ${since} days ago; moves from ${slide.from} to ${slide.to} in ${slide.inDays} ${slide.inDays === 1 ? 'day' : 'days'}`
      },
      script: {
        zh: `${greet.zh}好久没见您来店里了，最近到了新品，也给老顾客留了优惠，有空来看看？`,
        en: `${greet.en}We have not seen you for a while: new arrivals are in and there is something set aside for regulars. Drop by?`
      }
    })
  }
  return out
}

function complaintDrafts(db: Db, date: string, greet: Words): Draft[] {
  const rows = db
    .prepare(
      `SELECT l.id, l.customer_id, l.at, l.note FROM contact_log l JOIN customers c ON c.id = l.customer_id AND ${LIVE_CUSTOMER}
       WHERE l.kind = 'complaint' AND l.outcome = 'open' AND l.at < ? ORDER BY l.at`
    )
    .all(addDays(date, 1)) as { id: number; customer_id: number; at: string; note: string | null }[]
  return rows.map((r) => ({
    key: `complaint:${r.id}`,
    reason: 'complaint',
    customerId: r.customer_id,
    dueDate: r.at.slice(0, 10),
    detail: {
      zh: `${zhDate(r.at)}投诉${r.note ? `：${r.note}` : ''}，尚未处理完`,
      en: `complaint of ${enDate(r.at.slice(0, 10))}${r.note ? `: ${r.note}` : ''}, still open`
    },
    script: {
      zh: `${greet.zh}关于您之前反映的问题，我们非常重视，想问问现在处理得怎么样了，还有什么我们能做的？`,
      en: `${greet.en}About the problem you told us of: we take it seriously. How is it now, and what else can we do?`
    }
  }))
}

function contacts(db: Db, ids: number[]): Map<number, Contact> {
  const rows = db
    .prepare(
      `SELECT c.id, c.name, c.consent_phone, c.consent_sms, c.consent_wechat,
              (SELECT value FROM customer_identities i WHERE i.customer_id = c.id AND i.kind = 'phone' ORDER BY i.id LIMIT 1) AS phone
       FROM customers c WHERE c.id IN (SELECT value FROM json_each(?))`
    )
    .all(JSON.stringify(ids)) as Contact[]
  return new Map(rows.map((r) => [r.id, r]))
}

/** Outcomes already recorded per entry key: the last one, and whether it closes the entry today. */
function recorded(db: Db, keys: string[], date: string): Map<string, { at: string; outcome: string; closed: boolean }> {
  const rows = db
    .prepare(
      `SELECT topic, at, outcome FROM contact_log WHERE topic IN (SELECT value FROM json_each(?)) ORDER BY at, id`
    )
    .all(JSON.stringify(keys)) as { topic: string; at: string; outcome: string | null }[]
  const out = new Map<string, { at: string; outcome: string; closed: boolean }>()
  for (const r of rows) {
    const before = out.get(r.topic)
    const closes = r.outcome !== 'no_answer' || r.at.slice(0, 10) >= date
    out.set(r.topic, { at: r.at, outcome: r.outcome ?? '', closed: (before?.closed ?? false) || closes })
  }
  return out
}

const reasonOrder: CallReason[] = ['complaint', 'replenish', 'birthday', 'slide']

/** The call list for `date`. */
export function callList(db: Db, date: string): CallList {
  const care = readCareSettings(db)
  const staff = readSettings(db).staffName.trim()
  const greet: Words = { zh: staff ? `您好，我是店里的${staff}。` : '您好，我是店里的店员。', en: staff ? `Hello, this is ${staff} from the shop. ` : 'Hello, this is the shop. ' }
  const drafts = [
    ...complaintDrafts(db, date, greet),
    ...replenishDrafts(db, date, care.replenishLeadDays, care.replenishGraceDays, greet),
    ...birthdayDrafts(db, date, care.birthdayDays, greet),
    ...slideDrafts(db, date, care.slideDays, greet)
  ]
  const who = contacts(db, [...new Set(drafts.map((d) => d.customerId))])
  const done = recorded(db, drafts.map((d) => d.key), date)
  let skippedNoConsent = 0
  const entries: CallEntry[] = []
  for (const d of drafts) {
    const c = who.get(d.customerId)
    if (!c) continue
    const prior = done.get(d.key)
    if (prior?.closed) continue
    const consent = { phone: c.consent_phone === 1, sms: c.consent_sms === 1, wechat: c.consent_wechat === 1 }
    if (!consent.phone && !consent.sms && !consent.wechat) {
      skippedNoConsent++
      continue
    }
    entries.push({
      ...d,
      name: c.name,
      phone: c.phone,
      consent,
      callable: consent.phone && c.phone !== null,
      lastOutcome: prior ? { at: prior.at, outcome: prior.outcome } : null
    })
  }
  entries.sort((a, b) => reasonOrder.indexOf(a.reason) - reasonOrder.indexOf(b.reason) || a.dueDate.localeCompare(b.dueDate) || a.customerId - b.customerId)
  const counts = { replenish: 0, birthday: 0, slide: 0, complaint: 0 }
  for (const e of entries) counts[e.reason]++
  const audience = db
    .prepare(
      `SELECT count(*) FROM customers c WHERE ${LIVE_CUSTOMER} AND c.consent_sms = 1
       AND EXISTS (SELECT 1 FROM customer_identities i WHERE i.customer_id = c.id AND i.kind = 'phone')`
    )
    .pluck()
    .get() as number
  return { date, entries, notices: noticesFor(date, care, audience), counts, skippedNoConsent }
}
