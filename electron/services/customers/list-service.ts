/**
 * The customer list: one page of rows for a search and filters, with the total, as of a
 * date. Rows carry what the table shows; a phone is masked when the setting says so.
 */
import type { Db } from '../../db/driver'
import { daysBetween } from '../../../shared/domain/dates'
import { lifecycleStage, type LifecycleThresholds } from '../../../shared/domain/lifecycle'
import { maskPhone } from '../../../shared/domain/phone'
import { parseRegion } from '../../../shared/domain/region'
import type { CustomerList, CustomerListInput, CustomerQuery, CustomerRow } from '../../../shared/schemas/customers'
import { buildCustomerQuery } from './customer-query'
import { refreshCustomerSearch, searchIndexDirty } from './search-index'
import { pageStages, type StageRules } from './row-stages'

export interface ListOptions {
  asOf: string
  thresholds: LifecycleThresholds
  maskPhones: boolean
  /** member tiers and what makes a customer "core" (settings); without them no tier or step is shown */
  stages?: StageRules
  /** tests lower this to reach the broad-search path with a small shop */
  broadMatches?: number
}

/** Above this many matches, ranking beyond "exact identity first" is not worth sorting them all. */
export const BROAD_MATCHES = 2500

const WALKS = { lastPurchase: 'last_purchase', spendFen: 'spend_fen', orders: 'orders' } as const
// INDEXED BY: with an IN list of matches the planner would rather look each one up and sort them all
const WALK_INDEX: Record<string, string> = {
  last_purchase: 'customer_summaries_last',
  spend_fen: 'customer_summaries_spend',
  orders: 'customer_summaries_orders'
}

/** One page of customers and the total matching the search and filters. */
export function listCustomers(db: Db, input: CustomerListInput, o: ListOptions): CustomerList {
  if (searchIndexDirty(db)) refreshCustomerSearch(db)
  const q = buildCustomerQuery(db, input, o.asOf, o.thresholds, o.stages)
  const total = db.prepare(`SELECT count(*) ${q.countFromWhere}`).pluck().get(q.params) as number
  const field = input.sort?.field ?? (q.searching ? 'relevance' : 'lastPurchase')
  const desc = (input.sort?.dir ?? (field === 'name' || field === 'relevance' ? 'asc' : 'desc')) === 'desc'
  let ids: number[]
  if (!q.searching && desc && field in WALKS) {
    ids = indexWalkPage(db, WALKS[field as keyof typeof WALKS], q.where, q.params, input.limit, input.offset)
  } else if (q.searching && total > (o.broadMatches ?? BROAD_MATCHES) && (field === 'relevance' || (field === 'lastPurchase' && desc))) {
    ids = broadPage(db, q, input.limit, input.offset)
  } else {
    ids = db
      .prepare(`SELECT ${q.id} ${q.fromWhere} ORDER BY ${q.orderBy} LIMIT @limit OFFSET @offset`)
      .pluck()
      .all({ ...q.params, limit: input.limit, offset: input.offset }) as number[]
  }
  return { total, rows: customerRows(db, ids, o) }
}

/**
 * A search matching thousands (one digit, a city): exact identities first, then the latest
 * buyers among the matches, walking the last-purchase index instead of sorting every match.
 */
function broadPage(db: Db, q: ReturnType<typeof buildCustomerQuery>, limit: number, offset: number): number[] {
  const matches = `SELECT ${q.id} ${q.countFromWhere}`
  const exact = db.prepare(`SELECT value FROM json_each(@exact) WHERE value IN (${matches}) ORDER BY value DESC`).pluck().all(q.params) as number[]
  const head = exact.slice(offset, offset + limit)
  if (head.length === limit) return head
  const rest = indexWalkPage(
    db,
    'last_purchase',
    [`c.id IN (${matches})`, 'c.id NOT IN (SELECT value FROM json_each(@exact))'],
    q.params,
    limit - head.length,
    Math.max(0, offset - exact.length)
  )
  return [...head, ...rest]
}

/**
 * Descending order by a summary column (last purchase, spend, orders) without sorting
 * 200,000 rows: buyers come off that column's index in order, then those who never bought,
 * newest first; only a page that runs past the last buyer needs to count the buyers.
 */
function indexWalkPage(db: Db, column: string, where: string[], params: Record<string, unknown>, limit: number, offset: number): number[] {
  const w = where.join(' AND ')
  const buyers = db
    .prepare(
      `SELECT s.customer_id FROM customer_summaries s INDEXED BY ${WALK_INDEX[column]} JOIN customers c ON c.id = s.customer_id
       WHERE ${w} ORDER BY s.${column} DESC, s.customer_id DESC LIMIT @limit OFFSET @offset`
    )
    .pluck()
    .all({ ...params, limit, offset }) as number[]
  if (buyers.length === limit) return buyers
  const buyerCount = db.prepare(`SELECT count(*) FROM customer_summaries s JOIN customers c ON c.id = s.customer_id WHERE ${w}`).pluck().get(params) as number
  const rest = db
    .prepare(
      `SELECT c.id FROM customers c LEFT JOIN customer_summaries s ON s.customer_id = c.id
       WHERE ${w} AND s.customer_id IS NULL ORDER BY c.id DESC LIMIT @limit OFFSET @offset`
    )
    .pluck()
    .all({ ...params, limit: limit - buyers.length, offset: Math.max(0, offset - buyerCount) }) as number[]
  return [...buyers, ...rest]
}

/** Every customer id matching a query, in list order (for exports). */
export function matchingIds(db: Db, query: CustomerQuery, o: ListOptions): number[] {
  if (searchIndexDirty(db)) refreshCustomerSearch(db)
  const q = buildCustomerQuery(db, query, o.asOf, o.thresholds, o.stages)
  return db.prepare(`SELECT ${q.id} ${q.fromWhere} ORDER BY ${q.orderBy}`).pluck().all(q.params) as number[]
}

interface BaseRow {
  id: number
  name: string | null
  address: string | null
  province: string | null
  city: string | null
  district: string | null
  orders: number | null
  spend: number | null
  last: string | null
}

/** Table rows for these customers, in the order given. */
export function customerRows(db: Db, ids: number[], o: ListOptions): CustomerRow[] {
  if (ids.length === 0) return []
  const json = JSON.stringify(ids)
  const base = db
    .prepare(
      `SELECT c.id, c.name, c.address, c.province, c.city, c.district, s.orders, s.spend_fen AS spend, s.last_purchase AS last
       FROM customers c LEFT JOIN customer_summaries s ON s.customer_id = c.id
       WHERE c.id IN (SELECT value FROM json_each(?))`
    )
    .all(json) as BaseRow[]
  const identities = db
    .prepare(
      // '+kind': the customer index must drive; the (kind, value) index would walk every phone
      `SELECT i.customer_id AS id, i.kind, i.value FROM customer_identities i
       WHERE i.customer_id IN (SELECT value FROM json_each(?)) AND +i.kind IN ('phone', 'card') ORDER BY i.id`
    )
    .all(json) as { id: number; kind: string; value: string }[]
  const tags = db.prepare('SELECT customer_id AS id, tag FROM customer_tags WHERE customer_id IN (SELECT value FROM json_each(?)) ORDER BY tag').all(json) as {
    id: number
    tag: string
  }[]
  const channels = db
    .prepare(
      `SELECT customer_id AS id, channel FROM orders WHERE customer_id IN (SELECT value FROM json_each(?)) AND is_purchase = 1
       GROUP BY customer_id, channel ORDER BY channel`
    )
    .all(json) as { id: number; channel: string }[]

  const byId = new Map(base.map((r) => [r.id, r]))
  const phone = new Map<number, string>()
  const card = new Map<number, string>()
  for (const i of identities) {
    const target = i.kind === 'phone' ? phone : card
    if (!target.has(i.id)) target.set(i.id, i.value)
  }
  const group = <T extends { id: number }>(rows: T[], pick: (r: T) => string) => {
    const m = new Map<number, string[]>()
    for (const r of rows) (m.get(r.id) ?? m.set(r.id, []).get(r.id)!).push(pick(r))
    return m
  }
  const stages = o.stages ? pageStages(db, ids, o.asOf, o.stages) : new Map()
  const tagsById = group(tags, (r) => r.tag)
  const channelsById = group(channels, (r) => r.channel)

  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    const p = phone.get(id) ?? null
    const region = r.province || r.city ? { province: r.province, city: r.city, district: r.district } : parseRegion(r.address)
    return [
      {
        id,
        name: r.name,
        phone: p && o.maskPhones ? maskPhone(p) : p,
        memberCard: card.get(id) ?? null,
        tier: stages.get(id)?.tier ?? null,
        ladder: stages.get(id)?.ladder ?? null,
        lifecycle: r.last ? lifecycleStage(daysBetween(r.last, o.asOf), o.thresholds) : null,
        orders: r.orders ?? 0,
        spendFen: r.spend ?? 0,
        lastPurchase: r.last,
        region,
        tags: tagsById.get(id) ?? [],
        channels: channelsById.get(id) ?? []
      }
    ]
  })
}

/** Tags and regions in use among live customers, most common first. */
export function customerFacets(db: Db) {
  const tags = db
    .prepare(
      `SELECT t.tag, count(*) AS count FROM customer_tags t JOIN customers c ON c.id = t.customer_id
       WHERE c.erased_at IS NULL AND c.merged_into IS NULL GROUP BY t.tag ORDER BY count DESC, t.tag LIMIT 200`
    )
    .all() as { tag: string; count: number }[]
  const regions = db
    .prepare(
      `SELECT province, city, count(*) AS count FROM customers c
       WHERE c.erased_at IS NULL AND c.merged_into IS NULL AND province IS NOT NULL
       GROUP BY province, city ORDER BY count DESC LIMIT 200`
    )
    .all() as { province: string; city: string | null; count: number }[]
  return { tags, regions }
}
