/**
 * A customer's score uses the whole shop's fit as of the date, kept until the data changes.
 * These check that a kept fit is never used after a write: each answer is compared with the
 * same call on a fresh connection to the same file (which has nothing kept), on the demo shop
 * made from its export files through the importer.
 */
import { describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { scoreCustomer } from '../../../electron/services/predictions/clv-service'
import { mergeCustomers } from '../../../electron/services/customers/merge-service'
import { eraseCustomer } from '../../../electron/services/customers/erase-service'
import { copyOfDemoShop, DEMO_AS_OF } from '../../helpers/imported-shops'

describe('a customer score from the kept shop fit', () => {
  it('answers what a fresh connection answers, before and after a merge, an erasure and another connection’s commit', async () => {
    const file = await copyOfDemoShop(300, 3, DEMO_AS_OF)
    const db = openNodeDatabase(file)
    const fresh = (id: number, asOf = DEMO_AS_OF) => {
      const other = openNodeDatabase(file)
      try {
        return scoreCustomer(other, id, asOf, 13, 'week')
      } finally {
        other.close()
      }
    }
    const buyers = db.prepare('SELECT customer_id FROM customer_summaries WHERE orders >= 2 ORDER BY customer_id LIMIT 4').pluck().all() as number[]
    expect(buyers).toHaveLength(4)
    const before = buyers.map((id) => scoreCustomer(db, id, DEMO_AS_OF, 13, 'week'))
    expect(before).toEqual(buyers.map((id) => fresh(id)))
    // another date and another unit are other fits
    expect(scoreCustomer(db, buyers[0], '2026-06-30', 13, 'week')).toEqual(fresh(buyers[0], '2026-06-30'))
    expect(scoreCustomer(db, buyers[0], DEMO_AS_OF, 91, 'day')).not.toEqual(before[0])

    // a merge moves buyers[1]'s purchases onto buyers[0]: its score changes
    mergeCustomers(db, buyers[0], buyers[1], DEMO_AS_OF)
    const merged = scoreCustomer(db, buyers[0], DEMO_AS_OF, 13, 'week')
    expect(merged.x).toBeGreaterThan(before[0].x)
    expect(merged).toEqual(fresh(buyers[0]))

    eraseCustomer(db, buyers[2], DEMO_AS_OF)
    expect(scoreCustomer(db, buyers[3], DEMO_AS_OF, 13, 'week')).toEqual(fresh(buyers[3]))

    // another connection removes buyers[3]'s sales
    const other = openNodeDatabase(file)
    other.prepare('DELETE FROM order_lines WHERE customer_id = ?').run(buyers[3])
    other.prepare('DELETE FROM orders WHERE customer_id = ?').run(buyers[3])
    other.close()
    expect(() => scoreCustomer(db, buyers[3], DEMO_AS_OF, 13, 'week')).toThrow()
    db.close()
  })
})
