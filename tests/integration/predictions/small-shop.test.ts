import { describe, expect, it } from 'vitest'
import { LedgerWriter } from '../../../electron/services/ledger/ledger-writer'
import { testContext, testDispatch } from '../../helpers/db'
import type { ClvFit, CustomerScore, TopList } from '../../../shared/schemas/predictions'
import type { Db } from '../../../electron/db/driver'

/** Twelve customers: one buys every 30 days six times then stops; the rest buy once or twice. */
function tinyShop(db: Db) {
  const batch = LedgerWriter.createBatch(db, { fileName: 't.csv', fileSize: 1, fileHash: 'h', importedAt: '2026-11-01T09:00:00', format: 'csv' })
  const w = new LedgerWriter(db, batch)
  const p = w.productId('1', '奶粉', '奶粉')
  let n = 0
  const sale = (cid: number, at: string) => {
    const oid = w.orderId({ externalId: `R${++n}`, orderedAt: at, customerId: cid })
    w.addLine({ orderId: oid, customerId: cid, productId: p, quantity: 1, unitPriceFen: 26800, amountFen: 26800, contentKey: `R${n}` })
  }
  const regular = w.resolveCustomer([{ kind: 'card', value: 'VIP1' }], { name: '王静', seenAt: '2026-01-01' }).customerId
  for (const d of ['2026-03-04', '2026-04-03', '2026-05-03', '2026-06-02', '2026-07-02', '2026-08-01']) sale(regular, d)
  for (let i = 2; i <= 12; i++) {
    const c = w.resolveCustomer([{ kind: 'card', value: `VIP${i}` }], { seenAt: '2026-01-01' }).customerId
    sale(c, `2026-0${(i % 8) + 1}-1${i % 10}`)
    if (i % 3 === 0) sale(c, '2026-09-20')
  }
  w.finish()
  return regular
}

describe('predictions for a small shop', () => {
  it('falls back to plain rules below 100 repeat buyers and says so', async () => {
    const ctx = testContext('2026-11-04')
    tinyShop(ctx.db)
    const r = (await testDispatch(ctx)('predictions.fit', { calibrationEnd: '2026-11-04' })) as { ok: true; data: ClvFit }
    expect(r.data.mode).toBe('rules')
    expect(r.data.repeatBuyers).toBe(5)
    expect(r.data.message.zh).toMatch(/^只有 5 位回头客，少于模型需要的 100 位/)
    expect(r.data.bgnbd).toBeNull()
  })

  it('explains a customer in words: six purchases about every 30 days, last 95 days ago', async () => {
    const ctx = testContext('2026-11-04')
    tinyShop(ctx.db)
    const r = (await testDispatch(ctx)('predictions.customer', { ref: 'VIP1' })) as { ok: true; data: CustomerScore }
    expect(r.data.mode).toBe('rules')
    expect(r.data.expectedPurchases).toBeNull()
    expect(r.data.explanation).toEqual({
      zh: '买了 6 次，大约每 30 天一次；上次是 95 天前，是平时间隔的 3 倍',
      en: 'bought 6 times, about every 30 days; last 95 days ago, three times the usual gap'
    })
  })

  it("ranks by the last year's spend below 100 repeat buyers: 王静's six visits of ¥268 come first", async () => {
    const ctx = testContext('2026-11-04')
    tinyShop(ctx.db)
    const r = (await testDispatch(ctx)('predictions.top', { limit: 3 })) as { ok: true; data: TopList }
    expect(r.data).toMatchObject({ asOf: '2026-11-04', mode: 'rules', model: 'rules', choice: null })
    expect(r.data.rows[0]).toMatchObject({ name: '王静', purchaseDays: 6, spentFen: 160_800, expectedValueFen: null })
    expect(r.data.rows).toHaveLength(3)
  })

  it('answers a clear error when asked for an unknown customer', async () => {
    const ctx = testContext('2026-11-04')
    tinyShop(ctx.db)
    expect(await testDispatch(ctx)('predictions.customer', { ref: 'nobody' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })
})
