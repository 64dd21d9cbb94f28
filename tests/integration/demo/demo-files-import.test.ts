import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import ExcelJS from 'exceljs'
import { testContext, testDispatch } from '../../helpers/db'
import type { Dispatch } from '../../../electron/ipc/dispatcher'
import type { DemoResult } from '../../../shared/schemas/demo'
import { buildDemoFiles } from '../../../electron/services/demo/demo-files'
import { planSales } from '../../../electron/services/demo/sales-plan'
import { planMembers } from '../../../electron/services/demo/members-plan'
import { formatError } from '../../../shared/errors/messages'

const AS_OF = '2026-11-23'

/** the data of a call that must succeed */
function ok(call: Dispatch) {
  return async (channel: Parameters<Dispatch>[0], input: unknown): Promise<unknown> => {
    const r = (await call(channel, input as never)) as { ok: boolean; data?: unknown; error?: unknown }
    if (!r.ok) throw new Error(JSON.stringify(r.error))
    return r.data
  }
}

describe('the demo shop is a shop’s export files run through the importer', () => {
  it('writes the counter sales as GBK with a title, an export time and a 合计 row whose totals are the lines’ sums', async () => {
    const plan = planSales(40, 3, AS_OF)
    const { files } = await buildDemoFiles(40, 3, AS_OF)
    const text = iconv.decode(files.find((f) => f.name === '门店销售明细.csv')!.bytes, 'gbk')
    const rows = text.trim().split('\r\n')
    expect(rows[0]).toBe('常青母婴店 销售明细')
    expect(rows[1]).toBe('导出时间：2026-11-23 08:00:00')
    expect(rows[2].split(',')[0]).toBe('单据号')
    expect(rows.length).toBe(3 + plan.store.length + 1)
    const totals = rows.at(-1)!.split(',')
    const fen = plan.store.reduce((s, l) => s + l.amountFen, 0)
    expect(totals[0]).toBe('合计')
    expect(totals[11]).toBe(`${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`)
  })

  it('writes the online orders as an .xlsx whose order numbers are 19-digit text', async () => {
    const plan = planSales(40, 3, AS_OF)
    const { files } = await buildDemoFiles(40, 3, AS_OF)
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(files.find((f) => f.name === '天猫订单报表.xlsx')!.bytes as unknown as ArrayBuffer)
    const sheet = book.worksheets[0]
    expect(sheet.rowCount).toBe(1 + plan.online.length)
    const first = sheet.getRow(2).getCell(1).value
    expect(typeof first).toBe('string')
    expect(String(first).replace(/^R/, '')).toMatch(/^\d{19}$/)
  })

  it('imports each file as its own batch and the ledger holds exactly the files’ lines and money', async () => {
    const plan = planSales(60, 5, AS_OF)
    const ctx = testContext(AS_OF)
    const call = ok(testDispatch(ctx))
    const r = (await call('demo.load', { customers: 60, seed: 5, asOf: AS_OF })) as DemoResult
    const all = [...plan.store, ...plan.online]
    expect(r.batches).toHaveLength(4)
    expect(r.lines).toBe(all.length)
    expect(r.revenueFen).toBe(all.reduce((s, l) => s + l.amountFen, 0))
    // orders count purchases; a return is an order of its own (R + the order number) that is not one
    expect(r.orders).toBe(new Set(all.filter((l) => l.quantity > 0).map((l) => l.orderNo)).size)
    // every planned customer bought at least once, and the card/phone/buyer links make each one customer
    expect(r.customers).toBe(60)
    // the member list reaches the same customers: each tagged member's tag, each lunar birthday
    const members = planMembers(plan, 5)
    const db = ctx.db
    expect(db.prepare('SELECT count(*) FROM customer_tags').pluck().get()).toBe(members.filter((m) => m.tag).length)
    expect(db.prepare('SELECT count(*) FROM customers WHERE birthday_lunar = 1').pluck().get()).toBe(members.filter((m) => m.birthday && m.lunar).length)
    expect(db.prepare('SELECT count(*) FROM customers WHERE referred_by IS NOT NULL').pluck().get()).toBe(members.filter((m) => m.referrerCard).length)
    // the Tmall report's orders are online ones (its 店铺名称 names a platform shop), the counter's are the store's
    expect(db.prepare("SELECT count(*) FROM orders WHERE channel = 'online'").pluck().get()).toBe(new Set(plan.online.map((l) => l.orderNo)).size)
    expect(await call('demo.status', {})).toEqual({ loaded: true, loadedAt: `${AS_OF}T12:00:00`, batches: r.batches })
  })

  it('refuses to load over a shop that already has sales', async () => {
    const ctx = testContext(AS_OF)
    const call = testDispatch(ctx)
    expect((await call('demo.load', { customers: 5, seed: 1, asOf: AS_OF })).ok).toBe(true)
    const twice = await call('demo.load', { customers: 5, seed: 1, asOf: AS_OF })
    expect(twice).toMatchObject({ ok: false, code: 'CONFLICT', key: 'demoNeedsEmptyShop' })
    expect(formatError('demoNeedsEmptyShop', {}, 'zh-CN')).toBe('数据库里已有销售数据，示例店只能载入空数据库')
    expect(formatError('demoNeedsEmptyShop', {}, 'en')).toBe('the database already holds sales; the demo shop loads only into an empty one')
  })

  it('removing the demo undoes exactly its batches and leaves 0 customers and 0 orders', async () => {
    const ctx = testContext(AS_OF)
    const call = ok(testDispatch(ctx))
    const r = (await call('demo.load', { customers: 30, seed: 2, asOf: AS_OF })) as DemoResult
    const removed = await call('demo.remove', {})
    expect(removed).toEqual({ batchesUndone: [...r.batches].reverse(), customers: 0, orders: 0 })
    expect(await call('demo.status', {})).toEqual({ loaded: false, loadedAt: null, batches: [] })
    expect(await testDispatch(ctx)('demo.remove', {})).toMatchObject({ ok: false, code: 'NOT_FOUND', key: 'noDemoLoaded' })
  })
})

describe('the demo on the command line', () => {
  it('loads, then removes, the demo and writes its files for the import page', async () => {
    const { mkdtempSync, readdirSync } = await import('node:fs')
    const { tmpdir } = await import('node:os')
    const { join } = await import('node:path')
    const { runCli } = await import('../../../electron/cli/run-cli')
    const dir = mkdtempSync(join(tmpdir(), 'eg-demo-'))
    const db = join(dir, 'shop.db')
    const out = (argv: string[]) => {
      let stdout = ''
      return runCli(argv, { stdout: (s) => (stdout += s), stderr: () => {}, env: {}, version: '0.0.0-test' }).then((code) => ({ code, stdout }))
    }
    const loaded = await out(['demo', '--db', db, '--customers', '20', '--seed', '4', '--as-of', AS_OF, '--json'])
    expect(loaded.code).toBe(0)
    const d = JSON.parse(loaded.stdout)
    expect(d.customers).toBe(20)
    expect(d.batches).toHaveLength(4)
    const removed = await out(['demo', 'remove', '--db', db, '--json'])
    expect(JSON.parse(removed.stdout)).toEqual({ batchesUndone: [...d.batches].reverse(), customers: 0, orders: 0 })
    const files = await out(['demo', 'files', '--out', join(dir, 'samples'), '--db', db, '--customers', '10', '--json'])
    expect(files.code).toBe(0)
    expect(readdirSync(join(dir, 'samples')).sort()).toEqual(['会员资料.xlsx', '商品资料.xlsx', '天猫订单报表.xlsx', '门店销售明细.csv'])
    expect(JSON.parse(files.stdout).files).toEqual(
      ['商品资料.xlsx', '门店销售明细.csv', '天猫订单报表.xlsx', '会员资料.xlsx'].map((f) => join(dir, 'samples', f))
    )
    // the samples are what the page offers to try the import with: the counter file goes through the importer as sales
    const imported = await out(['import', join(dir, 'samples', '门店销售明细.csv'), '--db', db, '--json'])
    expect(imported.code).toBe(0)
    const [r] = JSON.parse(imported.stdout)
    expect(r).toMatchObject({ kind: 'sales', encoding: 'gb18030', headerRow: 3, rowsRejected: 0 })
    expect(r.rowsImported).toBeGreaterThan(0)
  })
})

describe('the demo’s files as samples for the import page', () => {
  it('answers the four files in import order with their kinds, and imports nothing', async () => {
    const ctx = testContext(AS_OF)
    const call = ok(testDispatch(ctx))
    const r = (await call('demo.files', { customers: 12, seed: 3 })) as { files: { name: string; kind: string; dataBase64: string }[] }
    expect(r.files.map((f) => [f.name, f.kind])).toEqual([
      ['商品资料.xlsx', 'products'],
      ['门店销售明细.csv', 'sales'],
      ['天猫订单报表.xlsx', 'sales'],
      ['会员资料.xlsx', 'members']
    ])
    // the contents are the files the demo itself imports (an .xlsx's zip stamps its own time, so its rows are compared)
    const { files } = await buildDemoFiles(12, 3, AS_OF)
    const rowsOf = async (bytes: Buffer) => {
      const book = new ExcelJS.Workbook()
      await book.xlsx.load(bytes as unknown as ArrayBuffer)
      return book.worksheets[0].getSheetValues()
    }
    for (const f of r.files) {
      const mine = files.find((g) => g.name === f.name)!.bytes
      const got = Buffer.from(f.dataBase64, 'base64')
      if (f.name.endsWith('.csv')) expect(got.equals(mine)).toBe(true)
      else expect(await rowsOf(got)).toEqual(await rowsOf(mine))
    }
    expect(ctx.db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(0)
    expect(ctx.db.prepare('SELECT count(*) FROM import_batches').pluck().get()).toBe(0)
  })

  it('refuses more than 5,000 customers for a sample', async () => {
    const ctx = testContext(AS_OF)
    expect(await testDispatch(ctx)('demo.files', { customers: 5001 })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })
})
