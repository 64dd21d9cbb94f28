/**
 * Member tiers (会员等级) by purchase count and total spend. A customer reaches a tier by
 * meeting either threshold (match 'any', the usual 满N次或满X元) or both (match 'all'); the
 * highest tier reached wins. Thresholds are the shop's to edit.
 */
export const tierKeys = ['normal', 'silver', 'gold', 'diamond'] as const
export type TierKey = (typeof tierKeys)[number]

export const tierLabels: Record<TierKey, { zh: string; en: string }> = {
  normal: { zh: '普通', en: 'Regular' },
  silver: { zh: '银卡', en: 'Silver' },
  gold: { zh: '金卡', en: 'Gold' },
  diamond: { zh: '钻石', en: 'Diamond' }
}

export interface TierThreshold {
  minOrders: number
  minSpendFen: number
}

export interface TierRules {
  match: 'any' | 'all'
  silver: TierThreshold
  gold: TierThreshold
  diamond: TierThreshold
}

export const defaultTierRules: TierRules = {
  match: 'any',
  silver: { minOrders: 4, minSpendFen: 200_000 },
  gold: { minOrders: 8, minSpendFen: 600_000 },
  diamond: { minOrders: 16, minSpendFen: 1_500_000 }
}

/** Whether these figures reach one tier's threshold under the rules' matching. */
function reaches(t: TierThreshold, match: TierRules['match'], orders: number, spendFen: number): boolean {
  return match === 'all' ? orders >= t.minOrders && spendFen >= t.minSpendFen : orders >= t.minOrders || spendFen >= t.minSpendFen
}

/** The tier for a customer with these purchase occasions and spend. */
export function memberTier(orders: number, spendFen: number, rules: TierRules = defaultTierRules): TierKey {
  if (reaches(rules.diamond, rules.match, orders, spendFen)) return 'diamond'
  if (reaches(rules.gold, rules.match, orders, spendFen)) return 'gold'
  if (reaches(rules.silver, rules.match, orders, spendFen)) return 'silver'
  return 'normal'
}
