/**
 * What a card knows about its customer: the values behind the merge fields and the stages
 * that pick a template variant. Read in a few queries per customer from the ledger's tables.
 */
import type { Db } from '../../db/driver'
import { popularProducts } from './popular-products'
import { daysBetween } from '../../../shared/domain/dates'
import { lifecycleStage, type LifecycleStage, type LifecycleThresholds } from '../../../shared/domain/lifecycle'
import { maskPhone } from '../../../shared/domain/phone'
import type { LadderStage } from '../../../shared/schemas/printing'
import { defaultTierRules, memberTier as tierFor, tierLabels, type TierRules } from '../../../shared/domain/tiers'

export interface Recipient {
  customerId: number
  /** set for a parcel card (import-batch target): the card is about this order */
  orderId: number | null
}

export interface CustomerFacts {
  customerId: number
  orderId: number | null
  name: string | null
  salutation: string | null
  tier: string | null
  lifecycle: LifecycleStage | null
  ladder: LadderStage
  lastProduct: string | null
  lastDate: string | null
  recommended: { name: string; code: string } | null
  phone: string | null
  address: string | null
  orderNo: string | null
  campaignId: number | null
}

export const lifecycleLabels: Record<LifecycleStage, string> = { active: '活跃期', silent: '沉默期', sleeping: '睡眠期', drifting: '流失预警', lost: '流失期' }

/** The {{会员等级}} text under the shop's tier rules (settings); none before a first purchase. */
export function memberTier(orders: number, spendFen: number, rules: TierRules = defaultTierRules): string | null {
  if (orders <= 0) return null
  return `${tierLabels[tierFor(orders, spendFen, rules)].zh}会员`
}

/** The loyalty-ladder step from the summary figures (DOMAIN.md "Who is who"). */
export function ladderStage(f: { orders: number; categories: number; targeted: boolean; referredBuyers: number }): LadderStage {
  if (f.referredBuyers > 0 && f.orders > 0) return 'advocate'
  if (f.orders >= 6 && f.categories >= 3) return 'core'
  if (f.orders >= 2) return 'repeat'
  if (f.orders === 1) return 'firstTime'
  return f.targeted ? 'target' : 'prospect'
}

interface CustomerRow {
  id: number
  name: string | null
  gender: string | null
  address: string | null
  targeted: number
  orders: number | null
  spend_fen: number | null
  last_purchase: string | null
  categories: number | null
}

/** Facts for each recipient, in the recipients' order. */
export function loadFacts(
  db: Db,
  recipients: Recipient[],
  asOf: string,
  thresholds: LifecycleThresholds,
  fullPhone: boolean,
  tiers: TierRules = defaultTierRules
): CustomerFacts[] {
  return factsLoader(db, asOf, thresholds, fullPhone, tiers)(recipients)
}

/**
 * A reader of facts a part of the recipients at a time (a print job's step): the shop's popular
 * products are read once, and the recommendations made so far are kept, for every part.
 */
export function factsLoader(
  db: Db,
  asOf: string,
  thresholds: LifecycleThresholds,
  fullPhone: boolean,
  tiers: TierRules = defaultTierRules,
  /** false when nothing printed shows {{推荐商品}}: the popular products and each customer's purchases go unread */
  withRecommendations = true
): (recipients: Recipient[]) => CustomerFacts[] {
  const customersStmt = db.prepare(
    `SELECT c.id, c.name, c.gender, c.address, c.targeted, s.orders, s.spend_fen, s.last_purchase, s.categories
     FROM customers c LEFT JOIN customer_summaries s ON s.customer_id = c.id
     WHERE c.id IN (SELECT value FROM json_each(?))`
  )
  const phonesStmt = db.prepare(
    `SELECT customer_id, value FROM customer_identities WHERE kind = 'phone' AND customer_id IN (SELECT value FROM json_each(?)) ORDER BY id DESC`
  )
  const referrersStmt = db
    .prepare(
      `SELECT DISTINCT r.referred_by FROM customers r JOIN customer_summaries s ON s.customer_id = r.id
       WHERE s.orders > 0 AND r.referred_by IN (SELECT value FROM json_each(?))`
    )
    .pluck()
  const popular = withRecommendations ? popularProducts(db) : []
  const boughtStmt = db.prepare(
    `SELECT l.product_id AS id, p.category, count(*) AS n FROM order_lines l JOIN products p ON p.id = l.product_id
     WHERE l.customer_id = ? AND l.amount_fen > 0 GROUP BY l.product_id`
  )
  const lastStmt = db.prepare(
    `SELECT p.name, o.ordered_at FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id
     WHERE l.customer_id = ? AND l.amount_fen > 0 ORDER BY o.ordered_at DESC, l.amount_fen DESC LIMIT 1`
  )
  const orderStmt = db.prepare(
    `SELECT o.external_id, o.address, o.ordered_at, (SELECT p.name FROM order_lines l JOIN products p ON p.id = l.product_id
       WHERE l.order_id = o.id AND l.amount_fen > 0 ORDER BY l.amount_fen DESC LIMIT 1) AS product
     FROM orders o WHERE o.id = ?`
  )
  const recommendations = new Map<number, CustomerFacts['recommended']>()

  function recommend(customerId: number): CustomerFacts['recommended'] {
    if (recommendations.has(customerId)) return recommendations.get(customerId)!
    const bought = boughtStmt.all(customerId) as { id: number; category: string | null; n: number }[]
    const have = new Set(bought.map((b) => b.id))
    const byCategory = new Map<string, number>()
    for (const b of bought) if (b.category) byCategory.set(b.category, (byCategory.get(b.category) ?? 0) + b.n)
    const favourite = [...byCategory.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0]?.[0]
    const pick = popular.find((p) => p.category === favourite && !have.has(p.id)) ?? popular.find((p) => !have.has(p.id))
    const result = pick ? { name: pick.name, code: pick.code } : null
    recommendations.set(customerId, result)
    return result
  }

  return (recipients) => {
    const ids = JSON.stringify([...new Set(recipients.map((r) => r.customerId))])
    const customers = new Map((customersStmt.all(ids) as CustomerRow[]).map((r) => [r.id, r]))
    const phones = new Map<number, string>()
    for (const r of phonesStmt.all(ids) as { customer_id: number; value: string }[]) phones.set(r.customer_id, r.value) // descending: the oldest (first known) phone is set last and wins
    const referrers = new Set(referrersStmt.all(ids) as number[])
    return recipients.map(({ customerId, orderId }) => {
      const c = customers.get(customerId)
      const orders = c?.orders ?? 0
      const last = c?.last_purchase ?? null
      let lastProduct: string | null = null
      let lastDate: string | null = last ? last.slice(0, 10) : null
      let address = c?.address ?? null
      let orderNo: string | null = null
      if (orderId !== null) {
        const o = orderStmt.get(orderId) as { external_id: string; address: string | null; ordered_at: string; product: string | null } | undefined
        if (o) {
          orderNo = o.external_id
          address = o.address ?? address
          lastProduct = o.product
          lastDate = o.ordered_at.slice(0, 10)
        }
      } else if (orders > 0) {
        lastProduct = (lastStmt.get(customerId) as { name: string } | undefined)?.name ?? null
      }
      const phone = phones.get(customerId) ?? null
      const name = c?.name?.trim() || null
      return {
        customerId,
        orderId,
        name,
        salutation: name ? (c?.gender === 'f' ? `${name[0]}女士` : c?.gender === 'm' ? `${name[0]}先生` : name) : null,
        tier: memberTier(orders, c?.spend_fen ?? 0, tiers),
        lifecycle: last ? lifecycleStage(daysBetween(last, asOf), thresholds) : null,
        ladder: ladderStage({ orders, categories: c?.categories ?? 0, targeted: c?.targeted === 1, referredBuyers: referrers.has(customerId) ? 1 : 0 }),
        lastProduct,
        lastDate,
        recommended: withRecommendations && (orders > 0 || popular.length > 0) ? recommend(customerId) : null,
        phone: phone ? (fullPhone ? phone : maskPhone(phone)) : null,
        address,
        orderNo,
        campaignId: null
      }
    })
  }
}
