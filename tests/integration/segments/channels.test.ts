import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { AS_OF, loadFixture, namesOf } from './fixture'
import { segmentCustomerIds } from '../../../electron/services/segments/membership'
import { defaultSettings } from '../../../shared/schemas/settings'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { runCli } from '../../../electron/cli/run-cli'
import { formatError } from '../../../shared/errors/messages'

async function setup() {
  const ctx = testContext(AS_OF)
  const ids = loadFixture(ctx.db)
  const dispatch = testDispatch(ctx)
  const call = async <T = unknown>(channel: string, input: unknown = {}): Promise<T> => {
    const r = await dispatch(channel, input)
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`)
    return r.data as T
  }
  return { ctx, ids, dispatch, call }
}

describe('saved segments', () => {
  it('creates, lists, counts, renames and deletes a segment', async () => {
    const { call, dispatch } = await setup()
    const rule = {
      all: [
        { field: 'region', op: '=', value: '浙江省' },
        { field: 'orders', op: '>=', value: 2 }
      ]
    }
    const seg = await call<{ id: number; name: string }>('segments.create', { name: '浙江回头客', rule })
    expect(await call('segments.list')).toMatchObject([{ id: seg.id, name: '浙江回头客', rule }])
    expect(((await call('segments.overview')) as { custom: object }).custom).toEqual({ 浙江回头客: 4 })
    const taken = await dispatch('segments.create', { name: '浙江回头客', rule })
    expect(taken).toMatchObject({ ok: false, code: 'CONFLICT', key: 'segmentNameTaken', params: { name: '浙江回头客' } })
    if (!taken.ok) {
      expect(formatError('segmentNameTaken', taken.params!, 'zh-CN')).toBe('已有同名的分组：浙江回头客')
      expect(formatError('segmentNameTaken', taken.params!, 'en')).toBe('a segment named 浙江回头客 already exists')
    }
    await call('segments.update', { id: seg.id, name: '浙江老客', rule: { field: 'region', op: '=', value: '浙江省' } })
    expect(((await call('segments.members', { name: '浙江老客' })) as { total: number }).total).toBe(5)
    expect(await call('segments.delete', { id: seg.id })).toEqual({ deleted: true })
    expect(await dispatch('segments.members', { name: '浙江老客' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      key: 'segmentNotFound',
      params: { segment: '浙江老客' }
    })
  })

  it('gives other features the ids of a segment by id, name or rule', async () => {
    const { call, ctx, ids } = await setup()
    const seg = await call<{ id: number }>('segments.create', { name: '活跃', rule: { field: 'lifecycle', op: '=', value: 'active' } })
    const byId = segmentCustomerIds(ctx.db, { segmentId: seg.id }, AS_OF, defaultSettings)
    expect(namesOf(byId, ids)).toEqual(['A', 'B', 'C', 'D'])
    expect(segmentCustomerIds(ctx.db, { name: '活跃' }, AS_OF, defaultSettings)).toEqual(byId)
    expect(byId).toEqual([...byId].sort((a, b) => a - b))
  })

  it('pages members biggest spenders first with their schemes', async () => {
    const { call } = await setup()
    const page = await call<{ total: number; rows: { name: string; tier: string; ladder: string; rfm: string }[] }>('segments.members', {
      rule: { field: 'orders', op: '>', value: 0 },
      limit: 2,
      offset: 1
    })
    expect(page.total).toBe(10)
    expect(page.rows.map((r) => [r.name, r.tier, r.ladder, r.rfm])).toEqual([
      ['I', 'normal', 'firstTime', 'At Risk'],
      ['F', 'normal', 'firstTime', 'Need Attention']
    ])
  })
})

describe('views', () => {
  it('fills the RFM grid with buyers and spend', async () => {
    const { call } = await setup()
    const grid = await call<{ buyers: number; cells: { r: number; f: number; count: number; spendFen: number }[] }>('segments.rfmGrid')
    expect(grid.buyers).toBe(10)
    expect(grid.cells).toHaveLength(25)
    expect(grid.cells.find((c) => c.r === 5 && c.f === 5)).toEqual({ r: 5, f: 5, count: 1, spendFen: 120_000 })
    expect(grid.cells.find((c) => c.r === 1 && c.f === 1)).toEqual({ r: 1, f: 1, count: 1, spendFen: 100_000 })
  })

  it('counts returning buyers by month', async () => {
    const { call } = await setup()
    const rr = await call<{ months: { month: string; buyers: number; returning: number }[] }>('segments.repeatRate')
    expect(rr.months).toHaveLength(24)
    // J's first purchase, 720 days back, falls in the first of the 24 months: the chart draws them all
    expect((rr as unknown as { chartFrom: string }).chartFrom).toBe('2024-12')
    // November 2026: A (since September), B (new), C (since October)
    expect(rr.months.at(-1)).toEqual({ month: '2026-11', buyers: 3, returning: 2, rate: 2 / 3 })
  })

  it('follows cohorts by first-purchase month', async () => {
    const { call } = await setup()
    const c = await call<{ cohorts: { month: string; size: number; retained: number[] }[] }>('segments.cohorts')
    expect(c.cohorts).toHaveLength(12)
    // October 2026: C and D; both bought again in October (k = 0) and C in November (k = 1)
    expect(c.cohorts.find((x) => x.month === '2026-10')).toEqual({ month: '2026-10', size: 2, retained: [2, 1] })
  })

  it('moves customers between lifecycle stages from one date to another', async () => {
    const { call } = await setup()
    const m = await call<{ stages: string[]; cells: number[][] }>('segments.migration', { from: '2026-10-04' })
    const at = (a: string, b: string) => m.cells[m.stages.indexOf(a)][m.stages.indexOf(b)]
    // active on 10-04: A, D stay active; E, F are silent now. B and C had not bought; K, L, N still have not
    expect([at('active', 'active'), at('active', 'silent'), at('none', 'active'), at('none', 'none')]).toEqual([2, 2, 2, 3])
    expect(m.cells.flat().reduce((a, b) => a + b, 0)).toBe(13)
  })

  it('counts customers by province', async () => {
    const { call } = await setup()
    const r = await call<{ regions: unknown[] }>('segments.regions')
    expect(r.regions).toEqual([
      { province: '江苏省', customers: 5, buyers: 5, spendFen: 295_000 },
      { province: '浙江省', customers: 5, buyers: 5, spendFen: 245_000 },
      { province: '未知', customers: 3, buyers: 0, spendFen: 0 }
    ])
  })
})

describe('recall', () => {
  it('finds every buyer of a product in the window with quantity, last date and consent', async () => {
    const { call } = await setup()
    const rows = await call<{ customer: string; quantity: number; lastBought: string; consent: { phone: boolean } }[]>('segments.recall', {
      product: '奶粉',
      from: '2026-10-01',
      to: '2026-10-31'
    })
    expect(rows.map((r) => [r.customer, r.quantity, r.lastBought, r.consent.phone])).toEqual([
      ['C', 2, '2026-10-24', false],
      ['A', 1, '2026-10-19', true],
      ['D', 2, '2026-10-14', true]
    ])
  })

  it('exports a call list of those who accept calls', async () => {
    const { call } = await setup()
    const out = await call<{ fileName: string; content: string }>('segments.recallExport', {
      product: '690001',
      from: '2026-10-01',
      to: '2026-10-31',
      kind: 'callList'
    })
    const lines = out.content.replace('\uFEFF', '').trim().split('\r\n')
    expect(lines[0]).toBe('顾客,电话,商品,数量,最后购买,已联系,结果,备注')
    expect(lines.slice(1)).toEqual(['A,13800000000,婴儿配方奶粉 1段,1,2026-10-19,,,', 'D,13800000003,婴儿配方奶粉 1段,2,2026-10-14,,,'])
    expect(out.fileName).toBe('召回电话单-690001-2026-10-01-2026-10-31.csv')
  })
})

describe('the segments and recall commands', () => {
  async function cli(args: string[]) {
    let stdout = ''
    let stderr = ''
    const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {}, version: '0.0.0-test' })
    return { code, stdout, stderr }
  }

  it('reports schemes, creates a segment, lists its members and recalls a product', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'eg-seg-')), 'shop.db')
    const db = openNodeDatabase(path)
    loadFixture(db)
    db.close()
    const rule = JSON.stringify({ all: [{ field: 'boughtProduct', op: 'contains', value: { text: '纸尿裤' } }] })
    expect((await cli(['segments', 'create', '--db', path, '--name', '买过尿裤', '--rule', rule, '--as-of', AS_OF])).code).toBe(0)
    const all = JSON.parse((await cli(['segments', '--db', path, '--as-of', AS_OF, '--json'])).stdout)
    expect(Object.keys(all)).toEqual(['lifecycle', 'ladder', 'tiers', 'rfm', 'custom'])
    expect(all.rfm.scheme).toBe('classic')
    expect(all.rfm.segments['At Risk']).toBe(3)
    expect(all.custom).toEqual({ 买过尿裤: 2 })
    const members = JSON.parse((await cli(['segments', 'members', '买过尿裤', '--db', path, '--as-of', AS_OF, '--json'])).stdout)
    expect(members.total).toBe(2)
    expect(members.rows.map((r: { name: string }) => r.name)).toEqual(['A', 'J'])
    const recall = JSON.parse((await cli(['recall', '--db', path, '--product', '米粉', '--from', '2026-01-01', '--to', AS_OF, '--json'])).stdout)
    expect(recall).toEqual([
      { customer: 'A', phone: '13800000000', quantity: 2, lastBought: '2026-10-29' },
      { customer: 'G', phone: '13800000006', quantity: 2, lastBought: '2026-05-07' }
    ])
    const bad = await cli(['segments', 'create', '--db', path, '--name', 'x', '--rule', '{not json', '--json'])
    expect(bad.code).toBe(2)
  })
})
