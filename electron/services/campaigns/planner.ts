/**
 * Plan a gift mailing: candidates from the target, exclusions counted by reason, ranking by
 * expected value, the budget and a seeded holdout over the same ranks, a gift per customer,
 * the cut line, and warnings; saved as a campaign with its members unless it is a dry run.
 */
import type { Db } from '../../db/driver'
import type { Settings } from '../../../shared/schemas/settings'
import type { PlanInput, PlanResult, PlannedMember } from '../../../shared/schemas/campaigns'
import { giftsBySku, listGifts } from './gift-catalogue'
import { customerNeeds, giftPreference, type GiftOption } from './gift-match'
import { targetCustomerIds } from './targets'
import { applyExclusions } from './exclusions'
import { scoreCandidates, type CandidateScore } from './scoring'
import { allocate, type RankedCandidate } from './allocation'
import { customerRefs } from './customer-refs'
import { detectableUplift } from './uplift'
import { saveCampaign } from './campaign-store'
import { refuse } from '../../../shared/errors/refuse'

export interface PlanEnv {
  asOf: string
  settings: Settings
  /** when the plan was made (shop-local date-time) */
  now: string
}

const MIN_PER_ARM = 30
const JUST_MISSED = 10

/** The gifts this plan may hand out: the ones named (completed from the catalogue) or the whole catalogue. */
export function giftOptions(db: Db, input: PlanInput): GiftOption[] {
  let options: GiftOption[]
  if (input.gifts.length === 0) {
    options = listGifts(db).map((g) => ({ sku: g.sku, name: g.name, costFen: g.unitCostFen, stock: g.stock, weightG: g.weightG, suits: g.suits }))
    if (options.length === 0) throw refuse('noGifts')
  } else {
    const skus = input.gifts.map((g) => g.sku)
    const twice = skus.find((sku, i) => skus.indexOf(sku) !== i)
    if (twice !== undefined) throw refuse('giftListedTwice', { sku: twice })
    const known = giftsBySku(db, skus)
    options = input.gifts.map((g) => {
      const k = known.get(g.sku)
      return { sku: g.sku, name: k?.name ?? g.sku, costFen: g.costFen, stock: g.stock ?? k?.stock ?? null, weightG: k?.weightG ?? null, suits: k?.suits ?? [] }
    })
  }
  const cap = input.perCustomerFen
  const affordable = cap === undefined ? options : options.filter((g) => g.costFen + input.postageFen <= cap)
  if (affordable.length === 0) {
    throw refuse('noGiftWithinCap', { capFen: cap ?? 0 })
  }
  if (input.giftRule === 'fixed') {
    const sku = input.fixedSku ?? (affordable.length === 1 ? affordable[0].sku : undefined)
    if (!sku) throw refuse('fixedGiftNeeded')
    const fixed = affordable.find((g) => g.sku === sku)
    if (!fixed) throw refuse('fixedGiftUnavailable', { sku })
    return [fixed]
  }
  return affordable
}

/** Plan (and unless dryRun, save) a campaign. */
export function planCampaign(db: Db, input: PlanInput, env: PlanEnv): PlanResult {
  const { asOf } = env
  const options = giftOptions(db, input)
  const candidates = targetCustomerIds(db, input.target, asOf, env.settings)
  const { eligible, excluded } = applyExclusions(db, candidates, input.exclusions, asOf)

  const scoring = scoreCandidates(db, eligible, asOf)
  const ranked: CandidateScore[] = scoring.scores.sort((a, b) => b.score - a.score || a.customerId - b.customerId)
  const rankOf = new Map(ranked.map((s, i) => [s.customerId, i + 1]))
  const scoreOf = new Map(ranked.map((s) => [s.customerId, s]))

  // needs only for the ranks the budget can reach (and the cut line below it)
  const cheapest = Math.min(...options.map((g) => g.costFen)) + input.postageFen
  const reach = cheapest > 0 ? Math.floor(input.budgetFen / cheapest) : ranked.length
  const considered = ranked.slice(0, Math.min(ranked.length, Math.ceil(reach / (1 - input.holdout)) + JUST_MISSED + 2))
  const needs = customerNeeds(
    db,
    considered.map((s) => s.customerId),
    asOf
  )
  const fallback = input.giftRule === 'fixed' ? options[0].sku : input.fixedSku
  const withPrefs: RankedCandidate[] = considered.map((s) => ({
    customerId: s.customerId,
    preference: giftPreference(needs.get(s.customerId), options, fallback)
  }))

  const alloc = allocate({ ranked: withPrefs, budgetFen: input.budgetFen, postageFen: input.postageFen, holdout: input.holdout, seed: input.seed })
  const below = withPrefs.slice(alloc.poolSize, alloc.poolSize + JUST_MISSED)
  const refs = customerRefs(db, [...alloc.treated.map((a) => a.customerId), ...alloc.control, ...below.map((c) => c.customerId)])
  const who = (id: number) => refs.get(id) ?? { ref: `#${id}`, name: '' }

  const treated: PlannedMember[] = alloc.treated.map((a) => {
    const s = scoreOf.get(a.customerId)!
    return {
      customerId: a.customerId,
      ...who(a.customerId),
      rank: rankOf.get(a.customerId)!,
      score: round2(s.score),
      valueFen: s.valueFen,
      pReturn: round4(s.pReturn),
      arm: 'treated',
      giftSku: a.gift.sku,
      giftName: a.gift.name,
      matched: a.matched,
      costFen: a.costFen
    }
  })
  const control: PlannedMember[] = alloc.control.map((id) => {
    const s = scoreOf.get(id)!
    return {
      customerId: id,
      ...who(id),
      rank: rankOf.get(id)!,
      score: round2(s.score),
      valueFen: s.valueFen,
      pReturn: round4(s.pReturn),
      arm: 'control',
      giftSku: null,
      giftName: null,
      matched: false,
      costFen: 0
    }
  })

  const remaining = input.budgetFen - alloc.costFen
  const justMissed = below.map((c) => {
    const inStock = c.preference.find(({ gift }) => gift.stock === null || (alloc.stockLeft.get(gift.sku) ?? gift.stock) > 0)
    const s = scoreOf.get(c.customerId)!
    return {
      customerId: c.customerId,
      ...who(c.customerId),
      rank: rankOf.get(c.customerId)!,
      score: round2(s.score),
      reason: inStock ? ('budget' as const) : ('stock' as const),
      costFen: inStock ? inStock.gift.costFen + input.postageFen : null
    }
  })

  const pickList = pickListOf(alloc.treated.map((a) => a.gift))
  const pool = [...treated, ...control]
  const meanReturn = pool.length ? pool.reduce((s, m) => s + m.pReturn, 0) / pool.length : 0
  const detectable = control.length > 0 && treated.length > 0 ? round4(detectableUplift(meanReturn, treated.length, control.length)) : null
  const warnings: PlanResult['warnings'] = []
  if (treated.length === 0) warnings.push({ code: 'nobody', message: '没有人可寄：目标为空、全部被排除，或预算/库存不足 (nobody to mail)' })
  if (input.holdout > 0 && control.length === 0 && treated.length > 0) {
    warnings.push({ code: 'no_control', message: '对照组为空，无法衡量效果 (no control group: results cannot be measured)' })
  } else if (control.length > 0 && (control.length < MIN_PER_ARM || treated.length < MIN_PER_ARM)) {
    warnings.push({
      code: 'small_control',
      message: `对照组只有 ${control.length} 人（每组少于 ${MIN_PER_ARM} 人），结果只能看个大概：寄了礼品的人回购率要比没寄的高出约 ${Math.round((detectable ?? 1) * 100)} 个百分点，才能确定是礼品起了作用（最小可检出差异） (control group too small to tell much)`
    })
  }
  if (treated.length > 0 && alloc.poolSize === ranked.length && remaining * 2 > input.budgetFen) {
    warnings.push({ code: 'budget_unused', message: `目标里的人都已选上，预算还剩 ${remaining} 分 (everyone eligible is in; budget left over)` })
  }

  const result: PlanResult = {
    campaignId: null,
    name: input.name,
    asOf,
    candidates: candidates.length,
    excluded,
    eligible: eligible.length,
    scoring: scoring.mode,
    treated,
    control,
    costFen: alloc.costFen,
    budgetFen: input.budgetFen,
    justMissed,
    pickList,
    detectableUplift: detectable,
    warnings
  }
  if (!input.dryRun) {
    result.campaignId = saveCampaign(db, {
      name: input.name,
      createdAt: env.now,
      asOf,
      plan: {
        input: { ...input, asOf },
        candidates: result.candidates,
        excluded,
        eligible: result.eligible,
        scoring: scoring.mode,
        budgetFen: input.budgetFen,
        costFen: alloc.costFen,
        gifts: options,
        justMissed,
        detectableUplift: detectable,
        warnings
      },
      members: pool
    })
  }
  return result
}

/** How many of each gift, by SKU. */
export function pickListOf(gifts: GiftOption[]): PlanResult['pickList'] {
  const bySku = new Map<string, PlanResult['pickList'][number]>()
  for (const g of gifts) {
    const line = bySku.get(g.sku) ?? { sku: g.sku, name: g.name, count: 0, costFen: 0, weightG: g.weightG }
    line.count++
    line.costFen += g.costFen
    bySku.set(g.sku, line)
  }
  return [...bySku.values()].sort((a, b) => (a.sku < b.sku ? -1 : 1))
}

const round2 = (x: number) => Math.round(x * 100) / 100
const round4 = (x: number) => Math.round(x * 10000) / 10000
