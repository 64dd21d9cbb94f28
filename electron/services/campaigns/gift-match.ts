/**
 * The "need" dimension: a gift suits a customer when what it is for overlaps what they buy.
 * A customer's needs are their product categories weighted by share of spend, plus their tags;
 * a gift's fit is the summed weight of the needs it suits.
 */
import type { Db } from '../../db/driver'
import { addDays } from '../../../shared/domain/dates'

export interface GiftOption {
  sku: string
  name: string
  /** one unit, fen (postage is added per customer) */
  costFen: number
  /** null = not counted */
  stock: number | null
  weightG: number | null
  suits: string[]
}

/** Per customer: need → weight (category share of spend 0..1, each tag 0.5). */
export function customerNeeds(db: Db, customerIds: number[], asOf: string): Map<number, Map<string, number>> {
  const ids = JSON.stringify(customerIds)
  const out = new Map<number, Map<string, number>>()
  const spend = db
    .prepare(
      `SELECT l.customer_id AS id, p.category AS need, sum(l.amount_fen) AS fen
       FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
       WHERE l.customer_id IN (SELECT value FROM json_each(?)) AND o.ordered_at < ? AND p.category IS NOT NULL AND l.amount_fen > 0
       GROUP BY l.customer_id, p.category`
    )
    .all(ids, addDays(asOf, 1)) as { id: number; need: string; fen: number }[]
  const totals = new Map<number, number>()
  for (const r of spend) totals.set(r.id, (totals.get(r.id) ?? 0) + r.fen)
  for (const r of spend) {
    const m = out.get(r.id) ?? new Map<string, number>()
    m.set(r.need, r.fen / (totals.get(r.id) ?? 1))
    out.set(r.id, m)
  }
  const tags = db.prepare('SELECT customer_id AS id, tag FROM customer_tags WHERE customer_id IN (SELECT value FROM json_each(?))').all(ids) as {
    id: number
    tag: string
  }[]
  for (const r of tags) {
    const m = out.get(r.id) ?? new Map<string, number>()
    m.set(r.tag, (m.get(r.tag) ?? 0) + 0.5)
    out.set(r.id, m)
  }
  return out
}

/** How well a gift fits these needs (0 = not at all). */
export function giftFit(needs: Map<string, number> | undefined, gift: GiftOption): number {
  if (!needs) return 0
  return gift.suits.reduce((s, need) => s + (needs.get(need) ?? 0), 0)
}

/**
 * Gifts in the order a customer should get them: fitting gifts by fit (then cheaper, then
 * SKU), then the fallback (the fixed SKU if one is set), then the rest by cost. The first one
 * still in stock is the one they get.
 */
export function giftPreference(
  needs: Map<string, number> | undefined,
  options: GiftOption[],
  fallbackSku: string | undefined
): { gift: GiftOption; fit: number }[] {
  const scored = options.map((gift) => ({ gift, fit: giftFit(needs, gift) }))
  const rankOf = (x: { gift: GiftOption; fit: number }) => (x.fit > 0 ? 0 : x.gift.sku === fallbackSku ? 1 : 2)
  return scored.sort(
    (a, b) => rankOf(a) - rankOf(b) || b.fit - a.fit || a.gift.costFen - b.gift.costFen || (a.gift.sku < b.gift.sku ? -1 : a.gift.sku > b.gift.sku ? 1 : 0)
  )
}
