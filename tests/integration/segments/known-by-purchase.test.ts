/**
 * A member list imported before the sales (as a new shop does) creates its members on the import
 * day; their sales from before it must still make them customers as of a past date — a gift
 * planned or a segment counted as of the first of October finds the members who bought in September.
 */
import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { importText } from '../imports/helpers'

describe('who the shop knew by an as-of date', () => {
  it('counts a member created by a later member-list import from the day of their first purchase', async () => {
    const ctx = testContext('2026-11-23')
    // both files imported on 2026-11-23 (the helpers' import time); the sales are from September
    await importText(
      ctx.db,
      '会员卡号,会员姓名,手机号码,地址\nM1,王芳,13905710001,浙江省杭州市西湖区文三路1号\nM2,李娜,13905710002,浙江省杭州市西湖区文三路2号\n'
    )
    await importText(ctx.db, '单据号,销售时间,会员卡号,商品名称,实收金额\nS1,2026-09-05 10:00,M1,奶粉,268\n')
    const call = testDispatch(ctx)
    const rule = { field: 'region', op: '=', value: '浙江省' } as const
    // M1 bought on 09-05; M2 only came with the list on 11-23
    expect(await call('segments.count', { rule, asOf: '2026-10-01' })).toMatchObject({ ok: true, data: { count: 1 } })
    expect(await call('segments.count', { rule, asOf: '2026-09-04' })).toMatchObject({ ok: true, data: { count: 0 } })
    expect(await call('segments.count', { rule, asOf: '2026-11-23' })).toMatchObject({ ok: true, data: { count: 2 } })
    const stats = await call('stats.summary', { asOf: '2026-10-01' })
    expect(stats).toMatchObject({ ok: true, data: { customers: 1, orders: 1 } })
  })
})
