import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { seedCustomers } from './seed'
import type { CustomerList } from '../../../shared/schemas/customers'
import { listCustomers } from '../../../electron/services/customers/list-service'
import { defaultLifecycleThresholds } from '../../../shared/domain/lifecycle'
import { CustomerListInput } from '../../../shared/schemas/customers'

function shop() {
  const ctx = testContext('2026-11-23')
  const ids = seedCustomers(ctx.db, [
    // 0: a regular, active
    {
      identities: [
        { kind: 'card', value: 'VIP001' },
        { kind: 'phone', value: '13812348000' }
      ],
      name: '王静',
      address: '浙江省杭州市西湖区文三路12号',
      province: '浙江省',
      city: '杭州市',
      orders: [
        ['2026-10-01T10:00:00', 30000, '奶粉'],
        ['2026-11-01T10:00:00', 20000, '纸尿裤']
      ]
    },
    // 1: same surname, longer name, sleeping (200 days)
    {
      identities: [
        { kind: 'card', value: 'VIP002' },
        { kind: 'phone', value: '13912340001' }
      ],
      name: '王静怡',
      address: '上海市浦东新区世纪大道1号',
      orders: [['2026-05-07T10:00:00', 10000, '辅食']]
    },
    // 2: phone that contains 8000 inside; lost; online
    {
      identities: [
        { kind: 'buyer', value: 'tb_li' },
        { kind: 'phone', value: '13580001111' }
      ],
      name: '李娜',
      address: '江苏省南京市鼓楼区中山路5号',
      channel: 'online',
      orders: [['2025-06-01T10:00:00', 5000, '洗护']]
    },
    // 3: a prospect with a card that starts like a phone fragment
    { identities: [{ kind: 'card', value: '8000123' }], name: '赵敏' }
  ])
  const call = testDispatch(ctx)
  const list = async (input: object) => {
    const r = await call('customers.list', input)
    if (!r.ok) throw new Error(r.message)
    return r.data as CustomerList
  }
  return { ctx, ids, list, call }
}

describe('customers.list', () => {
  it('lists live customers newest buyer first with masked phones, stages and regions', async () => {
    const { list, ids } = shop()
    const { total, rows } = await list({})
    expect(total).toBe(4)
    expect(rows.map((r) => r.id)).toEqual([ids[0], ids[1], ids[2], ids[3]])
    expect(rows[0]).toEqual({
      id: ids[0],
      name: '王静',
      phone: '138****8000',
      memberCard: 'VIP001',
      tier: 'normal',
      ladder: 'repeat',
      lifecycle: 'active',
      orders: 2,
      spendFen: 50000,
      lastPurchase: '2026-11-01T10:00:00',
      region: { province: '浙江省', city: '杭州市', district: null },
      tags: [],
      channels: ['store']
    })
    expect(rows[1].lifecycle).toBe('sleeping')
    expect(rows[1].region).toEqual({ province: '上海市', city: '上海市', district: '浦东新区' })
    expect(rows[2].lifecycle).toBe('lost')
    expect(rows[3]).toMatchObject({ lifecycle: null, orders: 0, spendFen: 0, lastPurchase: null, tier: 'normal', ladder: 'prospect' })
  })

  it('shows full phones when the mask setting is off', async () => {
    const { list, call } = shop()
    await call('settings.update', { maskPhones: false })
    expect((await list({ limit: 1 })).rows[0].phone).toBe('13812348000')
  })

  it('finds a two-character Chinese name and ranks the exact prefix before longer names by recency', async () => {
    const { list, ids } = shop()
    const r = await list({ search: '王静' })
    expect(r.total).toBe(2)
    expect(r.rows.map((x) => x.id)).toEqual([ids[0], ids[1]])
  })

  it('finds a single surname character', async () => {
    const { list, ids } = shop()
    expect((await list({ search: '李' })).rows.map((x) => x.id)).toEqual([ids[2]])
  })

  it('ranks an exact identity first, then a field starting with the query, then a substring', async () => {
    const { list, ids } = shop()
    // '8000123' is customer 3's card (exact); nobody else has it
    expect((await list({ search: '8000123' })).rows.map((x) => x.id)).toEqual([ids[3]])
    // '8000': card 8000123 starts with it (prefix), two phones contain it (substring, newest buyer first)
    expect((await list({ search: '8000' })).rows.map((x) => x.id)).toEqual([ids[3], ids[0], ids[2]])
  })

  it('matches a full phone typed with spaces and dashes as the exact identity', async () => {
    const { list, ids } = shop()
    expect((await list({ search: '138 1234-8000' })).rows.map((x) => x.id)).toEqual([ids[0]])
    expect((await list({ search: '+86 13580001111' })).rows[0].id).toBe(ids[2])
  })

  it.each([
    ['vip002', 1],
    ['ＶＩＰ００２', 1],
    ['文三路', 0],
    ['tb_li', 2],
    ['西湖区', 0],
    ['王静 杭州', 0]
  ])('finds %j', async (q, index) => {
    const { list, ids } = shop()
    const r = await list({ search: q })
    expect(r.rows.map((x) => x.id)).toEqual([ids[index]])
  })

  it('treats one or two digits as no search yet, and two letters also as the start of a card', async () => {
    const { list } = shop()
    expect((await list({ search: '80' })).total).toBe(4)
    expect((await list({ search: '1' })).total).toBe(4)
    expect((await list({ search: 'vi' })).total).toBe(2)
  })

  it('needs every word of a query with several words, whichever comes first', async () => {
    const { list, ids } = shop()
    expect((await list({ search: '杭州 王静' })).rows.map((x) => x.id)).toEqual([ids[0]])
    expect((await list({ search: '王静 上海' })).rows.map((x) => x.id)).toEqual([ids[1]])
    expect((await list({ search: '王静 南京' })).total).toBe(0)
  })

  it('keeps the index in step with merges and erasures', async () => {
    const { list, ids, call } = shop()
    await call('customers.merge', { keepId: ids[0], mergeId: ids[2] })
    expect((await list({ search: 'tb_li' })).rows.map((x) => x.id)).toEqual([ids[0]])
    await call('customers.erase', { id: ids[0], confirm: true })
    expect((await list({ search: 'tb_li' })).total).toBe(0)
    expect((await list({ search: '王静' })).rows.map((x) => x.id)).toEqual([ids[1]])
  })

  it('orders a search with very many matches by exact identity, then latest buyer, then prospects', () => {
    const { ids, ctx } = shop()
    const broad = (search: string, offset = 0, limit = 100) =>
      listCustomers(ctx.db, CustomerListInput.parse({ search, offset, limit }), {
        asOf: '2026-11-23',
        thresholds: defaultLifecycleThresholds,
        maskPhones: true,
        broadMatches: 1
      })
    expect(broad('8000').rows.map((r) => r.id)).toEqual([ids[0], ids[2], ids[3]])
    expect(broad('13580001111').rows.map((r) => r.id)).toEqual([ids[2]])
    expect(broad('000', 0, 2).rows.map((r) => r.id)).toEqual([ids[0], ids[1]])
    expect(broad('000', 2, 2)).toMatchObject({ total: 4, rows: [{ id: ids[2] }, { id: ids[3] }] })
  })

  it('accepts a relevance sort without a search and control characters in a search', async () => {
    const { list, ids } = shop()
    expect((await list({ sort: { field: 'relevance', dir: 'asc' } })).total).toBe(4)
    expect((await list({ search: '王\u0000静' })).rows.map((x) => x.id)).toEqual([ids[0], ids[1]])
  })

  it('answers nothing for text nobody has, and FTS syntax is plain text', async () => {
    const { list } = shop()
    expect((await list({ search: '不存在的人' })).total).toBe(0)
    expect((await list({ search: '"OR*' })).total).toBe(0)
  })

  it('filters by lifecycle stage, including customers who never bought', async () => {
    const { list, ids } = shop()
    expect((await list({ filters: { lifecycle: ['sleeping', 'lost'] } })).rows.map((r) => r.id)).toEqual([ids[1], ids[2]])
    expect((await list({ filters: { lifecycle: ['none'] } })).rows.map((r) => r.id)).toEqual([ids[3]])
  })

  it('filters by tag, region and channel', async () => {
    const { list, ids, ctx } = shop()
    ctx.db.prepare('INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)').run(ids[1], '二胎妈妈')
    expect((await list({ filters: { tags: ['二胎妈妈'] } })).rows.map((r) => r.id)).toEqual([ids[1]])
    expect((await list({ filters: { region: '杭州市' } })).rows.map((r) => r.id)).toEqual([ids[0]])
    expect((await list({ filters: { channel: 'online' } })).rows.map((r) => r.id)).toEqual([ids[2]])
  })

  it('finds a tag added after the last import (the index catches up before searching)', async () => {
    const { list, ids, ctx } = shop()
    ctx.db.prepare('INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)').run(ids[3], '团购群成员')
    expect((await list({ search: '团购群' })).rows.map((r) => r.id)).toEqual([ids[3]])
  })

  it('sorts by spend both ways and pages with limit and offset', async () => {
    const { list, ids } = shop()
    expect((await list({ sort: { field: 'spendFen', dir: 'desc' } })).rows.map((r) => r.id)).toEqual([ids[0], ids[1], ids[2], ids[3]])
    const page = await list({ sort: { field: 'spendFen', dir: 'asc' }, limit: 2, offset: 1 })
    expect(page.total).toBe(4)
    expect(page.rows.map((r) => r.id)).toEqual([ids[2], ids[1]])
  })

  it('filters by member tier and ladder step, and refuses ones that do not exist', async () => {
    const { call } = shop()
    expect(await call('customers.list', { filters: { tier: 'gold' } })).toMatchObject({ ok: true, data: { total: 0 } })
    expect(await call('customers.list', { filters: { tier: 'normal' } })).toMatchObject({ ok: true, data: { total: 4 } })
    expect(await call('customers.list', { filters: { ladder: 'prospect' } })).toMatchObject({ ok: true, data: { total: 1 } })
    expect(await call('customers.list', { filters: { tier: 'platinum' } })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })

  it('saves, lists, replaces and deletes views', async () => {
    const { call } = shop()
    const saved = await call('customers.saveView', { name: '沉睡', query: { filters: { lifecycle: ['sleeping'] } } })
    expect(saved.ok).toBe(true)
    await call('customers.saveView', { name: '沉睡', query: { search: '王' } })
    const views = await call('customers.listViews', {})
    expect(views.ok && views.data).toEqual([
      { id: (saved as { data: { id: number } }).data.id, name: '沉睡', query: { search: '王', filters: { lifecycle: [], tags: [] } } }
    ])
    expect(await call('customers.deleteView', { id: (saved as { data: { id: number } }).data.id })).toEqual({ ok: true, data: { deleted: true } })
    expect(await call('customers.listViews', {})).toEqual({ ok: true, data: [] })
  })
})
