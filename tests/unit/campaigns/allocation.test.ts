import { describe, expect, it } from 'vitest'
import { allocate, controlSize, type RankedCandidate } from '../../../electron/services/campaigns/allocation'
import { giftPreference, type GiftOption } from '../../../electron/services/campaigns/gift-match'
import { mulberry32 } from '../../../electron/services/campaigns/seeded-draw'

/** A random scenario: 0–300 ranked customers, 1–4 gifts with random cost and (sometimes) stock. */
function scenario(seed: number) {
  const rnd = mulberry32(seed)
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1))
  const needs = ['奶粉', '纸尿裤', '辅食', '洗护']
  const gifts: GiftOption[] = Array.from({ length: int(1, 4) }, (_, i) => ({
    sku: `G${i}`,
    name: `gift ${i}`,
    costFen: int(0, 3000),
    stock: rnd() < 0.6 ? int(0, 60) : null,
    weightG: 100,
    suits: [needs[int(0, 3)]]
  }))
  const ranked: RankedCandidate[] = Array.from({ length: int(0, 300) }, (_, i) => ({
    customerId: 1000 + int(0, 5) + i * 7,
    preference: giftPreference(new Map([[needs[int(0, 3)], 1]]), gifts, rnd() < 0.5 ? 'G0' : undefined)
  }))
  return { ranked, gifts, budgetFen: int(0, 200_000), postageFen: int(0, 1500), holdout: [0, 0.1, 0.2, 0.5][int(0, 3)], seed: `s${seed}` }
}

describe('allocate', () => {
  it('never exceeds the budget or a gift stock, over 500 random scenarios', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const s = scenario(seed)
      const a = allocate(s)
      const spent = a.treated.reduce((sum, t) => sum + t.costFen, 0)
      expect(spent).toBe(a.costFen)
      expect(a.costFen).toBeLessThanOrEqual(s.budgetFen)
      for (const g of s.gifts) {
        const used = a.treated.filter((t) => t.gift.sku === g.sku).length
        if (g.stock !== null) expect(used, `seed ${seed} ${g.sku}`).toBeLessThanOrEqual(g.stock)
      }
      for (const t of a.treated) expect(t.costFen).toBe(t.gift.costFen + s.postageFen)
    }
  })

  it('splits a top run of the ranking into treated and a control of the holdout share, over 500 random scenarios', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const s = scenario(seed)
      const a = allocate(s)
      const pool = s.ranked.slice(0, a.poolSize).map((c) => c.customerId)
      const treated = a.treated.map((t) => t.customerId)
      expect([...treated, ...a.control].sort((x, y) => x - y)).toEqual([...pool].sort((x, y) => x - y))
      expect(a.control.length).toBe(controlSize(a.poolSize, s.holdout))
      expect(new Set([...treated, ...a.control]).size).toBe(a.poolSize)
    }
  })

  it('gives the same groups for the same seed and other groups for another seed', () => {
    const s = scenario(77)
    const ranked = Array.from({ length: 400 }, (_, i) => ({ customerId: i + 1, preference: s.ranked[0]?.preference ?? [] }))
    const gift: GiftOption = { sku: 'T', name: 'tea', costFen: 1000, stock: null, weightG: 100, suits: [] }
    const input = { ranked: ranked.map((r) => ({ ...r, preference: [{ gift, fit: 0 }] })), budgetFen: 300_000, postageFen: 0, holdout: 0.1, seed: 'autumn' }
    const a = allocate(input)
    const b = allocate({ ...input })
    const c = allocate({ ...input, seed: 'winter' })
    expect(a.poolSize).toBe(333) // 300 treated fit 300,000 fen; 300 / 0.9 = 333.3 → 333, control round(33.3) = 33
    expect(a.treated.length).toBe(300)
    expect(a.control).toEqual(b.control)
    expect(a.control).not.toEqual(c.control)
  })

  it('stops at the stock of a fixed gift even when budget is left', () => {
    const gift: GiftOption = { sku: 'T', name: 'tea', costFen: 1000, stock: 10, weightG: 100, suits: [] }
    const ranked = Array.from({ length: 50 }, (_, i) => ({ customerId: i + 1, preference: [{ gift, fit: 0 }] }))
    const a = allocate({ ranked, budgetFen: 1_000_000, postageFen: 500, holdout: 0, seed: 1 })
    expect(a.treated.length).toBe(10)
    expect(a.costFen).toBe(15_000)
    expect(a.treated.map((t) => t.customerId)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
  })

  it('falls back to a cheaper gift for the last customers the budget can still reach', () => {
    const dear: GiftOption = { sku: 'D', name: 'dear', costFen: 3000, stock: null, weightG: null, suits: ['奶粉'] }
    const cheap: GiftOption = { sku: 'C', name: 'cheap', costFen: 1000, stock: null, weightG: null, suits: [] }
    const ranked = [1, 2, 3].map((customerId) => ({
      customerId,
      preference: [
        { gift: dear, fit: 1 },
        { gift: cheap, fit: 0 }
      ]
    }))
    const a = allocate({ ranked, budgetFen: 7000, postageFen: 0, holdout: 0, seed: 1 })
    expect(a.treated.map((t) => t.gift.sku)).toEqual(['D', 'D', 'C'])
    expect(a.costFen).toBe(7000)
  })
})

describe('giftPreference', () => {
  const g = (sku: string, costFen: number, suits: string[]): GiftOption => ({ sku, name: sku, costFen, stock: null, weightG: null, suits })
  it('puts the gift suiting what the customer buys most first, then the fallback, then the rest by cost', () => {
    const needs = new Map([
      ['奶粉', 0.7],
      ['洗护', 0.3]
    ])
    const order = giftPreference(needs, [g('A', 500, []), g('B', 900, ['洗护']), g('C', 800, ['奶粉']), g('F', 2000, [])], 'F').map((x) => x.gift.sku)
    expect(order).toEqual(['C', 'B', 'F', 'A'])
  })
})
