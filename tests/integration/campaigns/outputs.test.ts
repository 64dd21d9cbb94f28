import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testContext, testDispatch } from '../../helpers/db'
import { buildShop, typedCall } from './build-shop'
import { streetPart } from '../../../electron/services/campaigns/outputs'
import { formatError } from '../../../shared/errors/messages'

const AS_OF = '2026-11-23'

async function mailedShop() {
  const ctx = testContext(AS_OF)
  const call = typedCall(testDispatch(ctx))
  const ids = await buildShop(ctx.db, [
    {
      card: 'V1',
      name: '王芳',
      phone: '13812348000',
      address: '浙江省杭州市西湖区文三路90号3幢201室',
      orders: ['2026-03-01', '2026-05-01'],
      amountFen: 30_000
    },
    {
      card: 'V2',
      name: '=HYPERLINK("http://x","点我")',
      phone: '13912345678',
      address: '上海市徐汇区漕溪北路1号',
      orders: ['2026-03-01', '2026-05-01'],
      amountFen: 20_000,
      category: '纸尿裤'
    },
    {
      card: 'V3',
      name: '李四',
      address: '北京市朝阳区建国路88号',
      orders: ['2026-03-01', '2026-05-01']
    }
  ])
  await call('gifts.save', { sku: 'TEA', name: '新茶四盒装', unitCostFen: 1200, stock: 50, weightG: 350, suits: ['奶粉'] })
  await call('gifts.save', { sku: 'WIPES', name: '湿巾小样', unitCostFen: 600, stock: 10, weightG: 120, suits: ['纸尿裤'] })
  const plan = await call('campaigns.plan', {
    name: '秋季小礼物',
    target: { suggestion: 'sleeping' },
    budgetFen: 100_000,
    postageFen: 800,
    holdout: 0,
    seed: 1
  })
  if (!plan.ok) throw new Error(plan.message)
  return { ctx, call, ids, id: (plan.data as { campaignId: number }).campaignId }
}

describe('courier export', () => {
  it('writes UTF-8 with a BOM, the waybill columns, kilograms, and neutralised formulas', async () => {
    const { call, id } = await mailedShop()
    const r = await call('campaigns.courierExport', { id, encoding: 'utf8' })
    if (!r.ok) throw new Error(r.message)
    const bytes = Buffer.from(r.data.dataBase64!, 'base64')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(r.data).toMatchObject({ fileName: `campaign-${id}-courier-utf8.csv`, file: null, rows: 3, bytes: bytes.length })
    expect(bytes.subarray(3).toString('utf8')).toBe(
      [
        '收件人,手机,省,市,区,详细地址,物品,重量,备注',
        '王芳,13812348000,浙江省,杭州市,西湖区,文三路90号3幢201室,新茶四盒装,0.35,秋季小礼物',
        `"'=HYPERLINK(""http://x"",""点我"")",13912345678,上海市,上海市,徐汇区,漕溪北路1号,湿巾小样,0.12,秋季小礼物`,
        '李四,,北京市,北京市,朝阳区,建国路88号,新茶四盒装,0.35,秋季小礼物',
        ''
      ].join('\r\n')
    )
  })

  it('writes GBK that decodes back to the same text, without a BOM', async () => {
    const { call, id } = await mailedShop()
    const utf8 = await call('campaigns.courierExport', { id, encoding: 'utf8' })
    const gbk = await call('campaigns.courierExport', { id, encoding: 'gbk' })
    if (!utf8.ok || !gbk.ok) throw new Error('export failed')
    const gbkBytes = Buffer.from(gbk.data.dataBase64!, 'base64')
    expect([...gbkBytes.subarray(0, 2)]).toEqual([0xca, 0xd5]) // 收 in GBK
    expect(iconv.decode(gbkBytes, 'gbk')).toBe(Buffer.from(utf8.data.dataBase64!, 'base64').subarray(3).toString('utf8'))
  })

  it('writes the file to a path when one is given', async () => {
    const { call, id } = await mailedShop()
    const file = join(mkdtempSync(join(tmpdir(), 'courier-')), 'out.csv')
    const r = await call('campaigns.courierExport', { id, encoding: 'gbk', path: file })
    if (!r.ok) throw new Error(r.message)
    expect(r.data.file).toBe(file)
    expect(iconv.decode(readFileSync(file), 'gbk').split('\r\n')[0]).toBe('收件人,手机,省,市,区,详细地址,物品,重量,备注')
  })

  it.each([
    ['浙江省杭州市西湖区文三路90号', '浙江省', '杭州市', '西湖区', '文三路90号'],
    ['上海市徐汇区漕溪北路1号', '上海市', '上海市', '徐汇区', '漕溪北路1号'],
    ['文三路90号', '浙江省', '杭州市', '西湖区', '文三路90号'],
    ['浙江省杭州市', '浙江省', '杭州市', '', '浙江省杭州市']
  ])('keeps the street part of %s', (address, p, c, d, street) => {
    expect(streetPart(address, p, c, d)).toBe(street)
  })
})

describe('pick list and mailing', () => {
  it('counts each gift to pick', async () => {
    const { call, id } = await mailedShop()
    expect(await call('campaigns.pickList', { id })).toEqual({
      ok: true,
      data: [
        { sku: 'TEA', name: '新茶四盒装', count: 2, costFen: 2400, weightG: 350 },
        { sku: 'WIPES', name: '湿巾小样', count: 1, costFen: 600, weightG: 120 }
      ]
    })
  })

  it('refuses a mailing date after the shop’s today and records nothing', async () => {
    const { ctx, call, id } = await mailedShop()
    const r = await call('campaigns.markMailed', { id, date: '2026-11-24' })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', key: 'mailingAfterToday', params: { today: AS_OF } })
    if (!r.ok) {
      expect(formatError('mailingAfterToday', r.params!, 'zh-CN')).toBe('寄出日期不能晚于今天 2026-11-23')
      expect(formatError('mailingAfterToday', r.params!, 'en')).toBe('the mailing date cannot be after today (2026-11-23)')
    }
    expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM contact_log').get()).toEqual({ n: 0 })
    expect(ctx.db.prepare('SELECT mailing_date FROM campaigns WHERE id = ?').get(id)).toEqual({ mailing_date: null })
    expect(await call('campaigns.markMailed', { id, date: AS_OF })).toEqual({ ok: true, data: { mailingDate: AS_OF, logged: 3 } })
  })

  it('logs a gift contact per treated member, takes the stock, and refuses a second mailing', async () => {
    const { ctx, id, ids } = await mailedShop()
    // the owner marks it two days after planning, so the shop's today has moved on too
    const call = typedCall(testDispatch(testContext('2026-11-26', ctx.db)))
    expect(await call('campaigns.markMailed', { id, date: '2026-11-25' })).toEqual({ ok: true, data: { mailingDate: '2026-11-25', logged: 3 } })
    const logged = ctx.db.prepare('SELECT customer_id, at, kind, campaign_id, note FROM contact_log ORDER BY customer_id').all()
    expect(logged).toEqual([
      { customer_id: ids.get('V1'), at: '2026-11-25', kind: 'gift', campaign_id: id, note: '秋季小礼物: 新茶四盒装' },
      { customer_id: ids.get('V2'), at: '2026-11-25', kind: 'gift', campaign_id: id, note: '秋季小礼物: 湿巾小样' },
      { customer_id: ids.get('V3'), at: '2026-11-25', kind: 'gift', campaign_id: id, note: '秋季小礼物: 新茶四盒装' }
    ])
    expect(ctx.db.prepare('SELECT sku, stock FROM gifts ORDER BY sku').all()).toEqual([
      { sku: 'TEA', stock: 48 },
      { sku: 'WIPES', stock: 9 }
    ])
    const again = await call('campaigns.markMailed', { id, date: '2026-11-26' })
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', key: 'campaignAlreadyMailed', params: { date: '2026-11-25' } })
    if (!again.ok) {
      expect(formatError('campaignAlreadyMailed', again.params!, 'zh-CN')).toBe('活动已于 2026-11-25 标记寄出')
      expect(formatError('campaignAlreadyMailed', again.params!, 'en')).toBe('the campaign was already marked as mailed on 2026-11-25')
    }
    expect(await call('campaigns.remove', { id })).toMatchObject({ ok: false, code: 'CONFLICT', key: 'mailedCampaignUndeletable' })
  })

  it('leaves the gifted customers out of the next plan', async () => {
    const { call, id } = await mailedShop()
    await call('campaigns.markMailed', { id, date: '2026-11-23' })
    const next = await call('campaigns.plan', { target: { suggestion: 'sleeping' }, budgetFen: 100_000, holdout: 0, dryRun: true })
    expect(next).toMatchObject({ ok: true, data: { excluded: { recent_gift: 3 }, treated: [] } })
  })

  it('lists campaigns with their arms and cost, and deletes an unmailed one', async () => {
    const { call, id } = await mailedShop()
    expect(await call('campaigns.list', {})).toEqual({
      ok: true,
      data: [{ id, name: '秋季小礼物', createdAt: '2026-11-23T12:00:00', asOf: AS_OF, mailingDate: null, treated: 3, control: 0, costFen: 5400 }]
    })
    const detail = await call('campaigns.get', { id })
    if (!detail.ok) throw new Error(detail.message)
    expect(detail.data.members).toHaveLength(3)
    expect(detail.data.members[0]).toMatchObject({ rank: 1, ref: 'V1', name: '王芳', giftSku: 'TEA', giftName: '新茶四盒装', arm: 'treated', costFen: 2000 })
    expect(await call('campaigns.remove', { id })).toEqual({ ok: true, data: { removed: true } })
    expect(await call('campaigns.list', {})).toEqual({ ok: true, data: [] })
  })
})
