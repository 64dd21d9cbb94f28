import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { buildShop, type ShopCustomer } from './build-shop'
import { saveCampaign } from '../../../electron/services/campaigns/campaign-store'
import type { CampaignResults } from '../../../shared/schemas/campaigns'

/**
 * A constructed mailing with a known answer: 70 treated of whom 56 buy (80 %), 80 controls
 * of whom 48 buy (60 %), every purchase 100 yuan, every gift 15 yuan with postage. This is
 * the example of Newcombe (1998, Stat Med 17:873, table II), so the interval is published.
 */
async function constructedMailing() {
  const ctx = testContext('2027-03-01')
  const card = (arm: string, i: number) => `${arm}${String(i).padStart(3, '0')}`
  const before: ShopCustomer[] = []
  for (let i = 0; i < 70; i++) before.push({ card: card('T', i), orders: ['2026-03-01', '2026-05-01'] })
  for (let i = 0; i < 80; i++) before.push({ card: card('C', i), orders: ['2026-03-01', '2026-05-01'] })
  const ids = await buildShop(ctx.db, before)
  const id = saveCampaign(ctx.db, {
    name: '构造的活动',
    createdAt: '2026-11-23T12:00:00',
    asOf: '2026-11-23',
    plan: {},
    members: [
      ...Array.from({ length: 70 }, (_, i) => ({
        customerId: ids.get(card('T', i))!,
        arm: 'treated' as const,
        rank: i + 1,
        score: 1,
        giftSku: 'TEA',
        costFen: 1500
      })),
      ...Array.from({ length: 80 }, (_, i) => ({
        customerId: ids.get(card('C', i))!,
        arm: 'control' as const,
        rank: 71 + i,
        score: 1,
        giftSku: null,
        costFen: 0
      }))
    ]
  })
  ctx.db.prepare('UPDATE campaigns SET mailing_date = ? WHERE id = ?').run('2026-12-01', id)
  const after: ShopCustomer[] = [
    ...Array.from({ length: 56 }, (_, i) => ({ card: card('T', i), orders: ['2026-12-10'] })),
    ...Array.from({ length: 48 }, (_, i) => ({ card: card('C', i), orders: ['2026-12-20'] })),
    { card: card('T', 60), orders: ['2026-12-01'] }, // on the mailing day itself: before the gift arrived, not counted
    { card: card('T', 61), orders: ['2027-01-15'] }, // day 45: inside 60 days, outside 30
    { card: card('C', 70), orders: ['2026-12-05'], amountFen: -5000 } // a return only: not a purchase
  ]
  await buildShop(ctx.db, after, 'later-sales.csv')
  return { ctx, id }
}

async function results(input: Record<string, unknown>): Promise<CampaignResults> {
  const { ctx, id } = await constructedMailing()
  const r = await testDispatch(ctx)('campaigns.results', { id, ...input })
  if (!r.ok) throw new Error(r.message)
  return r.data as CampaignResults
}

describe('campaigns.results', () => {
  it('gives uplift, its interval, incremental revenue and ROI on a scenario with a known answer', async () => {
    const r = await results({ window: 30 })
    expect(r.treated).toEqual({ n: 70, buyers: 56, revenueFen: 560_000 })
    expect(r.control).toEqual({ n: 80, buyers: 48, revenueFen: 480_000 })
    expect(r.upliftRate).toBeCloseTo(0.2, 12) // 56/70 − 48/80 = 0.8 − 0.6
    expect(r.ci95![0]).toBeCloseTo(0.0524, 4)
    expect(r.ci95![1]).toBeCloseTo(0.3339, 4)
    // (560,000 / 70 − 480,000 / 80) × 70 = (8,000 − 6,000) × 70
    expect(r.incrementalRevenueFen).toBe(140_000)
    expect(r.costFen).toBe(105_000) // 70 × 1,500
    expect(r.roi).toBeCloseTo(35_000 / 105_000, 12)
    expect(r.daysObserved).toBe(30)
  })

  it('counts a purchase on day 45 in the 60-day window only', async () => {
    const r60 = await results({ window: 60 })
    expect(r60.treated).toEqual({ n: 70, buyers: 57, revenueFen: 570_000 })
    expect(r60.control.buyers).toBe(48)
  })

  it('sees only what had happened by the as-of date while the window runs', async () => {
    const r = await results({ window: 90, asOf: '2026-12-15' })
    expect(r.daysObserved).toBe(14)
    expect(r.treated.buyers).toBe(56)
    expect(r.control.buyers).toBe(0)
  })

  it('follows a member merged into another customer since', async () => {
    const { ctx, id } = await constructedMailing()
    const keeper = (await buildShop(ctx.db, [{ card: 'KEEP', orders: ['2026-12-12'] }], 'keeper.csv')).get('KEEP')!
    const lastNonBuyer = ctx.db.prepare("SELECT customer_id FROM customer_identities WHERE value = 'T069'").pluck().get() as number
    ctx.db.prepare('UPDATE customers SET merged_into = ? WHERE id = ?').run(keeper, lastNonBuyer)
    const r = await testDispatch(ctx)('campaigns.results', { id, window: 30 })
    expect(r).toMatchObject({ ok: true, data: { treated: { n: 70, buyers: 57 } } })
  })

  it('refuses results before the campaign is marked mailed', async () => {
    const ctx = testContext('2026-11-23')
    const id = saveCampaign(ctx.db, { name: 'x', createdAt: '2026-11-23T12:00:00', asOf: '2026-11-23', plan: {}, members: [] })
    expect(await testDispatch(ctx)('campaigns.results', { id, window: 30 })).toMatchObject({ ok: false, code: 'CONFLICT', key: 'campaignNotMailed' })
  })
})
