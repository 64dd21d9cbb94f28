/**
 * The snapshot's figures as of a past date come either from grouping every order up to the
 * date or from the ledger's summaries minus the orders after it; as of the newest sale, from
 * the summaries alone. Each way must give every customer the same figures, on a demo shop
 * with returns, customers who only bought after the date, customers in both channels and
 * customers who bought twice in a day.
 */
import { describe, expect, it } from 'vitest'
import { testContext } from '../../helpers/db'
import { loadDemoShop } from '../../../electron/services/demo/demo-shop'
import { readSettings } from '../../../electron/services/settings/settings-service'
import { ensurePurchaseDetail, rebuildSnapshot, SNAPSHOT } from '../../../electron/services/segments/snapshot'
import { countRule } from '../../../electron/services/segments/membership'
import { Rule } from '../../../shared/schemas/segments'
import { figuresSource, type FiguresSource } from '../../../electron/services/segments/snapshot-figures'
import { schemeSettings } from '../../../electron/services/segments/scheme-settings'
import type { Db } from '../../../electron/db/driver'
import { LedgerWriter } from '../../../electron/services/ledger/ledger-writer'

const AS_OF = '2026-11-23'

function snapshotWith(db: Db, asOf: string, source: FiguresSource) {
  rebuildSnapshot(db, asOf, schemeSettings(readSettings(db)), source)
  ensurePurchaseDetail(db, asOf, schemeSettings(readSettings(db)))
  return db.prepare(`SELECT * FROM ${SNAPSHOT} ORDER BY customer_id`).all()
}

/**
 * The demo shop sells at most once a day to a customer: give 40 customers who buy on both sides
 * of 2026-09-01 a second, online purchase on the day of their first one, so that purchase
 * days and orders differ.
 */
function addSameDayPurchases(db: Db) {
  const firsts = db
    .prepare(
      `SELECT customer_id AS id, substr(first_purchase, 1, 10) AS day FROM customer_summaries
       WHERE first_purchase < '2026-08-01' AND customer_id IN (SELECT customer_id FROM orders WHERE is_purchase = 1 AND ordered_at >= '2026-09-01')
       ORDER BY customer_id LIMIT 40`
    )
    .all() as { id: number; day: string }[]
  db.transaction(() => {
    const batch = LedgerWriter.createBatch(db, { fileName: 'same-day', fileSize: 0, fileHash: 'same-day', importedAt: `${AS_OF}T00:00:00`, format: 'demo' })
    const w = new LedgerWriter(db, batch)
    const productId = w.productId('SAME-DAY', '同日加购', '奶粉')
    for (const { id, day } of firsts) {
      const orderId = w.orderId({ externalId: `same-day-${id}`, orderedAt: `${day}T23:00:00`, customerId: id, channel: 'online' })
      w.addLine({ orderId, customerId: id, productId, quantity: 1, unitPriceFen: 1234, amountFen: 1234, contentKey: `same-day-${id}` })
    }
    w.finish()
  })()
}

describe('the snapshot figures', () => {
  const { db } = testContext()
  loadDemoShop(db, { customers: 1200, seed: 11, asOf: AS_OF })
  addSameDayPurchases(db)

  it('has buyers after the past dates, returns and two-channel customers to test against', () => {
    const facts = db
      .prepare(
        `SELECT (SELECT count(DISTINCT customer_id) FROM orders WHERE ordered_at >= '2026-09-01') AS lateBuyers,
                (SELECT count(*) FROM order_lines WHERE amount_fen < 0) AS returnLines,
                (SELECT count(*) FROM customer_summaries WHERE channels > 1) AS twoChannels,
                (SELECT count(*) FROM customer_summaries WHERE orders > purchase_days) AS twiceInADay`
      )
      .get() as Record<string, number>
    expect(facts.lateBuyers).toBeGreaterThan(100)
    expect(facts.returnLines).toBeGreaterThan(10)
    expect(facts.twoChannels).toBeGreaterThan(10)
    expect(facts.twiceInADay).toBe(40)
  })

  it.each(['2026-11-22', '2026-08-31', '2026-03-15', '2025-06-30'])('are the same by subtraction and by grouping orders as of %s', (asOf) => {
    const grouped = snapshotWith(db, asOf, 'aggregate')
    expect(grouped.length).toBeGreaterThan(0)
    expect(snapshotWith(db, asOf, 'subtract')).toEqual(grouped)
  })

  it('works out purchase days and channels on both sides of a past date only when a rule reads them', () => {
    const asOf = '2026-08-31'
    const settings = readSettings(db)
    const bothSides = db
      .prepare(
        `SELECT count(*) FROM customer_summaries
         WHERE first_purchase < '2026-09-01' AND customer_id IN (SELECT customer_id FROM orders WHERE is_purchase = 1 AND ordered_at >= '2026-09-01')`
      )
      .pluck()
      .get() as number
    const pending = () => db.prepare('SELECT count(*) FROM temp.seg_base WHERE purchase_days IS NULL OR channels IS NULL').pluck().get()
    rebuildSnapshot(db, asOf, schemeSettings(settings), 'subtract')
    expect(bothSides).toBeGreaterThan(50)
    expect(pending()).toBe(bothSides)

    const rule = Rule.parse({
      any: [
        { field: 'channelCount', op: '>=', value: 2 },
        { field: 'avgIntervalDays', op: '<=', value: 30 }
      ]
    })
    const subtracted = countRule(db, rule, asOf, settings)
    expect(pending()).toBe(0)
    rebuildSnapshot(db, asOf, schemeSettings(settings), 'aggregate')
    expect(subtracted).toBe(countRule(db, rule, asOf, settings))
    expect(subtracted).toBeGreaterThan(0)
  })

  it('reads the summaries alone as of the newest sale, with the same figures as grouping', () => {
    expect(figuresSource(db, AS_OF)).toBe('summaries')
    expect(snapshotWith(db, AS_OF, 'summaries')).toEqual(snapshotWith(db, AS_OF, 'aggregate'))
  })

  it('subtracts for recent dates and groups for early ones', () => {
    // the demo shop's sales run over the two years before AS_OF
    expect(figuresSource(db, '2026-08-31')).toBe('subtract')
    expect(figuresSource(db, '2025-03-01')).toBe('aggregate')
  })
})
