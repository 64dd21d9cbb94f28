/**
 * The call list's slides start from each customer's last purchase day up to the list's date,
 * read from the kept summaries (and from the orders only for those who bought after that date).
 * On the 400-customer demo shop imported from its files, it must answer what the orders
 * themselves say, for today, for a day in the past (some customers bought after it), after a
 * merge and after an erasure.
 */
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../electron/db/driver'
import { lastPurchaseDays } from '../../../electron/services/reminders/last-purchases'
import { mergeCustomers } from '../../../electron/services/customers/merge-service'
import { eraseCustomer } from '../../../electron/services/customers/erase-service'
import { DEMO_AS_OF, importedDemoShop } from '../../helpers/imported-shops'

/** The orders' own answer: live customers' latest purchase day before the day after `date`. */
const fromOrders = (db: Db, next: string) =>
  db
    .prepare(
      `SELECT o.customer_id, max(substr(o.ordered_at, 1, 10)) FROM orders o
       JOIN customers c ON c.id = o.customer_id AND c.erased_at IS NULL AND c.merged_into IS NULL
       WHERE o.is_purchase = 1 AND o.ordered_at < ? GROUP BY o.customer_id ORDER BY 1`
    )
    .raw()
    .all(next)

describe('last purchase days', () => {
  it('answers what the orders say, today and on a day some customers bought after, and after a merge and an erasure', async () => {
    const db = await importedDemoShop(400, 1)
    const today = lastPurchaseDays(db, DEMO_AS_OF)
    expect(today).toEqual(fromOrders(db, '2026-11-24'))
    expect(today.length).toBe(db.prepare('SELECT count(*) FROM customer_summaries WHERE last_purchase IS NOT NULL').pluck().get())

    const past = lastPurchaseDays(db, '2026-10-01')
    expect(past).toEqual(fromOrders(db, '2026-10-02'))
    const boughtSince = db.prepare("SELECT count(*) FROM customer_summaries WHERE last_purchase >= '2026-10-02'").pluck().get() as number
    expect(boughtSince).toBeGreaterThan(50)
    expect(past.length).toBeGreaterThan(boughtSince) // both the summaries and the orders answered

    const [a, b, c] = past.slice(0, 3).map(([id]) => id)
    mergeCustomers(db, a, b, '2026-11-23T10:00:00')
    eraseCustomer(db, c, '2026-11-23T10:05:00')
    const after = lastPurchaseDays(db, '2026-10-01')
    expect(after).toEqual(fromOrders(db, '2026-10-02'))
    expect(after.length).toBe(past.length - 2)
    db.close()
  })
})
