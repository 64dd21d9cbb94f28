/**
 * Who a campaign may aim at: a saved segment (through the segments service), or one of the
 * built-in suggestions computed here over orders (as of the plan date, so a plan for a past
 * date sees that date's shop). Erased and merged-away customers are never candidates.
 */
import { lunarToSolar } from '../../../shared/domain/lunar'
import type { Db } from '../../db/driver'
import { addDays } from '../../../shared/domain/dates'
import type { LifecycleThresholds } from '../../../shared/domain/lifecycle'
import type { CampaignTarget, Suggestion } from '../../../shared/schemas/campaigns'
import type { Settings } from '../../../shared/schemas/settings'
import { segmentCustomerIds } from '../segments/membership'

const LIVE = 'c.erased_at IS NULL AND c.merged_into IS NULL'

/** Candidate customer ids for a target, ascending. */
export function targetCustomerIds(db: Db, target: CampaignTarget, asOf: string, settings: Settings): number[] {
  if ('suggestion' in target) return suggestionIds(db, target.suggestion, asOf, settings.lifecycle)
  const sel = typeof target.segment === 'number' ? { segmentId: target.segment } : { name: target.segment }
  return liveOnly(db, segmentCustomerIds(db, sel, asOf, settings))
}

/** The given ids that belong to live customers, ascending. */
function liveOnly(db: Db, ids: number[]): number[] {
  return db
    .prepare(`SELECT c.id FROM customers c WHERE ${LIVE} AND c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id`)
    .pluck()
    .all(JSON.stringify(ids)) as number[]
}

/** The built-in suggestions: sleeping repeat buyers, loyal customers, birthdays this month. */
export function suggestionIds(db: Db, suggestion: Suggestion, asOf: string, t: LifecycleThresholds): number[] {
  const next = addDays(asOf, 1)
  if (suggestion === 'sleeping') {
    // the sleeping stage (days since the last purchase past 'silent', up to 'sleeping'), two orders or more
    return db
      .prepare(
        `SELECT o.customer_id FROM orders o JOIN customers c ON c.id = o.customer_id AND ${LIVE}
         WHERE o.is_purchase = 1 AND o.ordered_at < @next
         GROUP BY o.customer_id
         HAVING count(*) >= 2 AND substr(max(o.ordered_at), 1, 10) BETWEEN @oldest AND @newest
         ORDER BY o.customer_id`
      )
      .pluck()
      .all({ next, oldest: addDays(asOf, -t.sleeping), newest: addDays(asOf, -(t.silent + 1)) }) as number[]
  }
  if (suggestion === 'loyal') {
    // repeat buyers worth telling first about a new line: four orders or more in the last twelve months
    return db
      .prepare(
        `SELECT o.customer_id FROM orders o JOIN customers c ON c.id = o.customer_id AND ${LIVE}
         WHERE o.is_purchase = 1 AND o.ordered_at < @next AND o.ordered_at >= @from
         GROUP BY o.customer_id HAVING count(*) >= 4 ORDER BY o.customer_id`
      )
      .pluck()
      .all({ next, from: addDays(asOf, -364) }) as number[]
  }
  return birthdayIds(db, asOf)
}

/** Customers whose birthday (solar, or lunar turned into this year's solar date) falls in the plan's month. */
function birthdayIds(db: Db, asOf: string): number[] {
  const month = asOf.slice(5, 7)
  const solar = db
    .prepare(`SELECT c.id FROM customers c WHERE ${LIVE} AND c.birthday_lunar = 0 AND substr(c.birthday, 6, 2) = ?`)
    .pluck()
    .all(month) as number[]
  const lunar = db.prepare(`SELECT c.id, c.birthday FROM customers c WHERE ${LIVE} AND c.birthday_lunar = 1 AND c.birthday IS NOT NULL`).all() as {
    id: number
    birthday: string
  }[]
  const year = Number(asOf.slice(0, 4))
  const inMonth = lunar.filter((r) => lunarBirthdayMonths(r.birthday, year).has(`${year}-${month}`)).map((r) => r.id)
  return [...solar, ...inMonth].sort((a, b) => a - b)
}

/** The solar year-months on which a lunar month/day falls in the lunar years that touch `year`. */
function lunarBirthdayMonths(birthday: string, year: number): Set<string> {
  const m = Number(birthday.slice(5, 7))
  const d = Number(birthday.slice(8, 10))
  const out = new Set<string>()
  for (const ly of [year - 1, year]) {
    // a 30th that this lunar month lacks is kept on the 29th (lunarToSolar does so); a month
    // that is no lunar month (bad data) gives no date
    try {
      out.add(lunarToSolar(ly, m, d).slice(0, 7))
    } catch {
      /* no such lunar month */
    }
  }
  return out
}
