import { describe, expect, it } from 'vitest'
import { importDemoShop } from '../../../electron/services/demo/demo-import'
import { testContext, testDispatch } from '../../helpers/db'
import { importText } from '../imports/helpers'

type Row = { tier: string | null; ladder: string | null }

function tally(rows: Row[], key: keyof Row): Record<string, number> {
  const out: Record<string, number> = {}
  for (const r of rows) {
    const k = r[key]
    if (k) out[k] = (out[k] ?? 0) + 1
  }
  return out
}

describe('tier and ladder in the customer list', () => {
  it('agree, customer by customer, with the segments schemes', async () => {
    const ctx = testContext('2026-11-23')
    // the demo as a shop's files, then a member list of two who never bought: one tagged (courted), one not
    await importDemoShop(ctx.db, { customers: 400, seed: 21, asOf: '2026-11-23', importedAt: '2026-11-23T09:00:00' })
    await importText(ctx.db, '会员卡号,会员姓名,手机号码,标签\nZ001,潜在,13905719901,想买推车\nZ002,路人,13905719902,\n')
    const dispatch = testDispatch(ctx)
    const list = await dispatch('customers.list', { limit: 1000 })
    const overview = await dispatch('segments.overview', {})
    if (!list.ok || !overview.ok) throw new Error('channel failed')
    const rows = (list.data as { rows: Row[] }).rows
    expect(rows).toHaveLength(402)
    const o = overview.data as { ladder: Record<string, number>; tiers: Record<string, number> }
    const nonZero = (c: Record<string, number>) => Object.fromEntries(Object.entries(c).filter(([, n]) => n > 0))
    expect(tally(rows, 'ladder')).toEqual(nonZero(o.ladder))
    expect(tally(rows, 'tier')).toEqual(nonZero(o.tiers))
    expect(tally(rows, 'ladder').prospect).toBe(1)
    expect(tally(rows, 'ladder').target).toBe(1)
  })
})

describe('filtering the customer list by tier and ladder step', () => {
  it('finds exactly the customers the segments schemes put there', async () => {
    const ctx = testContext('2026-11-23')
    await importDemoShop(ctx.db, { customers: 300, seed: 8, asOf: '2026-11-23', importedAt: '2026-11-23T09:00:00' })
    const dispatch = testDispatch(ctx)
    const overview = await dispatch('segments.overview', {})
    if (!overview.ok) throw new Error(overview.message)
    const o = overview.data as { ladder: Record<string, number>; tiers: Record<string, number> }
    for (const [tier, n] of Object.entries(o.tiers)) {
      const r = await dispatch('customers.list', { filters: { tier }, limit: 1000 })
      expect(r.ok && (r.data as { total: number }).total, tier).toBe(n)
    }
    const repeat = await dispatch('customers.list', { filters: { ladder: 'repeat' }, limit: 1000 })
    if (!repeat.ok) throw new Error(repeat.message)
    expect((repeat.data as { total: number; rows: Row[] }).total).toBe(o.ladder.repeat)
    expect((repeat.data as { rows: Row[] }).rows.every((r) => r.ladder === 'repeat')).toBe(true)
    const searched = await dispatch('customers.list', { search: '王', filters: { ladder: 'repeat' } })
    expect(searched.ok).toBe(true)
  })
})
