/**
 * The snapshot's figures as of a past date come either from grouping every order up to the
 * date or from the ledger's summaries minus the orders after it; as of the newest sale, from
 * the summaries alone. Each way must give every customer the same figures, on a demo shop
 * with returns, customers who only bought after the date and customers in both channels.
 */
import { describe, expect, it } from 'vitest'
import { testContext } from '../../helpers/db'
import { loadDemoShop } from '../../../electron/services/demo/demo-shop'
import { readSettings } from '../../../electron/services/settings/settings-service'
import { rebuildSnapshot, SNAPSHOT } from '../../../electron/services/segments/snapshot'
import { figuresSource, type FiguresSource } from '../../../electron/services/segments/snapshot-figures'
import { schemeSettings } from '../../../electron/services/segments/scheme-settings'
import type { Db } from '../../../electron/db/driver'

const AS_OF = '2026-11-23'

function snapshotWith(db: Db, asOf: string, source: FiguresSource) {
  rebuildSnapshot(db, asOf, schemeSettings(readSettings(db)), source)
  return db.prepare(`SELECT * FROM ${SNAPSHOT} ORDER BY customer_id`).all()
}

describe('the snapshot figures', () => {
  const { db } = testContext()
  loadDemoShop(db, { customers: 1200, seed: 11, asOf: AS_OF })

  it('has buyers after the past dates, returns and two-channel customers to test against', () => {
    const facts = db
      .prepare(
        `SELECT (SELECT count(DISTINCT customer_id) FROM orders WHERE ordered_at >= '2026-09-01') AS lateBuyers,
                (SELECT count(*) FROM order_lines WHERE amount_fen < 0) AS returnLines,
                (SELECT count(*) FROM customer_summaries WHERE channels > 1) AS twoChannels`
      )
      .get() as Record<string, number>
    expect(facts.lateBuyers).toBeGreaterThan(100)
    expect(facts.returnLines).toBeGreaterThan(10)
    expect(facts.twoChannels).toBeGreaterThan(10)
  })

  it.each(['2026-11-22', '2026-08-31', '2026-03-15', '2025-06-30'])('are the same by subtraction and by grouping orders as of %s', (asOf) => {
    const grouped = snapshotWith(db, asOf, 'aggregate')
    expect(grouped.length).toBeGreaterThan(0)
    expect(snapshotWith(db, asOf, 'subtract')).toEqual(grouped)
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
