/**
 * A shop made of its own export files: the counter's GBK export (no addresses) and a Taobao order
 * export (taobao-orders-addresses.csv, 7 orders of 6 buyers). The region of each buyer's newest
 * address is stored at import, so region rules, region views and the gift planner find them.
 */
import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { importFixture, importText } from '../imports/helpers'
import { undoBatch } from '../../../electron/services/imports/batches'
import type { Db } from '../../../electron/db/driver'

const AS_OF = '2024-04-01'

async function importedShop() {
  const ctx = testContext(AS_OF)
  await importFixture(ctx.db, 'gbk-title-totals.csv')
  await importFixture(ctx.db, 'taobao-orders-addresses.csv')
  return { ctx, db: ctx.db, dispatch: testDispatch(ctx) }
}

function regionOf(db: Db, buyer: string) {
  return db
    .prepare(
      `SELECT c.address, c.province, c.city, c.district FROM customers c
       JOIN customer_identities i ON i.customer_id = c.id WHERE i.kind = 'buyer' AND i.value = ?`
    )
    .get(buyer)
}

describe('addresses parsed at import', () => {
  it('stores province, city and district of the newest address, whatever the order of the rows', async () => {
    const { db } = await importedShop()
    // tb_lin's 03-20 row (杭州) comes before the 03-05 row (南京) in the file; the newer one wins
    expect(regionOf(db, 'tb_lin')).toEqual({ address: '浙江省杭州市西湖区文三路12号3幢201室', province: '浙江省', city: '杭州市', district: '西湖区' })
    expect(regionOf(db, 'tb_zhao')).toEqual({ address: '上海上海市浦东新区世纪大道100号', province: '上海市', city: '上海市', district: '浦东新区' })
    // no province written: the city names it
    expect(regionOf(db, 'tb_zhou')).toMatchObject({ province: '浙江省', city: '宁波市', district: '鄞州区' })
    // a masked address still has its region
    expect(regionOf(db, 'tb_qian')).toMatchObject({ province: '浙江省', city: '杭州市', district: '西湖区' })
    expect(regionOf(db, 'tb_wu')).toEqual({ address: null, province: null, city: null, district: null })
  })

  it('lets a region rule and the region view count the stored provinces', async () => {
    const { dispatch } = await importedShop()
    const count = await dispatch('segments.count', { rule: { field: 'region', op: '=', value: '浙江省' }, asOf: AS_OF })
    expect(count).toMatchObject({ ok: true, data: { count: 3 } }) // tb_lin, tb_qian, tb_zhou
    const city = await dispatch('segments.count', { rule: { field: 'region', op: '=', value: '杭州市' }, asOf: AS_OF })
    expect(city).toMatchObject({ ok: true, data: { count: 2 } })
    const regions = await dispatch('segments.regions', { asOf: AS_OF })
    if (!regions.ok) throw new Error(regions.message)
    const byProvince = Object.fromEntries(
      (regions.data as { regions: { province: string; customers: number }[] }).regions.map((r) => [r.province, r.customers])
    )
    // the counter's 3 members and tb_wu have no address
    expect(byProvince).toEqual({ 浙江省: 3, 上海市: 1, 广东省: 1, 未知: 4 })
  })

  it('plans a gift for the buyers with mailable addresses and counts a masked one under its own reason', async () => {
    const { dispatch } = await importedShop()
    const seg = await dispatch('segments.create', { name: '所有买过的', rule: { field: 'orders', op: '>=', value: 1 } })
    if (!seg.ok) throw new Error(seg.message)
    const r = await dispatch('campaigns.plan', { target: { segment: '所有买过的' }, gifts: [{ sku: 'TEA', costFen: 1000 }], holdout: 0, budgetFen: 1_000_000 })
    if (!r.ok) throw new Error(r.message)
    const plan = r.data as { candidates: number; excluded: Record<string, number>; eligible: number }
    expect(plan.candidates).toBe(9)
    expect(plan.excluded).toEqual({ no_address: 4, address_masked: 1 })
    expect(plan.eligible).toBe(4) // tb_lin, tb_zhao, tb_sun, tb_zhou
  })
})

describe('addresses on a member list', () => {
  const region = (db: Db) =>
    db
      .prepare(
        "SELECT c.address, c.province, c.city, c.district FROM customers c JOIN customer_identities i ON i.customer_id = c.id WHERE i.kind = 'card' AND i.value = 'K9'"
      )
      .get()

  it('stores the region with the address, and undoing the list takes both back', async () => {
    const { db } = await importedShop()
    await importText(db, '会员卡号,会员姓名,手机号码,生日,会员等级,地址\nK9,林静,13900000001,1990-03-05,金卡,江苏省苏州市姑苏区人民路5号\n')
    expect(region(db)).toEqual({ address: '江苏省苏州市姑苏区人民路5号', province: '江苏省', city: '苏州市', district: '姑苏区' })
    const second = await importText(db, '会员卡号,会员姓名,手机号码,生日,会员等级,地址\nK9,林静,13900000001,1990-03-05,金卡,广东省广州市天河区体育西路1号\n')
    expect(region(db)).toMatchObject({ province: '广东省', city: '广州市', district: '天河区' })
    undoBatch(db, second.batchId, '2024-04-02T10:00:00')
    expect(region(db)).toEqual({ address: '江苏省苏州市姑苏区人民路5号', province: '江苏省', city: '苏州市', district: '姑苏区' })
  })
})
