/** Re-importing, undoing, rejected rows, remembered mappings, and the channels the UI calls. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { freshDb, testContext, testDispatch } from '../../helpers/db'
import { listBatches, rejectedRowsCsv, undoBatch } from '../../../electron/services/imports/batches'
import { LedgerWriter } from '../../../electron/services/ledger/ledger-writer'
import { fixture, footprint, importFixture, importText } from './helpers'

describe('importing the same file again', () => {
  it('stores nothing new but a batch receipt, and matches the customers', async () => {
    const db = freshDb()
    await importFixture(db, 'gbk-title-totals.csv')
    const before = footprint(db)
    const again = await importFixture(db, 'gbk-title-totals.csv')
    expect(again).toMatchObject({ rowsImported: 0, duplicates: 8, customersCreated: 0, customersMatched: 3, totalFen: 0, rowsRejected: 2 })
    expect(footprint(db)).toEqual({ ...before, import_batches: 2, rejected_rows: 4 })
  })

  it('resolves a file holding only phones to the customers an earlier file created by card', async () => {
    const db = freshDb()
    await importFixture(db, 'gbk-title-totals.csv')
    const r = await importText(db, '手机号,下单时间,实付金额,渠道\n138 0013 8000,2024-04-01 09:00,50,天猫\n')
    expect(r).toMatchObject({ customersCreated: 0, customersMatched: 1, rowsImported: 1 })
    const channels = db
      .prepare("SELECT s.channels FROM customer_summaries s JOIN customer_identities i ON i.customer_id = s.customer_id WHERE i.value = '13800138000'")
      .pluck()
      .get()
    expect(channels).toBe(2)
  })

  it('stores the second copy of a line when a later export holds it twice and the earlier one once', async () => {
    const db = freshDb()
    const head = '单据号,会员卡号,销售时间,商品名称,实收金额\n'
    const line = 'R1,K1,2024-03-05 10:00,湿巾,12\n'
    expect((await importText(db, head + line)).rowsImported).toBe(1)
    const again = await importText(db, head + line + line + line)
    expect(again).toMatchObject({ rowsImported: 2, duplicates: 1 })
    expect(db.prepare('SELECT count(*) FROM order_lines').pluck().get()).toBe(3)
    expect((await importText(db, head + line + line + line)).duplicates).toBe(3)
  })

  it('synthesises an order key from customer and time when the export has no order id', async () => {
    const db = freshDb()
    const text = '会员卡号,销售时间,商品名称,实收金额\nA1,2024-03-05 10:00,奶粉,100\nA1,2024-03-05 10:00,湿巾,12\nA1,2024-03-06 10:00,奶粉,100\n'
    await importText(db, text)
    expect(db.prepare('SELECT external_id FROM orders ORDER BY id').pluck().all()).toEqual(['~card:A1@2024-03-05T10:00:00', '~card:A1@2024-03-06T10:00:00'])
    expect((await importText(db, text)).duplicates).toBe(3)
  })
})

describe('undoBatch', () => {
  it('removes the lines, orders, products and customers of the batch and lets the file import again', async () => {
    const db = freshDb()
    const empty = footprint(db)
    const first = await importFixture(db, 'gbk-title-totals.csv')
    const u = undoBatch(db, first.batchId, '2026-11-23T11:00:00')
    expect(u).toEqual({
      batchId: first.batchId,
      linesRemoved: 8,
      ordersRemoved: 6,
      customersRemoved: 3,
      customersKept: 0,
      productsRemoved: 5,
      fieldsRestored: 0
    })
    expect({ ...footprint(db), import_batches: 0, rejected_rows: 0 }).toEqual(empty)
    expect(listBatches(db)[0]).toMatchObject({ id: first.batchId, undone: true, undoneAt: '2026-11-23T11:00:00' })
    const again = await importFixture(db, 'gbk-title-totals.csv')
    expect(again).toMatchObject({ rowsImported: 8, duplicates: 0, customersCreated: 3 })
  })

  it('keeps a customer the batch created when a later batch refers to them, and refreshes their figures', async () => {
    const db = freshDb()
    const first = await importText(db, '会员卡号,销售时间,实收金额\nK1,2024-03-05 10:00,100\n')
    await importText(db, '会员卡号,销售时间,实收金额\nK1,2024-04-05 10:00,30\n')
    const u = undoBatch(db, first.batchId, '2026-11-23T11:00:00')
    expect(u).toMatchObject({ linesRemoved: 1, customersRemoved: 0, customersKept: 1 })
    expect(db.prepare('SELECT orders, spend_fen, first_purchase FROM customer_summaries').get()).toEqual({
      orders: 1,
      spend_fen: 3000,
      first_purchase: '2024-04-05T10:00:00'
    })
    expect(db.prepare("SELECT count(*) FROM customer_identities WHERE value = 'K1'").pluck().get()).toBe(1)
  })

  it('takes back the identities a batch added to a customer who existed before it', async () => {
    const db = freshDb()
    await importText(db, '会员卡号,销售时间,实收金额\nK1,2024-03-05 10:00,100\n')
    const second = await importText(db, '会员卡号,手机号,销售时间,实收金额\nK1,13812345678,2024-04-05 10:00,30\n')
    expect(second.customersMatched).toBe(1)
    undoBatch(db, second.batchId, '2026-11-23T11:00:00')
    expect(db.prepare("SELECT count(*) FROM customer_identities WHERE kind = 'phone'").pluck().get()).toBe(0)
    expect(db.prepare('SELECT spend_fen FROM customer_summaries').pluck().get()).toBe(10000)
  })

  it('refuses to undo twice or a batch that does not exist', async () => {
    const db = freshDb()
    const r = await importText(db, '会员卡号,销售时间,实收金额\nK1,2024-03-05 10:00,100\n')
    undoBatch(db, r.batchId, '2026-11-23T11:00:00')
    expect(() => undoBatch(db, r.batchId, '2026-11-23T11:00:00')).toThrow(
      expect.objectContaining({ code: 'CONFLICT', key: 'batchAlreadyUndone', params: { id: r.batchId, at: '2026-11-23T11:00:00' } })
    )
    expect(() => undoBatch(db, 99, '2026-11-23T11:00:00')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', key: 'importBatchNotFound', params: { id: 99 } })
    )
  })

  it('leaves the demo shop alone when undoing an import', async () => {
    const db = freshDb()
    const demoBatch = LedgerWriter.createBatch(db, { fileName: 'demo', fileSize: 0, fileHash: '', importedAt: '2026-11-23T09:00:00', format: 'demo' })
    const w = new LedgerWriter(db, demoBatch)
    const { customerId } = w.resolveCustomer([{ kind: 'card', value: 'K1' }], { seenAt: '2024-01-01' })
    const orderId = w.orderId({ externalId: 'D1', orderedAt: '2024-01-01', customerId })
    w.addLine({ orderId, customerId, productId: w.productId('', '奶粉'), quantity: 1, unitPriceFen: 100, amountFen: 100, contentKey: 'demo-1' })
    w.finish()
    const r = await importText(db, '会员卡号,销售时间,商品名称,实收金额\nK1,2024-03-05 10:00,奶粉,100\n')
    undoBatch(db, r.batchId, '2026-11-23T11:00:00')
    expect(db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(1)
    expect(db.prepare('SELECT orders, spend_fen FROM customer_summaries').get()).toEqual({ orders: 1, spend_fen: 100 })
  })
})

describe('rejected rows', () => {
  it('downloads as CSV with a BOM: row, column, value, reason', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'gbk-title-totals.csv')
    const out = rejectedRowsCsv(db, r.batchId)
    expect(out.count).toBe(2)
    expect(out.fileName).toBe('gbk-title-totals-rejected-rows.csv')
    expect(out.csv.startsWith('\ufeff')).toBe(true)
    expect(out.csv.split('\r\n').slice(1, 3)).toEqual([
      '14,销售时间,2024/2/30 10:00,无法识别的日期时间 (unreadable date/time)',
      '15,实收金额,abc,无法识别的金额 (unreadable amount)'
    ])
  })
})

describe('the imports channels', () => {
  it('previews, remembers a corrected mapping by header signature, commits, lists and undoes', async () => {
    const ctx = testContext()
    const call = testDispatch(ctx)
    const text = '流水,时间,卡,金额,备注\nA1,2024-03-05 10:00,K1,10,x\n'
    const file = { name: 'weekly.csv', dataBase64: Buffer.from(text).toString('base64') }
    const p1 = await call('imports.preview', { file })
    expect(p1).toMatchObject({
      ok: true,
      data: { headerRow: 1, mappingSource: 'auto', mapping: { timeOfDay: '时间', remark: '备注' }, rows: [['A1', '2024-03-05 10:00', 'K1', '10', 'x']] }
    })
    const mapping = { orderId: '流水', timeOfDay: '时间', card: '卡', amount: '金额', remark: null }
    const done = await call('imports.commit', { file, options: { mapping } })
    expect(done).toMatchObject({
      ok: true,
      data: { rowsImported: 1, customersCreated: 1, mapping: { orderId: '流水', timeOfDay: '时间', card: '卡', amount: '金额' } }
    })
    const p2 = await call('imports.preview', { file: { name: 'next-week.csv', dataBase64: Buffer.from(text.replace('A1', 'A2')).toString('base64') } })
    expect(p2).toMatchObject({ ok: true, data: { mappingSource: 'remembered', mapping: { orderId: '流水', card: '卡', amount: '金额' } } })
    const batches = await call('imports.batches', {})
    expect(batches).toMatchObject({ ok: true, data: [{ file: 'weekly.csv', rowsImported: 1, undone: false }] })
    expect(await call('imports.undo', { batchId: 1 })).toMatchObject({ ok: true, data: { linesRemoved: 1, customersRemoved: 1 } })
    expect(await call('imports.rejected', { batchId: 1 })).toMatchObject({ ok: true, data: { count: 0 } })
  })

  it('reads a file by path and runs a started job to the end (in this process under vitest)', async () => {
    const ctx = testContext()
    const call = testDispatch(ctx)
    const started = await call('imports.start', { file: { path: fixture('online-retail-slice.csv') } })
    expect(started.ok).toBe(true)
    const jobId = (started as { data: { jobId: string } }).data.jobId
    let progress
    for (let i = 0; i < 200; i++) {
      progress = await call('imports.progress', { jobId })
      if (progress.ok && (progress.data as { state: string }).state !== 'running') break
      await new Promise((r) => setTimeout(r, 20))
    }
    expect(progress).toMatchObject({ ok: true, data: { state: 'done', rowsDone: 410, rowsTotal: 410, result: { rowsImported: 352 } } })
    expect(await call('imports.cancel', { jobId })).toEqual({ ok: true, data: { cancelled: false } })
  })

  it('answers a clear error for a missing file and an unknown mapped column', async () => {
    const call = testDispatch(testContext())
    expect(await call('imports.preview', { file: { path: '/nope/missing.csv' } })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      key: 'fileNotFound',
      params: { path: '/nope/missing.csv' }
    })
    const file = { name: 'a.csv', dataBase64: Buffer.from(readFileSync(fixture('semicolon-decimal-comma.csv'))).toString('base64') }
    expect(await call('imports.commit', { file, options: { mapping: { amount: 'Betrag' } } })).toMatchObject({
      ok: false,
      code: 'BAD_INPUT',
      key: 'columnNotFound',
      params: { header: 'Betrag' }
    })
  })
})
