/**
 * Turns a list query (search, filters, sort) into SQL shared by the list and the export.
 * The longest search term drives: the trigram index (3+ characters) or the letter-gram index
 * (1-2 letters, plus cards and buyer ids starting with them); further terms must appear in
 * the indexed text. Ranking: an exact identity (full phone, card, buyer id) first, then a
 * field that starts with the query, then any substring, then the most recent buyer.
 * The index holds live customers only, so a plain search joins nothing it does not need.
 */
import type { Db } from '../../db/driver'
import { lifecycleStages, stageStartDays, type LifecycleThresholds } from '../../../shared/domain/lifecycle'
import { normalizePhone } from '../../../shared/domain/phone'
import type { CustomerQuery } from '../../../shared/schemas/customers'
import { idVariants, normalizeRef } from './find-by-ref'
import { SEP, ftsString, phoneDigits, searchTerms, termPlan } from './search-text'
import { ensureSnapshot, SNAPSHOT } from '../segments/snapshot'
import type { StageRules } from './row-stages'
import { refuse } from '../../../shared/errors/refuse'

export interface BuiltQuery {
  /** FROM … WHERE … for the count (joins only what the filters need) */
  countFromWhere: string
  /** FROM … WHERE … for the page (joins what the sort needs too) */
  fromWhere: string
  orderBy: string
  /** the customer id column in both */
  id: string
  /** the WHERE conditions alone (no search): lets the list walk the recency index instead */
  where: string[]
  searching: boolean
  params: Record<string, unknown>
}

const LIVE = 'c.erased_at IS NULL AND c.merged_into IS NULL'

/** A subquery answering `id` (and `body` when it comes free) for the driving term. */
function driver(term: string, params: Record<string, unknown>): { sql: string; hasBody: boolean } {
  const plan = termPlan(term)
  if (plan === 'trigram') {
    params.t0 = ftsString(term)
    return { sql: 'SELECT rowid AS id, body FROM customer_search WHERE customer_search MATCH @t0', hasBody: true }
  }
  // two letters: in a name, address, note or tag, or the start of a card or buyer id ('VI', 'tb');
  // identities are case-sensitive, so the text as typed (normalised) and in capitals
  params.t0 = ftsString(term)
  params.p0lo = term
  params.p0hi = term + '\uffff'
  params.p1lo = term.toUpperCase()
  params.p1hi = term.toUpperCase() + '\uffff'
  return {
    sql: `SELECT rowid AS id FROM customer_grams WHERE customer_grams MATCH @t0
          UNION SELECT customer_id FROM customer_identities WHERE kind IN ('card', 'phone', 'buyer', 'external')
            AND ((value >= @p0lo AND value < @p0hi) OR (value >= @p1lo AND value < @p1hi))`,
    hasBody: false
  }
}

/** Customers whose identity equals the whole query (card, phone, buyer id, external id). */
export function exactIdentityIds(db: Db, search: string): number[] {
  const text = normalizeRef(search)
  if (!text) return []
  const candidates = new Set<string>([text, text.toUpperCase(), text.toLowerCase(), ...idVariants(text)])
  const phone = normalizePhone(text.replace(/\.0+$/, '')) ?? phoneDigits(text)
  if (phone) candidates.add(phone)
  return (
    db
      // kind listed so the (kind, value) unique index answers, instead of a scan of every identity
      .prepare(
        `SELECT DISTINCT customer_id FROM customer_identities
      WHERE kind IN ('card', 'phone', 'buyer', 'external') AND value IN (SELECT value FROM json_each(?))`
      )
      .pluck()
      .all(JSON.stringify([...candidates])) as number[]
  )
}

/** SQL for a query as of a date; thresholds decide the lifecycle filter's date ranges. */
export function buildCustomerQuery(db: Db, query: CustomerQuery, asOf: string, t: LifecycleThresholds, stages?: StageRules): BuiltQuery {
  const params: Record<string, unknown> = {}
  const f = query.filters
  const where: string[] = []
  let stageCondition = ''
  if (f.ladder !== undefined || f.tier !== undefined) {
    if (!stages) throw refuse('tierFiltersNeedScheme')
    // the segments snapshot holds every customer's tier and step as of the date (cached)
    ensureSnapshot(db, asOf, { lifecycle: t, core: stages.core, tiers: stages.tiers })
    const conds: string[] = []
    if (f.tier !== undefined) {
      params.tierFilter = f.tier
      conds.push('tier = @tierFilter')
    }
    if (f.ladder !== undefined) {
      params.ladderFilter = f.ladder
      conds.push('ladder = @ladderFilter')
    }
    stageCondition = `IN (SELECT customer_id FROM ${SNAPSHOT} WHERE ${conds.join(' AND ')})`
  }
  let needCustomer = false
  let needSummary = false

  // ---- search
  const terms = searchTerms(query.search).sort((a, b) => [...b].length - [...a].length)
  let source = 'customers c'
  // an expression, not a bare integer: SQLite reads ORDER BY 2 as "the second column"
  let relevance = '(0 + 2)'
  if (terms.length > 0) {
    const d = driver(terms[0], params)
    source = `(${d.sql}) h`
    const body = d.hasBody ? 'h.body' : '(SELECT body FROM customer_search b WHERE b.rowid = h.id)'
    terms.slice(1).forEach((term, i) => {
      params[`t${i + 1}`] = term.replaceAll(' ', '')
      where.push(`instr(${body}, @t${i + 1}) > 0`)
    })
    params.exact = JSON.stringify(exactIdentityIds(db, query.search))
    params.prefix = SEP + (phoneDigits(query.search) ?? searchTerms(query.search)[0].replaceAll(' ', ''))
    relevance = `CASE WHEN h.id IN (SELECT value FROM json_each(@exact)) THEN 0 WHEN instr(${body}, @prefix) > 0 THEN 1 ELSE 2 END`
  } else {
    needCustomer = true
    where.push(LIVE)
  }
  const id = terms.length > 0 ? 'h.id' : 'c.id'
  if (stageCondition) where.push(`${id} ${stageCondition}`)

  // ---- filters
  if (f.lifecycle.length > 0) {
    needSummary = true
    const parts: string[] = []
    const since = stageStartDays(asOf, t)
    f.lifecycle.forEach((stage, i) => {
      if (stage === 'none') return parts.push('s.last_purchase IS NULL')
      const index = lifecycleStages.indexOf(stage)
      const conds: string[] = []
      if (index < 4) {
        params[`lo${i}`] = since[index]
        conds.push(`s.last_purchase >= @lo${i}`)
      }
      if (index > 0) {
        params[`hi${i}`] = since[index - 1]
        conds.push(`s.last_purchase < @hi${i}`)
      }
      parts.push(`(${conds.join(' AND ')})`)
    })
    where.push(`(${parts.join(' OR ')})`)
  }
  if (f.tags.length > 0) {
    params.tags = JSON.stringify(f.tags)
    where.push(`EXISTS (SELECT 1 FROM customer_tags ct WHERE ct.customer_id = ${id} AND ct.tag IN (SELECT value FROM json_each(@tags)))`)
  }
  if (f.region) {
    needCustomer = true
    params.region = f.region
    where.push('(c.province = @region OR c.city = @region OR c.district = @region)')
  }
  if (f.channel) {
    params.channel = f.channel
    // one pass over the orders beats a probe per customer when most customers are in the list
    where.push(`${id} IN (SELECT oc.customer_id FROM orders oc WHERE oc.channel = @channel AND oc.is_purchase = 1)`)
  }

  // ---- sort
  const field = query.sort?.field ?? (terms.length > 0 ? 'relevance' : 'lastPurchase')
  const dir = query.sort?.dir ?? (field === 'name' || field === 'relevance' ? 'asc' : 'desc')
  const d = dir === 'asc' ? 'ASC' : 'DESC'
  // SQLite sorts NULL lowest: DESC puts customers who never bought last on its own
  const recency = 's.last_purchase DESC'
  const orderBy = {
    relevance: `${relevance} ${d}, ${recency}, ${id} DESC`,
    name: `c.name IS NULL, c.name ${d}, ${id} ${d}`,
    orders: `coalesce(s.orders, 0) ${d}, ${recency}, ${id} DESC`,
    spendFen: `coalesce(s.spend_fen, 0) ${d}, ${id} DESC`,
    lastPurchase: `s.last_purchase ${d}, ${id} ${d}`,
    id: `${id} ${d}`
  }[field]
  const sortNeedsCustomer = field === 'name'
  const sortNeedsSummary = field !== 'name' && field !== 'id'

  const joins = (customer: boolean, summary: boolean) =>
    [
      source,
      terms.length > 0 && customer ? `JOIN customers c ON c.id = h.id` : '',
      summary ? `LEFT JOIN customer_summaries s ON s.customer_id = ${id}` : ''
    ].join(' ')
  const w = where.length > 0 ? `WHERE ${where.join(' AND ')}` : ''
  return {
    countFromWhere: `FROM ${joins(needCustomer, needSummary)} ${w}`,
    fromWhere: `FROM ${joins(needCustomer || sortNeedsCustomer, needSummary || sortNeedsSummary)} ${w}`,
    orderBy,
    id,
    where,
    searching: terms.length > 0,
    params
  }
}
