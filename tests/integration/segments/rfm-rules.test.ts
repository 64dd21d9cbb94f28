/**
 * A rule on RFM segments is compiled to tests on the snapshot's figures with its cut points,
 * not read from the view's name columns; it must select exactly the customers those columns
 * name, for every classic name and every one of the 8 classes, negated, and in mixed lists.
 */
import { describe, expect, it } from 'vitest'
import { demoShopForSuite } from '../../helpers/suite-shop'
import { segmentCustomerIds } from '../../../electron/services/segments/membership'
import { SNAPSHOT } from '../../../electron/services/segments/snapshot'
import { classicSegments, cn8Classes } from '../../../shared/domain/rfm'
import { Rule } from '../../../shared/schemas/segments'

const AS_OF = '2026-11-23'

describe('rules on RFM segments', () => {
  // the demo shop imported from its export files
  const shop = demoShopForSuite(1500, 3, AS_OF)

  const byRule = (asOf: string, op: string, value: unknown) =>
    segmentCustomerIds(shop.db, { rule: Rule.parse({ field: 'rfmSegment', op, value }) }, asOf, shop.settings)
  const byColumn = (column: string, where: string, names: string[]) =>
    shop.db
      .prepare(`SELECT customer_id FROM ${SNAPSHOT} WHERE ${where.replace('$', `${column} IN (${names.map(() => '?').join(', ')})`)} ORDER BY customer_id`)
      .pluck()
      .all(...names) as number[]

  it.each([AS_OF, '2026-05-31'])('select what the view names, for every name, as of %s', (asOf) => {
    for (const [column, names] of [
      ['rfm_classic', classicSegments],
      ['rfm_cn8', cn8Classes]
    ] as const) {
      for (const name of names) {
        const members = byRule(asOf, '=', name)
        expect({ name, members }).toEqual({ name, members: byColumn(column, '$', [name]) })
        expect({ name, others: byRule(asOf, '!=', name) }).toEqual({ name, others: byColumn(column, 'coalesce($, 0) = 0', [name]) })
      }
    }
  })

  it('select the union for a list that mixes both schemes', () => {
    const picked = byRule(AS_OF, 'in', ['At Risk', 'Champions', '重要挽留'])
    const expected = shop.db
      .prepare(`SELECT customer_id FROM ${SNAPSHOT} WHERE rfm_classic IN ('At Risk', 'Champions') OR rfm_cn8 = '重要挽留' ORDER BY customer_id`)
      .pluck()
      .all() as number[]
    expect(expected.length).toBeGreaterThan(100)
    expect(picked).toEqual(expected)
  })
})
