/**
 * The snapshot's figures as of a past date come either from grouping every order up to the
 * date or from the ledger's summaries minus the orders after it; as of the newest sale, from
 * the summaries alone. Each way must give every customer the same figures, on the demo shop
 * imported from its export files, with returns, customers who only bought after the date,
 * customers in both channels and customers who bought twice in a day.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { importedDemoShop } from '../../helpers/imported-shops'
import { importCsvRows, namedBySql, namingCells } from '../../helpers/orders-naming-customers'
import { readSettings } from '../../../electron/services/settings/settings-service'
import { ensurePurchaseDetail, rebuildSnapshot, SNAPSHOT } from '../../../electron/services/segments/snapshot'
import { countRule } from '../../../electron/services/segments/membership'
import { Rule } from '../../../shared/schemas/segments'
import { figuresSource, type FiguresSource } from '../../../electron/services/segments/snapshot-figures'
import { schemeSettings } from '../../../electron/services/segments/scheme-settings'
import type { Db } from '../../../electron/db/driver'

const AS_OF = '2026-11-23'

function snapshotWith(db: Db, asOf: string, source: FiguresSource) {
  rebuildSnapshot(db, asOf, schemeSettings(readSettings(db)), source)
  ensurePurchaseDetail(db, asOf, schemeSettings(readSettings(db)))
  return db.prepare(`SELECT * FROM ${SNAPSHOT} ORDER BY customer_id`).all()
}

/**
 * The demo shop sells at most once a day to a customer: 40 customers who buy on both sides of
 * 2026-09-01 also ordered online late on the day of their first purchase, as a second export
 * (an online shop's CSV, by the buyer id, card or phone the customer is known by) that the
 * importer reads like any other, so that purchase days and orders differ.
 */
async function importSameDayPurchases(db: Db) {
  const kinds = ['buyer', 'card', 'phone'] as const
  const firsts = db
    .prepare(
      `SELECT s.customer_id AS id, substr(s.first_purchase, 1, 10) AS day, ${namedBySql('s.customer_id', kinds)} AS who
       FROM customer_summaries s
       WHERE s.first_purchase < '2026-08-01' AND s.customer_id IN (SELECT customer_id FROM orders WHERE is_purchase = 1 AND ordered_at >= '2026-09-01')
       ORDER BY s.customer_id LIMIT 40`
    )
    .all() as { id: number; day: string; who: string }[]
  const rows = firsts.map(({ id, day, who }) => [`SAME-DAY-${id}`, `${day} 23:00:00`, ...namingCells(who, kinds), '天猫', 'SAME-DAY', '同日加购', '1', '12.34'])
  const r = await importCsvRows(db, '订单编号,下单时间,买家会员名,会员卡号,手机号,渠道,商品编码,商品名称,数量,实收金额', rows, `${AS_OF}T10:00:00`)
  return { found: firsts.length, imported: r.rowsImported, matched: r.customersMatched }
}

describe('the snapshot figures', () => {
  let db: Db
  let sameDay = { found: 0, imported: 0, matched: 0 }
  beforeAll(async () => {
    db = await importedDemoShop(1200, 11, AS_OF)
    sameDay = await importSameDayPurchases(db)
  }, 120_000)

  it('has the 40 same-day orders imported onto the customers they name', () => {
    expect(sameDay).toEqual({ found: 40, imported: 40, matched: 40 })
  })

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
