/**
 * Real and hand-made exports through the whole pipeline, with exact figures (worked out
 * independently from the files; see tests/fixtures/README.md).
 */
import { describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/db'
import { summary } from '../../../electron/services/stats/stats-service'
import { defaultLifecycleThresholds } from '../../../shared/domain/lifecycle'
import { importFixture } from './helpers'

describe('the GBK POS export with a title row and a 合计 row', () => {
  it('detects GB18030, the header under the title, the totals row, and imports the right rows', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'gbk-title-totals.csv')
    expect(r).toMatchObject({
      encoding: 'gb18030',
      delimiter: ',',
      headerRow: 4,
      rowsRead: 12,
      rowsImported: 8,
      walkIn: 1,
      excludedByStatus: 1,
      rowsRejected: 2,
      duplicates: 0,
      customersCreated: 3,
      customersMatched: 0,
      totalFen: 205850,
      readTotalFen: 238200,
      fileTotalFen: 238200,
      returns: 1
    })
    expect(r.mapping).toMatchObject({
      orderId: '单据号',
      orderedAt: '销售时间',
      card: '会员卡号',
      name: '会员姓名',
      phone: '手机号',
      amount: '实收金额',
      status: '订单状态'
    })
    expect(r.errors).toEqual([
      { row: 14, column: '销售时间', value: '2024/2/30 10:00', reason: expect.stringContaining('日期') },
      { row: 15, column: '实收金额', value: 'abc', reason: expect.stringContaining('金额') }
    ])
  })

  it('links a card-only row, a phone-only row and a row with both into one customer with the newest name', async () => {
    const db = freshDb()
    await importFixture(db, 'gbk-title-totals.csv')
    const ids = db.prepare("SELECT customer_id, kind, value FROM customer_identities WHERE value IN ('VIP001', '13800138000')").all() as {
      customer_id: number
    }[]
    expect(ids).toHaveLength(2)
    expect(new Set(ids.map((i) => i.customer_id)).size).toBe(1)
    const c = db
      .prepare('SELECT c.name, s.orders, s.spend_fen, s.returns_fen FROM customers c JOIN customer_summaries s ON s.customer_id = c.id WHERE c.id = ?')
      .get(ids[0].customer_id)
    expect(c).toEqual({ name: '王芳芳', orders: 3, spend_fen: 39600 + 8950 + 19800 - 19800, returns_fen: -19800 })
    const names = db.prepare('SELECT name FROM customer_names WHERE customer_id = ? ORDER BY last_seen').pluck().all(ids[0].customer_id)
    expect(names).toEqual(['王芳', '王芳芳'])
  })

  it('keeps the same product twice on one receipt as two lines and reads full-width card numbers', async () => {
    const db = freshDb()
    await importFixture(db, 'gbk-title-totals.csv')
    const wipes = db
      .prepare(
        "SELECT count(*) FROM order_lines l JOIN orders o ON o.id = l.order_id JOIN products p ON p.id = l.product_id WHERE o.external_id = 'S005' AND p.name = '湿巾'"
      )
      .pluck()
      .get()
    expect(wipes).toBe(2)
    expect(db.prepare("SELECT count(*) FROM customer_identities WHERE kind = 'card' AND value = 'VIP004'").pluck().get()).toBe(1)
    const s = summary(db, '2024-03-31', defaultLifecycleThresholds)
    expect(s).toMatchObject({ customers: 3, orders: 5, lines: 8, revenueFen: 205850 })
  })
})

describe('UCI Online Retail (a slice)', () => {
  it('imports lines with a customer, counts missing CustomerID as walk-ins, and keeps C-invoices as returns', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'online-retail-slice.csv')
    expect(r).toMatchObject({
      rowsRead: 410,
      rowsImported: 352,
      walkIn: 58,
      rowsRejected: 0,
      customersCreated: 28,
      totalFen: 1379534,
      returns: 11,
      readTotalFen: 1411901
    })
    expect(r.mapping).toMatchObject({
      orderId: 'InvoiceNo',
      orderedAt: 'InvoiceDate',
      externalId: 'CustomerID',
      productCode: 'StockCode',
      unitPrice: 'UnitPrice'
    })
    expect(db.prepare("SELECT value FROM customer_identities WHERE value LIKE '1785%'").pluck().all()).toEqual(['17850'])
    expect(db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(38)
    expect(db.prepare('SELECT count(*) FROM orders WHERE is_purchase = 1').pluck().get()).toBe(34)
    expect(db.prepare("SELECT total_fen FROM orders WHERE external_id LIKE 'C%' ORDER BY id LIMIT 1").pluck().get()).toBeLessThan(0)
  })
})

describe('English POS exports', () => {
  it('reads the Square export: Net Sales over Gross Sales, every row a walk-in (no Customer ID)', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'square-transactions-2018.csv')
    expect(r.mapping).toMatchObject({ amount: 'Net Sales', date: 'Date', timeOfDay: 'Time', externalId: 'Customer ID', status: 'Event Type' })
    expect(r).toMatchObject({ rowsRead: 4, walkIn: 4, rowsImported: 0, readTotalFen: 114900 + 15000 + 54000 + 59500 })
  })

  it('reads the Shopify export: email as the identity, line price × quantity, Created at where Paid at is empty', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'shopify-orders-2025-12.csv')
    expect(r).toMatchObject({ rowsRead: 121, rowsImported: 120, walkIn: 1, rowsRejected: 0, customersCreated: 2, totalFen: 56094700 })
    expect(db.prepare("SELECT count(*) FROM customer_identities WHERE value = 'shivagtx@gmail.com'").pluck().get()).toBe(1)
  })

  it('reads the Tmall report: trailing spaces in headers, the paid amount, no customer id so all walk-ins', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'tmall-order-report-slice.csv')
    expect(r.mapping).toEqual({ orderId: '订单编号', orderedAt: '订单付款时间', amount: '买家实际支付金额', address: '收货地址' })
    expect(r).toMatchObject({ rowsRead: 200, walkIn: 200, rowsImported: 0 })
  })
})

describe('encodings, delimiters and xlsx', () => {
  it('reads UTF-16 LE with a BOM and tabs; closed and unpaid orders are excluded; long ids stay text', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'utf16le-bom-tabs.txt')
    expect(r).toMatchObject({ encoding: 'utf-16le', delimiter: '\t', rowsRead: 4, rowsImported: 2, excludedByStatus: 2, customersCreated: 1, totalFen: 14780 })
    expect(db.prepare('SELECT external_id FROM orders ORDER BY id').pluck().all()).toEqual(['620123456789012345', '620123456789012348'])
    // the newest address wins, the older one is kept
    const c = db.prepare('SELECT id, address FROM customers').get() as { id: number; address: string }
    expect(c.address).toBe('浙江省杭州市滨江区江南大道 2 号')
    expect(db.prepare('SELECT count(*) FROM customer_addresses WHERE customer_id = ?').pluck().get(c.id)).toBe(2)
    expect(db.prepare('SELECT channel FROM orders LIMIT 1').pluck().get()).toBe('online')
  })

  it('reads UTF-16 BE without a BOM to the same result', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'utf16be-nobom.csv')
    expect(r).toMatchObject({ encoding: 'utf-16be', delimiter: ',', rowsImported: 2, excludedByStatus: 2, totalFen: 14780 })
  })

  it('reads semicolons with decimal commas and day-first dates', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'semicolon-decimal-comma.csv')
    expect(r).toMatchObject({ delimiter: ';', rowsImported: 4, customersCreated: 2, totalFen: 123450 + 2500 + 300 - 300, returns: 1 })
    expect(db.prepare('SELECT ordered_at FROM orders ORDER BY id').pluck().all()).toEqual(['2024-03-05', '2024-03-13', '2024-04-01', '2024-04-02'])
  })

  it('reads the xlsx: header under a merged title, real dates, numeric cards, price × quantity, the 合计 row', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'pos-sales.xlsx')
    expect(r).toMatchObject({
      encoding: null,
      headerRow: 2,
      rowsRead: 4,
      rowsImported: 3,
      walkIn: 1,
      customersCreated: 1,
      totalFen: 38935,
      fileTotalFen: 40135,
      readTotalFen: 40135
    })
    expect(db.prepare('SELECT ordered_at FROM orders ORDER BY id').pluck().all()).toEqual(['2024-03-05T14:03:00', '2024-03-06T09:30:15', '2024-03-07'])
    expect(db.prepare('SELECT external_id FROM orders ORDER BY id LIMIT 1').pluck().get()).toBe('620000000000000001')
    expect(db.prepare("SELECT kind || ':' || value FROM customer_identities ORDER BY kind").pluck().all()).toEqual(['card:88001234', 'phone:13800138000'])
  })
})
