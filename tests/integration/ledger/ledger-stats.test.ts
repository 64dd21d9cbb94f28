import { describe, expect, it } from 'vitest'
import { LedgerWriter } from '../../../electron/services/ledger/ledger-writer'
import { summary } from '../../../electron/services/stats/stats-service'
import { defaultLifecycleThresholds } from '../../../shared/domain/lifecycle'
import { freshDb } from '../../helpers/db'
import type { Db } from '../../../electron/db/driver'

/** Three customers: Wang (store card, then phone online), Li (one purchase, then a return), Zhao (never bought). */
function smallShop(db: Db) {
  const batch = LedgerWriter.createBatch(db, { fileName: 't.csv', fileSize: 1, fileHash: 'h', importedAt: '2026-11-01T09:00:00', format: 'csv' })
  const w = new LedgerWriter(db, batch)
  const milk = w.productId('690001', '奶粉 1段', '奶粉')
  const wipes = w.productId('690002', '湿巾', '洗护')
  const sale = (cid: number, order: string, at: string, lines: [number, number, number][], channel = 'store') => {
    const oid = w.orderId({ externalId: order, orderedAt: at, customerId: cid, channel })
    lines.forEach(([pid, qty, fen], i) =>
      w.addLine({ orderId: oid, customerId: cid, productId: pid, quantity: qty, unitPriceFen: null, amountFen: fen, contentKey: `${order}:${i}` })
    )
  }
  const wang = w.resolveCustomer(
    [
      { kind: 'card', value: 'VIP001' },
      { kind: 'phone', value: '13800000001' }
    ],
    { name: '王静', seenAt: '2026-01-05T10:00:00' }
  )
  sale(wang.customerId, 'A1', '2026-01-05T10:00:00', [
    [milk, 2, 53600],
    [wipes, 1, 5900]
  ])
  const wangAgain = w.resolveCustomer(
    [
      { kind: 'phone', value: '13800000001' },
      { kind: 'buyer', value: 'tb_wang' }
    ],
    { name: '王静静', seenAt: '2026-08-25T20:00:00' }
  )
  sale(wangAgain.customerId, 'T9', '2026-08-25T20:00:00', [[milk, 1, 26800]], 'online')
  sale(wangAgain.customerId, 'T10', '2026-08-25T21:00:00', [[wipes, 1, 5900]], 'online') // same day: one purchase day
  const li = w.resolveCustomer([{ kind: 'card', value: 'VIP002' }], { name: '李丽', seenAt: '2026-03-01T12:00:00' })
  sale(li.customerId, 'A2', '2026-03-01T12:00:00', [[milk, 1, 26800]])
  sale(li.customerId, 'R2', '2026-03-04T12:00:00', [[milk, -1, -26800]])
  db.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES ('赵敏', '2026-02-01', '2026-02-01')").run()
  w.finish()
  return { wang: wang.customerId, wangAgain: wangAgain.customerId, li: li.customerId }
}

describe('the ledger', () => {
  it('links a later row by its phone to the customer first seen with a card', () => {
    const db = freshDb()
    const ids = smallShop(db)
    expect(ids.wangAgain).toBe(ids.wang)
    const kinds = db.prepare('SELECT kind, value FROM customer_identities WHERE customer_id = ? ORDER BY kind').all(ids.wang)
    expect(kinds).toEqual([
      { kind: 'buyer', value: 'tb_wang' },
      { kind: 'card', value: 'VIP001' },
      { kind: 'phone', value: '13800000001' }
    ])
  })

  it('keeps the newest name on the profile and the older one in the history', () => {
    const db = freshDb()
    const { wang } = smallShop(db)
    expect(db.prepare('SELECT name FROM customers WHERE id = ?').pluck().get(wang)).toBe('王静静')
    expect(db.prepare('SELECT name FROM customer_names WHERE customer_id = ? ORDER BY last_seen').pluck().all(wang)).toEqual(['王静', '王静静'])
  })

  it('stores a line written twice once', () => {
    const db = freshDb()
    smallShop(db)
    const w = new LedgerWriter(db, 1)
    const added = w.addLine({ orderId: 1, customerId: 1, productId: 1, quantity: 2, unitPriceFen: null, amountFen: 53600, contentKey: 'A1:0' })
    expect(added).toBe(false)
    expect(db.prepare('SELECT count(*) FROM order_lines').pluck().get()).toBe(6)
  })

  it('summarises purchases, purchase days, spend with returns, categories and channels', () => {
    const db = freshDb()
    const { wang, li } = smallShop(db)
    const row = (id: number) => db.prepare('SELECT * FROM customer_summaries WHERE customer_id = ?').get(id)
    expect(row(wang)).toEqual({
      customer_id: wang,
      orders: 3,
      purchase_days: 2,
      spend_fen: 92200,
      returns_fen: 0,
      first_purchase: '2026-01-05T10:00:00',
      last_purchase: '2026-08-25T21:00:00',
      categories: 2,
      channels: 2
    })
    expect(row(li)).toMatchObject({ orders: 1, purchase_days: 1, spend_fen: 0, returns_fen: -26800, last_purchase: '2026-03-01T12:00:00' })
  })
})

describe('stats as of a date', () => {
  it('recounts the categories of earlier buyers when a later batch names the category of a product', () => {
    const db = freshDb()
    const batch = (name: string) =>
      new LedgerWriter(db, LedgerWriter.createBatch(db, { fileName: name, fileSize: 1, fileHash: name, importedAt: '2026-11-01T09:00:00', format: 'csv' }))
    const first = batch('a.csv')
    const wang = first.resolveCustomer([{ kind: 'card', value: 'VIP001' }], { name: '王静', seenAt: '2026-01-05T10:00:00' }).customerId
    const order = first.orderId({ externalId: 'A1', orderedAt: '2026-01-05T10:00:00', customerId: wang })
    const products = [first.productId('690001', '奶粉 1段'), first.productId('690002', '湿巾', '洗护')]
    products.forEach((productId, i) =>
      first.addLine({ orderId: order, customerId: wang, productId, quantity: 1, unitPriceFen: null, amountFen: 100, contentKey: `A1:${i}` })
    )
    first.finish()
    const categories = () => db.prepare('SELECT categories FROM customer_summaries WHERE customer_id = ?').pluck().get(wang)
    expect(categories()).toBe(1)

    // another customer's row names the milk's category; Wang bought nothing in this batch
    const second = batch('b.csv')
    const li = second.resolveCustomer([{ kind: 'card', value: 'VIP002' }], { name: '李丽', seenAt: '2026-02-01T10:00:00' }).customerId
    const liOrder = second.orderId({ externalId: 'B1', orderedAt: '2026-02-01T10:00:00', customerId: li })
    second.addLine({
      orderId: liOrder,
      customerId: li,
      productId: second.productId('690001', '奶粉 1段', '奶粉'),
      quantity: 1,
      unitPriceFen: null,
      amountFen: 100,
      contentKey: 'B1:0'
    })
    second.finish()
    expect(categories()).toBe(2)
  })

  it('counts purchase occasions, every line and revenue net of returns', () => {
    const db = freshDb()
    smallShop(db)
    expect(summary(db, '2026-11-23', defaultLifecycleThresholds)).toEqual({
      asOf: '2026-11-23',
      customers: 3,
      orders: 4,
      lines: 6,
      revenueFen: 92200,
      // Wang: last purchase 2026-08-25, 90 days before → active; Li: 2026-03-01, 267 days → sleeping
      lifecycle: { active: 1, silent: 0, sleeping: 1, drifting: 0, lost: 0 }
    })
  })

  it('sees only what had happened by an earlier date', () => {
    const db = freshDb()
    smallShop(db)
    expect(summary(db, '2026-03-02', defaultLifecycleThresholds)).toEqual({
      asOf: '2026-03-02',
      customers: 3,
      orders: 2,
      lines: 3,
      revenueFen: 86300,
      lifecycle: { active: 2, silent: 0, sleeping: 0, drifting: 0, lost: 0 }
    })
  })

  it('moves a customer to silent on day 91', () => {
    const db = freshDb()
    smallShop(db)
    expect(summary(db, '2026-11-24', defaultLifecycleThresholds).lifecycle).toMatchObject({ active: 0, silent: 1 })
  })
})
