/**
 * The scheme overview tallies memberships in memory (RFM classes from the cut points in JS),
 * while rules and views read the same memberships from the snapshot view's SQL. Both must
 * give the same answer: here every bucket's count and spend are checked against a plain
 * GROUP BY over the view on the demo shop imported from its files, as of today and as of dates before the newest sale.
 */
import { describe, expect, it } from 'vitest'
import { demoShopForSuite } from '../../helpers/suite-shop'
import { schemeOverview } from '../../../electron/services/segments/schemes'
import { SNAPSHOT } from '../../../electron/services/segments/snapshot'
import type { Db } from '../../../electron/db/driver'

const AS_OF = '2026-11-23'

function grouped(db: Db, column: string) {
  const rows = db.prepare(`SELECT ${column} AS k, count(*) AS n, sum(spend_fen) AS fen FROM ${SNAPSHOT} WHERE ${column} IS NOT NULL GROUP BY k`).all() as {
    k: string
    n: number
    fen: number
  }[]
  return { count: Object.fromEntries(rows.map((r) => [r.k, r.n])), spend: Object.fromEntries(rows.map((r) => [r.k, r.fen])) }
}

const nonZero = (b: Record<string, number>) => Object.fromEntries(Object.entries(b).filter(([, v]) => v !== 0))

describe('the scheme overview', () => {
  // the demo shop imported from its export files
  const shop = demoShopForSuite(1500, 7, AS_OF)

  it.each([AS_OF, '2026-09-30', '2025-12-31'])('tallies the same buckets as the snapshot view as of %s', (asOf) => {
    const o = schemeOverview(shop.db, asOf, shop.settings, false)
    const pairs: [string, Record<string, number>, Record<string, number>][] = [
      ['lifecycle', o.lifecycle, o.spend.lifecycle],
      ['ladder', o.ladder, o.spend.ladder],
      ['tier', o.tiers, o.spend.tiers],
      ['rfm_classic', o.rfmClassic, o.spend.rfmClassic],
      ['rfm_cn8', o.rfmCn8, o.spend.rfmCn8]
    ]
    for (const [column, count, spend] of pairs) {
      const g = grouped(shop.db, column)
      // buckets nobody is in may have zero spend in one and be missing in the other
      expect({ column, count: nonZero(count) }).toEqual({ column, count: g.count })
      expect({ column, spend: Object.fromEntries(Object.keys(g.count).map((k) => [k, spend[k]])) }).toEqual({ column, spend: g.spend })
    }
    const head = shop.db.prepare(`SELECT count(*) AS customers, sum(orders > 0) AS buyers FROM ${SNAPSHOT}`).get()
    expect({ customers: o.customers, buyers: o.buyers }).toEqual(head)
    // the demo shop has buyers in every RFM class of both schemes
    expect(Object.keys(nonZero(o.rfmClassic)).length).toBeGreaterThan(8)
  })
})
