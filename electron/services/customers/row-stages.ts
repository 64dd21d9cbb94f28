/**
 * Member tier and loyalty-ladder step for one page of the customer list, computed for just
 * those customers with the same definitions as the segments snapshot (shared/domain/tiers.ts,
 * shared/domain/ladder.ts), so a page never waits for a whole-shop recomputation.
 */
import type { Db } from '../../db/driver'
import { addDays } from '../../../shared/domain/dates'
import { ladderStep, type CoreCriteria, type LadderStep } from '../../../shared/domain/ladder'
import { memberTier, type TierKey, type TierRules } from '../../../shared/domain/tiers'

export interface StageRules {
  tiers: TierRules
  core: CoreCriteria
}

/** Tier and ladder step per customer id, as of `asOf`. */
export function pageStages(db: Db, ids: number[], asOf: string, rules: StageRules): Map<number, { tier: TierKey; ladder: LadderStep }> {
  const out = new Map<number, { tier: TierKey; ladder: LadderStep }>()
  if (ids.length === 0) return out
  const json = JSON.stringify(ids)
  const next = addDays(asOf, 1)
  const from = addDays(asOf, 1 - rules.core.windowDays)
  const all = db
    .prepare(
      `SELECT c.id, c.targeted, EXISTS (SELECT 1 FROM customer_tags g WHERE g.customer_id = c.id) AS tagged,
              (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.is_purchase = 1 AND o.ordered_at < @next) AS orders,
              (SELECT coalesce(sum(o.total_fen), 0) FROM orders o WHERE o.customer_id = c.id AND o.ordered_at < @next) AS spend,
              (SELECT count(*) FROM orders o WHERE o.customer_id = c.id AND o.is_purchase = 1 AND o.ordered_at >= @from AND o.ordered_at < @next) AS winOrders,
              (SELECT coalesce(sum(o.total_fen), 0) FROM orders o WHERE o.customer_id = c.id AND o.is_purchase = 1 AND o.ordered_at >= @from AND o.ordered_at < @next) AS winSpend,
              (SELECT count(DISTINCT p.category) FROM orders o JOIN order_lines l ON l.order_id = o.id AND l.amount_fen > 0
                 JOIN products p ON p.id = l.product_id
               WHERE o.customer_id = c.id AND o.ordered_at >= @from AND o.ordered_at < @next) AS winCategories,
              EXISTS (SELECT 1 FROM customers r JOIN orders o ON o.customer_id = r.id AND o.is_purchase = 1 AND o.ordered_at < @next
                      WHERE r.referred_by = c.id) AS referredBuyer
       FROM customers c WHERE c.id IN (SELECT value FROM json_each(@json))`
    )
    .all({ json, next, from }) as {
    id: number
    targeted: number
    tagged: number
    orders: number
    spend: number
    winOrders: number
    winSpend: number
    winCategories: number
    referredBuyer: number
  }[]
  for (const r of all) {
    const meetsCore =
      r.winOrders >= rules.core.minOrders &&
      r.winCategories >= rules.core.minCategories &&
      (rules.core.minSpendFen <= 0 || r.winSpend >= rules.core.minSpendFen)
    out.set(r.id, {
      tier: memberTier(r.orders, r.spend, rules.tiers),
      ladder: ladderStep({ orders: r.orders, targeted: r.targeted === 1 || r.tagged === 1, meetsCore, referredBuyer: r.referredBuyer === 1 })
    })
  }
  return out
}
