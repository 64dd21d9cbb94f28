/**
 * Today's call list: replenishment due, birthdays coming up, customers about to slide to the
 * next lifecycle stage, open complaints; plus shop-wide notices. One row per customer with all
 * their reasons, ranked (call-ranking.ts) and cut at the shop's daily capacity; the rest is
 * there when asked for (`all`). A reason leaves the list once an outcome is recorded for it (a
 * no-answer brings it back the next day). One not made in time — past its last useful day, or
 * `missedAfterDays` after it fell due — is missed: it leaves today's list and is listed under
 * `missed` for `missedAfterDays` more days (an open complaint stays there until resolved).
 */
import type { Db } from '../../db/driver'
import { addDays, dayNumber } from '../../../shared/domain/dates'
import { lunarLabel } from '../../../shared/domain/lunar'
import type { CallEntry, CallEntryReason, CallList, CallReason, UnitSource } from '../../../shared/schemas/reminders'
import type { Words } from '../../../shared/schemas/predictions'
import { LIVE_CUSTOMER } from '../stats/stats-service'
import { readSettings } from '../settings/settings-service'
import { getShopName } from '../settings/shop-name'
import { readCareSettings } from './care-settings'
import { readProductPurchases } from './product-purchases'
import { unitRulesAsOf, type UnitRule } from './unit-rules'
import { dueReplenishments, type OwnRunOut } from './replenishment'
import { shopRhythm } from './customer-rhythm'
import { rhythmOrRule, type RhythmVerdict } from './rhythm-or-rule'
import { birthdayWithin } from './birthdays'
import { upcomingSlide } from './slides'
import { lastPurchaseDays } from './last-purchases'
import { keptUntilWrite } from '../app/data-version'
import { enDate, noticesFor, zhDate } from './notices'
import { birthdayUrgency, callScore, COMPLAINT_URGENCY, replenishUrgency, slideUrgency, valuePoints, yearSpend } from './call-ranking'

const STAGE_ZH = { active: '活跃期', silent: '沉默期', sleeping: '睡眠期', drifting: '流失预警', lost: '流失期' } as const

interface Draft {
  key: string
  reason: CallReason
  customerId: number
  dueDate: string
  /** the last day the call makes sense; null = until resolved (complaints) */
  lastDay: string | null
  urgency: number
  detail: Words
  /** what to say about this reason, after the greeting */
  say: Words
  /** true for a birthday that falls today */
  birthdayToday?: boolean
  /** replenishments: dated by the customer's own rhythm (model) or by days per unit (rule) */
  basis?: 'model' | 'rule'
}

interface Contact {
  id: number
  name: string | null
  phone: string | null
  consent_phone: number
  consent_sms: number
  consent_wechat: number
}

/** Replenishments due today or missed lately (`lookback` days past their end). */
function replenishDrafts(db: Db, date: string, lead: number, grace: number, lookback: number): Draft[] {
  const purchases = readProductPurchases(db, date)
  const rules = unitRulesAsOf(db, date)
  const daysFor = (id: number) => {
    const r = rules.get(id)
    return r && r.days !== null ? { days: r.days, learned: r.source === 'learned' } : null
  }
  const rhythm = shopRhythm(db, date)
  // the customer's own next purchase where it is more certain than the rule and agrees with the
  // product (rhythm-or-rule.ts); a verdict that the rhythm lies outside the product's is kept so
  // the reminder can say why it was not used (only those: this runs for every purchase of the shop)
  const outside = new Map<string, RhythmVerdict>()
  const own: OwnRunOut = (p, quantity) => {
    const v = rhythmOrRule(rhythm.nextFor(p.customerId), p, quantity, rules.get(p.productId)?.learned?.spread)
    if (v.why === 'outside') outside.set(`${p.customerId}:${p.productId}`, v)
    return v.use ? v.date : null
  }
  const today = dayNumber(date)
  return dueReplenishments(purchases, daysFor, date, lead, grace, lookback, own).map((r) => {
    const rule = rules.get(r.productId)!
    const product = rule.name
    const qty = Number.isInteger(r.quantity) ? String(r.quantity) : r.quantity.toFixed(1)
    const next = r.basis === 'model' ? rhythm.nextFor(r.customerId) : null
    const bought = { zh: `${product}：${zhDate(r.lastDay)}买了 ${qty} ${rule.unitWord}`, en: `${product}: bought ${qty} on ${enDate(r.lastDay)}` }
    let detail: Words
    if (next) {
      const gap = Math.round(next.gapDays)
      detail = {
        zh: `${bought.zh}；按顾客自己的购买节奏（约每 ${gap} 天一次）预计 ${zhDate(r.runOut)}再买（八成在 ${zhDate(next.from)}至${zhDate(next.to)}之间，比按每${rule.unitWord} ${r.daysPerUnit} 天估算更有把握）`,
        en: `${bought.en}; by the customer's own rhythm (about every ${gap} days) next purchase expected around ${enDate(r.runOut)} (80%: ${enDate(next.from)} to ${enDate(next.to)}, more certain than ${r.daysPerUnit} days a unit)`
      }
    } else {
      const basis = ruleBasis(rule)
      const why = notByRhythm(outside.get(`${r.customerId}:${r.productId}`), rhythm.nextFor(r.customerId)?.gapDays, qty, rule.unitWord)
      detail = {
        zh: `${bought.zh}，按每${rule.unitWord} ${r.daysPerUnit} 天估算${basis.zh}，约 ${zhDate(r.runOut)}用完${why.zh}`,
        en: `${bought.en}, at ${r.daysPerUnit} days a unit${basis.en}, runs out around ${enDate(r.runOut)}${why.en}`
      }
    }
    return {
      key: `replenish:${r.customerId}:${r.productId}:${r.lastDay}`,
      reason: 'replenish',
      customerId: r.customerId,
      dueDate: r.due,
      lastDay: addDays(r.runOut, grace),
      urgency: replenishUrgency(dayNumber(r.runOut) - today),
      basis: r.basis,
      detail,
      say: next
        ? {
            zh: `您${zhDate(r.lastDay)}买的${product}，按您平时的购买节奏，差不多${zhDate(r.runOut)}前后该补了，要不要先帮您留一份、送货上门？`,
            en: `Going by how often you usually come, the ${product} you bought on ${enDate(r.lastDay)} will want topping up around ${enDate(r.runOut)}. Shall we set one aside or deliver it?`
          }
        : {
            zh: `您${zhDate(r.lastDay)}买的${product}，按平时用量大约${zhDate(r.runOut)}就用完了，要不要先帮您留一份、送货上门？`,
            en: `The ${product} you bought on ${enDate(r.lastDay)} should run out around ${enDate(r.runOut)}. Shall we set one aside or deliver it?`
          }
    }
  })
}

/** Why a regular buyer's rhythm did not date this product (it dates their visits, not this refill); nothing otherwise. */
function notByRhythm(v: RhythmVerdict | undefined, gapDays: number | undefined, qty: string, unitWord: string): Words {
  if (v?.why !== 'outside' || gapDays === undefined) return { zh: '', en: '' }
  const gap = Math.round(gapDays)
  const [low, high] = [Math.round(v.low), Math.round(v.high)]
  return {
    zh: `（顾客约每 ${gap} 天来一次，但本店顾客买 ${qty} ${unitWord}要隔 ${low}–${high} 天才再买这件商品，所以不按来店节奏估算）`,
    en: ` (the customer comes about every ${gap} days, but the shop's buyers come back for ${qty} of it after ${low}–${high} days, so it is not dated by their visits)`
  }
}

/** Where the days-per-unit figure came from, and what the shop's repeat buyers say against it. */
function ruleBasis(rule: UnitRule): Words {
  const from: Record<UnitSource, Words> = {
    product: { zh: '（商品设置）', en: ' (set on the product)' },
    category: { zh: `（品类「${rule.category}」设置）`, en: ` (set on the category ${rule.category})` },
    learned: { zh: '（按本店顾客回购间隔）', en: ' (learned from repeat purchases)' },
    default: { zh: '（软件默认值）', en: " (the app's default)" }
  }
  const base = rule.source ? from[rule.source] : { zh: '', en: '' }
  const ev = rule.evidence
  if (!ev) return base
  if (ev.kind === 'yielded') return { zh: `（${ev.words.zh}）`, en: ` (${ev.words.en})` }
  return { zh: `${base.zh}；${ev.words.zh}，可在「提醒设置」里改用`, en: `${base.en}; ${ev.words.en}: take it under reminder settings` }
}

/** Birthdays in [from, to]: the coming ones, or (from before today) the ones passed lately. */
function birthdayDrafts(db: Db, date: string, from: string, to: string): Draft[] {
  const rows = db
    .prepare(`SELECT c.id, c.birthday, c.birthday_lunar FROM customers c WHERE ${LIVE_CUSTOMER} AND c.birthday IS NOT NULL AND c.birthday <> ''`)
    .all() as { id: number; birthday: string; birthday_lunar: number }[]
  const span = dayNumber(to) - dayNumber(from)
  if (span < 0) return []
  const out: Draft[] = []
  for (const r of rows) {
    const hit = birthdayWithin(r.birthday, r.birthday_lunar === 1, from, span)
    if (!hit) continue
    const inDays = dayNumber(hit.date) - dayNumber(date)
    const label = hit.lunar ? `农历${lunarLabel(hit.month, hit.day)}，${zhDate(hit.date)}` : zhDate(hit.date)
    const whenZh = inDays === 0 ? '今天' : inDays > 0 ? `${inDays} 天后` : `${-inDays} 天前`
    const whenEn = inDays === 0 ? 'today' : inDays > 0 ? `in ${inDays} days` : `${-inDays} days ago`
    out.push({
      key: `birthday:${r.id}:${hit.date}`,
      reason: 'birthday',
      customerId: r.id,
      dueDate: inDays > 0 ? date : hit.date,
      lastDay: hit.date,
      urgency: birthdayUrgency(inDays),
      birthdayToday: inDays === 0,
      detail: {
        zh: `生日 ${label}（${whenZh}）`,
        en: `birthday ${enDate(hit.date)}${hit.lunar ? ' (lunar calendar)' : ''}, ${whenEn}`
      },
      say: {
        zh: `${inDays === 0 ? '今天' : zhDate(hit.date)}是您的生日，店里给您准备了一份生日小礼物，祝您生日快乐！`,
        en: `Happy birthday${inDays === 0 ? ' today' : ` for ${enDate(hit.date)}`}! We have a small birthday gift waiting for you.`
      }
    })
  }
  return out
}

/** Slides coming within `window` days, and (lookback > 0) slides that happened in the last `lookback` days. */
function slideDrafts(db: Db, date: string, window: number, lookback: number): Draft[] {
  const t = readSettings(db).lifecycle
  const rows = lastPurchaseDays(db, date)
  const today = dayNumber(date)
  const out: Draft[] = []
  const push = (customerId: number, last: string, since: number, slide: { from: keyof typeof STAGE_ZH; to: keyof typeof STAGE_ZH; inDays: number }) =>
    out.push({
      key: `slide:${customerId}:${slide.to}:${last}`,
      reason: 'slide',
      customerId,
      dueDate: addDays(date, slide.inDays - window),
      lastDay: addDays(date, slide.inDays - 1),
      urgency: slideUrgency(slide.inDays),
      detail:
        slide.inDays >= 1
          ? {
              zh: `上次购买是 ${since} 天前，再过 ${slide.inDays} 天从${STAGE_ZH[slide.from]}进入${STAGE_ZH[slide.to]}`,
              en: `last bought ${since} days ago; moves from ${slide.from} to ${slide.to} in ${slide.inDays} ${slide.inDays === 1 ? 'day' : 'days'}`
            }
          : {
              zh: `上次购买是 ${since} 天前，${zhDate(addDays(date, slide.inDays))}已从${STAGE_ZH[slide.from]}进入${STAGE_ZH[slide.to]}`,
              en: `last bought ${since} days ago; moved from ${slide.from} to ${slide.to} on ${enDate(addDays(date, slide.inDays))}`
            },
      say: {
        zh: '好久没见您来店里了，最近到了新品，也给老顾客留了优惠，有空来看看？',
        en: 'We have not seen you for a while: new arrivals are in and there is something set aside for regulars. Drop by?'
      }
    })
  for (const [customerId, last] of rows) {
    const since = today - dayNumber(last)
    const slide = upcomingSlide(since, t, window)
    if (slide) push(customerId, last, since, slide)
    if (lookback <= 0) continue
    // the slide happened 0…lookback−1 days ago: the day it slid is threshold + 1 days after the last purchase
    for (const [from, to, threshold] of [
      ['active', 'silent', t.active],
      ['silent', 'sleeping', t.silent],
      ['sleeping', 'drifting', t.sleeping],
      ['drifting', 'lost', t.drifting]
    ] as const) {
      const inDays = threshold + 1 - since
      if (inDays <= 0 && inDays > -lookback) push(customerId, last, since, { from, to, inDays })
    }
  }
  return out
}

function complaintDrafts(db: Db, date: string, missedAfter: number): Draft[] {
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
    lastDay: addDays(r.at.slice(0, 10), missedAfter),
    urgency: COMPLAINT_URGENCY,
    detail: {
      zh: `${zhDate(r.at)}投诉${r.note ? `：${r.note}` : ''}，尚未处理完`,
      en: `complaint of ${enDate(r.at.slice(0, 10))}${r.note ? `: ${r.note}` : ''}, still open`
    },
    say: {
      zh: '关于您之前反映的问题，我们非常重视，想问问现在处理得怎么样了，还有什么我们能做的？',
      en: 'About the problem you told us of: we take it seriously. How is it now, and what else can we do?'
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

/**
 * Outcomes already recorded per reason key: the last one, and whether it closes the reason
 * today. A call about several reasons is logged once with their keys joined by spaces.
 */
function recorded(db: Db, customerIds: number[]): Map<string, { at: string; outcome: string; closedBefore: string | null; lastNoAnswer: string }> {
  const rows = db
    .prepare(
      `SELECT topic, at, outcome FROM contact_log
       WHERE customer_id IN (SELECT value FROM json_each(?)) AND topic IS NOT NULL AND topic <> '' ORDER BY at, id`
    )
    .all(JSON.stringify(customerIds)) as { topic: string; at: string; outcome: string | null }[]
  const out = new Map<string, { at: string; outcome: string; closedBefore: string | null; lastNoAnswer: string }>()
  for (const r of rows) {
    for (const key of r.topic.split(' ')) {
      if (!key) continue
      const before = out.get(key) ?? { at: r.at, outcome: '', closedBefore: null, lastNoAnswer: '' }
      before.at = r.at
      before.outcome = r.outcome ?? ''
      if (r.outcome === 'no_answer') before.lastNoAnswer = r.at.slice(0, 10)
      else before.closedBefore ??= r.at
      out.set(key, before)
    }
  }
  return out
}

/** The greeting: who is calling, from which shop (the shop name is one setting, getShopName). */
function greeting(db: Db): Words {
  const staff = readSettings(db).staffName.trim()
  const shop = getShopName(db)
  if (shop && staff) return { zh: `您好，我是${shop}的${staff}。`, en: `Hello, this is ${staff} from ${shop}. ` }
  if (shop) return { zh: `您好，这里是${shop}。`, en: `Hello, this is ${shop}. ` }
  if (staff) return { zh: `您好，我是店里的${staff}。`, en: `Hello, this is ${staff} from the shop. ` }
  return { zh: '您好，我是店里的店员。', en: 'Hello, this is the shop. ' }
}

/** Drafts of one customer → their row: reasons most pressing first, one script. */
function toEntry(drafts: Draft[], c: Contact, greet: Words, value: number, valueFen: number, last: { at: string; outcome: string } | null): CallEntry {
  const sorted = [...drafts].sort((a, b) => b.urgency - a.urgency || a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key))
  const reasons: CallEntryReason[] = sorted.map((d) => ({
    key: d.key,
    reason: d.reason,
    dueDate: d.dueDate,
    lastDay: d.lastDay,
    urgency: d.urgency,
    basis: d.basis ?? null,
    detail: d.detail
  }))
  const consent = { phone: c.consent_phone === 1, sms: c.consent_sms === 1, wechat: c.consent_wechat === 1 }
  // the same words once: two slides or two replenishments of one customer share their sentence
  const says = [...new Map(sorted.map((d) => [d.say.zh, d.say])).values()]
  return {
    key: sorted.map((d) => d.key).join(' '),
    reason: sorted[0].reason,
    reasons,
    score: callScore(
      sorted.map((d) => d.urgency),
      value
    ),
    valueFen,
    customerId: c.id,
    name: c.name,
    phone: c.phone,
    consent,
    callable: consent.phone && c.phone !== null,
    dueDate: earliestDue(drafts),
    detail: { zh: sorted.map((d) => d.detail.zh).join('；'), en: sorted.map((d) => d.detail.en).join('; ') },
    script: { zh: greet.zh + says.map((s) => s.zh).join(''), en: greet.en + says.map((s) => s.en).join(' ') },
    lastOutcome: last
  }
}

/** A row's due date: the earliest of its reasons'. */
const earliestDue = (drafts: Draft[]) => drafts.reduce((min, d) => (d.dueDate < min ? d.dueDate : min), drafts[0].dueDate)

const byRank = (a: CallEntry & { birthdayToday: boolean }, b: CallEntry & { birthdayToday: boolean }) =>
  Number(b.birthdayToday) - Number(a.birthdayToday) || b.score - a.score || a.dueDate.localeCompare(b.dueDate) || a.customerId - b.customerId

/**
 * The call list for `date`: `capacity` rows, or every row with `all`; the missed rows whole, or
 * the page `missed` names (`missedTotal` counts them all). Only the rows answered are built.
 */
export function callList(db: Db, date: string, options: { all?: boolean; missed?: { offset: number; limit: number } } = {}): CallList {
  const care = readCareSettings(db)
  const M = care.missedAfterDays
  const greet = greeting(db)
  const drafts = [
    ...complaintDrafts(db, date, M),
    ...replenishDrafts(db, date, care.replenishLeadDays, care.replenishGraceDays, M),
    ...birthdayDrafts(db, date, addDays(date, -M), addDays(date, care.birthdayDays)),
    ...slideDrafts(db, date, care.slideDays, M)
  ]
  const ids = [...new Set(drafts.map((d) => d.customerId))]
  const who = contacts(db, ids)
  const done = recorded(db, ids)
  const today = dayNumber(date)
  const live = new Map<number, Draft[]>()
  const missed = new Map<number, Draft[]>()
  const lastOutcome = new Map<number, { at: string; outcome: string }>()
  const noConsent = new Set<number>()
  for (const d of drafts) {
    const c = who.get(d.customerId)
    if (!c) continue
    const prior = done.get(d.key)
    // closed by an outcome other than no-answer, or by a no-answer today (it comes back tomorrow)
    if (prior && (prior.closedBefore !== null || prior.lastNoAnswer >= date)) continue
    if (c.consent_phone !== 1 && c.consent_sms !== 1 && c.consent_wechat !== 1) {
      noConsent.add(d.customerId)
      continue
    }
    if (prior) {
      const seen = lastOutcome.get(d.customerId)
      if (!seen || prior.at > seen.at) lastOutcome.set(d.customerId, { at: prior.at, outcome: prior.outcome })
    }
    // missed: past its last useful day, or M days after it fell due
    const end = Math.min(d.lastDay === null ? Infinity : dayNumber(d.lastDay), dayNumber(d.dueDate) + M)
    if (today <= end) {
      if (dayNumber(d.dueDate) <= today) (live.get(d.customerId) ?? live.set(d.customerId, []).get(d.customerId)!).push(d)
    } else if (today - end <= M || d.reason === 'complaint') {
      ;(missed.get(d.customerId) ?? missed.set(d.customerId, []).get(d.customerId)!).push(d)
    }
  }
  const skippedNoConsent = noConsent.size
  // kept until a write: the year's orders summed and ranked again after every call outcome cost a
  // sixth of the list at 20,000 customers, and an outcome changes neither
  const { spend, value } = keptUntilWrite(db, ['yearValue', date], () => {
    const spend: ReadonlyMap<number, number> = yearSpend(db, date)
    return { spend, value: valuePoints(spend) }
  })
  const rows = (groups: Iterable<[number, Draft[]]>) =>
    [...groups].map(([id, ds]) => ({
      ...toEntry(ds, who.get(id)!, greet, value(id), spend.get(id) ?? 0, lastOutcome.get(id) ?? null),
      birthdayToday: ds.some((d) => d.birthdayToday === true)
    }))
  const ranked = rows(live).sort(byRank)
  const counts = { replenish: 0, birthday: 0, slide: 0, complaint: 0 }
  for (const e of ranked) for (const r of e.reasons) counts[r.reason]++
  // the missed rows in their order (earliest due first, then the customer), built for the page only
  const missedOrder = [...missed].map(([id, ds]) => ({ id, ds, due: earliestDue(ds) })).sort((a, b) => a.due.localeCompare(b.due) || a.id - b.id)
  const page = options.missed
  const missedPage = (page ? missedOrder.slice(page.offset, page.offset + page.limit) : missedOrder).map(({ id, ds }) => [id, ds] as [number, Draft[]])
  const strip = ({ birthdayToday: _, ...e }: CallEntry & { birthdayToday: boolean }): CallEntry => e
  const all = options.all === true
  const audience = db
    .prepare(
      `SELECT count(*) FROM customers c WHERE ${LIVE_CUSTOMER} AND c.consent_sms = 1
       AND EXISTS (SELECT 1 FROM customer_identities i WHERE i.customer_id = c.id AND i.kind = 'phone')`
    )
    .pluck()
    .get() as number
  return {
    date,
    entries: (all ? ranked : ranked.slice(0, care.dailyCapacity)).map(strip),
    total: ranked.length,
    capacity: care.dailyCapacity,
    all,
    missed: rows(missedPage).map(strip),
    missedTotal: missedOrder.length,
    notices: noticesFor(date, care, audience),
    counts,
    skippedNoConsent,
    rhythm: shopRhythm(db, date).note
  }
}
