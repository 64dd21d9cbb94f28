/**
 * Turns a list query (search, filters, sort) into SQL shared by the list and the export.
 * Search terms go through the trigram index (3+ characters), the letter-gram index (1-2
 * letters) or, for one or two digits, a scan of the indexed text. Ranking: an exact identity
 * (full phone, card, buyer id) first, then a field that starts with the query, then any
 * substring, then the most recent buyer.
 */
import type { Db } from '../../db/driver'
import { addDays } from '../../../shared/domain/dates'
import type { LifecycleThresholds } from '../../../shared/domain/lifecycle'
import { normalizePhone } from '../../../shared/domain/phone'
import { DomainError } from '../../../shared/result'
import type { CustomerQuery } from '../../../shared/schemas/customers'
import { normalizeRef } from './find-by-ref'
import { SEP, ftsString, phoneDigits, searchTerms, termPlan } from './search-text'

export interface BuiltQuery {
  /** FROM … WHERE … (no ORDER BY) */
  fromWhere: string
  orderBy: string
  params: Record<string, unknown>
}

const LIVE = 'c.erased_at IS NULL AND c.merged_into IS NULL'

function termSource(term: string, key: string, params: Record<string, unknown>): string {
  const plan = termPlan(term)
  if (plan === 'trigram') {
    params[key] = ftsString(term)
    return `SELECT rowid FROM customer_search WHERE customer_search MATCH @${key}`
  }
  if (plan === 'grams') {
    params[key] = ftsString(term)
    return `SELECT rowid FROM customer_grams WHERE customer_grams MATCH @${key}`
  }
  params[key] = term
  return `SELECT rowid FROM customer_search WHERE instr(body, @${key}) > 0`
}

/** Customers whose identity equals the whole query (card, phone, buyer id, external id). */
export function exactIdentityIds(db: Db, search: string): number[] {
  const text = normalizeRef(search)
  if (!text) return []
  const candidates = new Set<string>([text, text.toUpperCase(), text.toLowerCase()])
  const phone = normalizePhone(text) ?? phoneDigits(text)
  if (phone) candidates.add(phone)
  const rows = db
    .prepare('SELECT DISTINCT customer_id FROM customer_identities WHERE value IN (SELECT value FROM json_each(?))')
    .pluck()
    .all(JSON.stringify([...candidates])) as number[]
  return rows
}

/** SQL for a query as of a date; thresholds decide the lifecycle filter's date ranges. */
export function buildCustomerQuery(db: Db, query: CustomerQuery, asOf: string, t: LifecycleThresholds): BuiltQuery {
  const params: Record<string, unknown> = {}
  const where: string[] = [LIVE]
  const f = query.filters
  if (f.ladder !== undefined || f.tier !== undefined) {
    throw new DomainError('BAD_INPUT', '会员等级和忠诚度阶梯筛选尚未提供 (tier and ladder filters are not available yet)')
  }

  const terms = searchTerms(query.search)
  let from = 'customers c'
  let relevance = '2'
  if (terms.length > 0) {
    from = `(${termSource(terms[0], 't0', params)}) h JOIN customers c ON c.id = h.rowid`
    terms.slice(1).forEach((term, i) => where.push(`c.id IN (${termSource(term, `t${i + 1}`, params)})`))
    const exact = exactIdentityIds(db, query.search)
    params.exact = JSON.stringify(exact)
    params.prefix = SEP + terms[0]
    relevance = `CASE WHEN c.id IN (SELECT value FROM json_each(@exact)) THEN 0
      WHEN instr((SELECT body FROM customer_search b WHERE b.rowid = c.id), @prefix) > 0 THEN 1 ELSE 2 END`
  }
  from += ' LEFT JOIN customer_summaries s ON s.customer_id = c.id'

  if (f.lifecycle.length > 0) {
    const parts: string[] = []
    const bounds = [t.active, t.silent, t.sleeping, t.drifting]
    f.lifecycle.forEach((stage, i) => {
      if (stage === 'none') return parts.push('s.last_purchase IS NULL')
      const index = ['active', 'silent', 'sleeping', 'drifting', 'lost'].indexOf(stage)
      const conds: string[] = []
      // days since last purchase ≤ bound  ⇔  last_purchase ≥ asOf − bound (as a date)
      if (index < 4) {
        params[`lo${i}`] = addDays(asOf, -bounds[index])
        conds.push(`s.last_purchase >= @lo${i}`)
      }
      if (index > 0) {
        params[`hi${i}`] = addDays(asOf, -bounds[index - 1])
        conds.push(`s.last_purchase < @hi${i}`)
      }
      parts.push(`(${conds.join(' AND ')})`)
    })
    where.push(`(${parts.join(' OR ')})`)
  }
  if (f.tags.length > 0) {
    params.tags = JSON.stringify(f.tags)
    where.push('EXISTS (SELECT 1 FROM customer_tags ct WHERE ct.customer_id = c.id AND ct.tag IN (SELECT value FROM json_each(@tags)))')
  }
  if (f.region) {
    params.region = f.region
    where.push('(c.province = @region OR c.city = @region OR c.district = @region)')
  }
  if (f.channel) {
    params.channel = f.channel
    where.push('EXISTS (SELECT 1 FROM orders oc WHERE oc.customer_id = c.id AND oc.is_purchase = 1 AND oc.channel = @channel)')
  }

  const field = query.sort?.field ?? (terms.length > 0 ? 'relevance' : 'lastPurchase')
  const dir = query.sort?.dir ?? (field === 'name' || field === 'relevance' ? 'asc' : 'desc')
  const d = dir === 'asc' ? 'ASC' : 'DESC'
  const recency = 's.last_purchase DESC NULLS LAST'
  const orderBy = {
    relevance: `${relevance} ${d}, ${recency}, c.id DESC`,
    name: `c.name IS NULL, c.name ${d}, c.id ${d}`,
    orders: `coalesce(s.orders, 0) ${d}, ${recency}, c.id DESC`,
    spendFen: `coalesce(s.spend_fen, 0) ${d}, c.id DESC`,
    lastPurchase: `s.last_purchase ${d} NULLS LAST, c.id ${d}`,
    id: `c.id ${d}`
  }[field]
  return { fromWhere: `FROM ${from} WHERE ${where.join(' AND ')}`, orderBy, params }
}
