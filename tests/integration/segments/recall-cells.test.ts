/**
 * Recall on a shop made of a POS export run through the importer, with the names the review
 * found mishandled: a product whose name holds a comma, and a member whose name a spreadsheet
 * would run as a formula.
 */
import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { runImport } from '../../../electron/services/imports/import-service'

const POS_EXPORT = [
  '单据号,销售时间,会员卡号,会员姓名,手机号,商品条码,商品名称,数量,单价,实收金额,支付方式,订单状态',
  'S001,2026/10/02 10:00,VIP001,王芳,13900000001,6900001,"羊奶粉,900g",2,￥198.00,￥396.00,微信,已完成',
  'S002,2026/10/05 11:00,VIP001,王芳,13900000001,6900002,羊奶粉 400g,1,￥98.00,￥98.00,微信,已完成',
  'S003,2026/10/09 15:30,VIP002,=HYPERLINK("x"),13900000002,6900001,"羊奶粉,900g",1,￥198.00,￥198.00,现金,已完成',
  'S004,2026/10/12 09:15,VIP003,\'李静,13900000003,6900001,"羊奶粉,900g",1,￥198.00,￥198.00,现金,已完成'
].join('\r\n')

async function shop() {
  const ctx = testContext('2026-11-23')
  const r = await runImport(ctx.db, {
    file: { name: 'pos.csv', dataBase64: Buffer.from(POS_EXPORT, 'utf8').toString('base64') },
    options: {},
    importedAt: '2026-11-23T10:00:00',
    backup: null
  })
  expect(r).toMatchObject({ rowsImported: 4, rowsRejected: 0, totalFen: 89_000 })
  const dispatch = testDispatch(ctx)
  return async <T>(channel: string, input: unknown): Promise<T> => {
    const reply = await dispatch(channel, input)
    if (!reply.ok) throw new Error(`${reply.code}: ${reply.message}`)
    return reply.data as T
  }
}

describe('recall with names that hold commas or look like formulas', () => {
  it('keeps 「羊奶粉,900g」 one product beside the other one the customer bought', async () => {
    const call = await shop()
    const rows = await call<{ customer: string; products: string[] }[]>('segments.recall', { product: '羊奶粉', from: '2026-10-01', to: '2026-10-31' })
    const wang = rows.find((r) => r.customer === '王芳')
    expect(wang?.products.slice().sort()).toEqual(['羊奶粉 400g', '羊奶粉,900g'])
    expect(rows.filter((r) => r.customer !== '王芳').map((r) => r.products)).toEqual([['羊奶粉,900g'], ['羊奶粉,900g']])
  })

  it('writes the CSV with the shared writer: quoted commas, formula starts and a leading apostrophe behind one more', async () => {
    const call = await shop()
    const out = await call<{ content: string }>('segments.recallExport', { product: '6900001', from: '2026-10-01', to: '2026-10-31', kind: 'callList' })
    const lines = out.content.replace('\uFEFF', '').trim().split('\r\n')
    expect(lines.slice(1)).toEqual([
      '\'\'李静,13900000003,"羊奶粉,900g",1,2026-10-12,,,',
      '"\'=HYPERLINK(""x"")",13900000002,"羊奶粉,900g",1,2026-10-09,,,',
      '王芳,13900000001,"羊奶粉,900g",2,2026-10-02,,,'
    ])
  })
})
