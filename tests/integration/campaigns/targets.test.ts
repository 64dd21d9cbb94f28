import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { buildShop } from './build-shop'
import { suggestionIds, targetCustomerIds } from '../../../electron/services/campaigns/targets'
import { defaultLifecycleThresholds as t } from '../../../shared/domain/lifecycle'
import { readSettings } from '../../../electron/services/settings/settings-service'

const AS_OF = '2026-11-23'

describe('campaign suggestions', () => {
  it('finds sleeping repeat buyers: last purchase 181–270 days ago and two orders or more', async () => {
    const { db } = testContext(AS_OF)
    const ids = await buildShop(db, [
      { card: 'D181', orders: ['2026-01-01', '2026-05-26'] }, // 181 days
      { card: 'D270', orders: ['2026-01-01', '2026-02-26'] }, // 270 days
      { card: 'D180', orders: ['2026-01-01', '2026-05-27'] }, // 180 days: still silent
      { card: 'D271', orders: ['2026-01-01', '2026-02-25'] }, // 271 days: drifting
      { card: 'ONE', orders: ['2026-04-01'] }
    ])
    expect(suggestionIds(db, 'sleeping', AS_OF, t)).toEqual([ids.get('D181'), ids.get('D270')])
  })

  it('judges a past date by what was known then', async () => {
    const { db } = testContext(AS_OF)
    const ids = await buildShop(db, [{ card: 'BACK', orders: ['2026-01-01', '2026-03-01', '2026-11-01'] }])
    expect(suggestionIds(db, 'sleeping', AS_OF, t)).toEqual([])
    expect(suggestionIds(db, 'sleeping', '2026-10-01', t)).toEqual([ids.get('BACK')]) // 214 days after 2026-03-01
  })

  it('finds loyal customers: four orders or more in the last twelve months', async () => {
    const { db } = testContext(AS_OF)
    const ids = await buildShop(db, [
      { card: 'FOUR', orders: ['2025-11-24', '2026-03-01', '2026-06-01', '2026-11-20'] },
      { card: 'OLD', orders: ['2025-11-23', '2026-03-01', '2026-06-01', '2026-11-20'] }, // the first is 365 days ago
      { card: 'FUTURE', orders: ['2026-03-01', '2026-06-01', '2026-11-20', '2026-11-24'] } // the last is after the as-of date
    ])
    expect(suggestionIds(db, 'loyal', AS_OF, t)).toEqual([ids.get('FOUR')])
  })

  it('finds birthdays this month, solar and lunar', async () => {
    const { db } = testContext(AS_OF)
    const ids = await buildShop(db, [
      { card: 'NOV', orders: ['2026-01-01'] },
      { card: 'DEC', orders: ['2026-01-01'] },
      { card: 'LUNAR', orders: ['2026-01-01'] },
      { card: 'LUNAR2', orders: ['2026-01-01'] }
    ])
    const set = db.prepare('UPDATE customers SET birthday = ?, birthday_lunar = ? WHERE id = ?')
    set.run('1990-11-05', 0, ids.get('NOV'))
    set.run('1990-12-05', 0, ids.get('DEC'))
    set.run('1988-10-10', 1, ids.get('LUNAR')) // lunar 10-10 of 2026 is 2026-11-19
    set.run('1988-08-15', 1, ids.get('LUNAR2')) // mid-autumn: 2026-09-25
    expect(suggestionIds(db, 'birthdays', AS_OF, t)).toEqual([ids.get('NOV'), ids.get('LUNAR')])
  })

  it('takes a saved segment from the segments service, live customers only', async () => {
    const ctx = testContext(AS_OF)
    const ids = await buildShop(ctx.db, [
      { card: 'SLEEP', orders: ['2026-01-01', '2026-04-01'] },
      { card: 'GONE', orders: ['2026-01-01', '2026-04-01'] },
      { card: 'FRESH', orders: ['2026-11-01'] }
    ])
    ctx.db.prepare("UPDATE customers SET erased_at = '2026-11-01' WHERE id = ?").run(ids.get('GONE'))
    const seg = await testDispatch(ctx)('segments.create', { name: '睡眠客户', rule: { field: 'lifecycle', op: '=', value: 'sleeping' } })
    expect(seg.ok).toBe(true)
    const settings = readSettings(ctx.db)
    expect(targetCustomerIds(ctx.db, { segment: '睡眠客户' }, AS_OF, settings)).toEqual([ids.get('SLEEP')])
    expect(() => targetCustomerIds(ctx.db, { segment: '没有' }, AS_OF, settings)).toThrow()
    const plan = await testDispatch(ctx)('campaigns.plan', {
      target: { segment: '睡眠客户' },
      budgetFen: 10_000,
      gifts: [{ sku: 'T', costFen: 500 }],
      holdout: 0,
      dryRun: true
    })
    expect(plan).toMatchObject({ ok: true, data: { candidates: 1, treated: [{ ref: 'SLEEP' }] } })
  })

  it('answers the suggestion sizes for the wizard', async () => {
    const ctx = testContext(AS_OF)
    await buildShop(ctx.db, [{ card: 'S', orders: ['2026-01-01', '2026-04-01'] }])
    const r = await testDispatch(ctx)('campaigns.targets', {})
    expect(r).toEqual({
      ok: true,
      data: {
        segments: [],
        suggestions: [
          { key: 'sleeping', count: 1 },
          { key: 'loyal', count: 0 },
          { key: 'birthdays', count: 0 }
        ]
      }
    })
  })
})
