/**
 * The call list's year spend (call-ranking.ts yearSpend) sums the orders of the year off the time
 * index; these check it against the straightforward sum of every line of the year, on shops made
 * through the importer, before and after a merge and an erasure.
 */
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../electron/db/driver'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { yearSpend } from '../../../electron/services/reminders/call-ranking'
import { callList } from '../../../electron/services/reminders/call-list'
import { mergeCustomers } from '../../../electron/services/customers/merge-service'
import { eraseCustomer } from '../../../electron/services/customers/erase-service'
import { addDays } from '../../../shared/domain/dates'
import { copyOfDemoShop, copyOfJourneyShop, DEMO_AS_OF } from '../../helpers/imported-shops'

/** Every live customer's spend in the 365 days to `date`, line by line (spenders only). */
function yearSpendByLines(db: Db, date: string): Map<number, number> {
  const rows = db
    .prepare(
      `SELECT l.customer_id, sum(l.amount_fen) FROM order_lines l JOIN orders o ON o.id = l.order_id
       JOIN customers c ON c.id = l.customer_id AND c.erased_at IS NULL AND c.merged_into IS NULL
       WHERE o.ordered_at >= ? AND o.ordered_at < ? GROUP BY l.customer_id`
    )
    .raw()
    .all(addDays(date, -364), addDays(date, 1)) as [number, number][]
  return new Map(rows.filter(([, fen]) => fen > 0))
}

const sorted = (m: Map<number, number>) => [...m].sort((a, b) => a[0] - b[0])

describe("the call list's year spend", () => {
  it('answers the line-by-line sums on the 400-customer demo shop, on the as-of date and a year before', async () => {
    const db = openNodeDatabase(await copyOfDemoShop(400, 7, DEMO_AS_OF))
    try {
      for (const date of [DEMO_AS_OF, addDays(DEMO_AS_OF, -200), addDays(DEMO_AS_OF, -365)]) {
        const fast = yearSpend(db, date)
        expect(fast.size).toBeGreaterThan(0)
        expect(sorted(fast)).toEqual(sorted(yearSpendByLines(db, date)))
      }
      expect(sorted(yearSpend(db, DEMO_AS_OF)).reduce((s, [, fen]) => s + fen, 0)).toBe(
        db
          .prepare(
            `SELECT sum(l.amount_fen) FROM order_lines l JOIN orders o ON o.id = l.order_id
           WHERE o.ordered_at >= ? AND o.ordered_at < ? AND l.customer_id IN (SELECT value FROM json_each(?))`
          )
          .pluck()
          .get(addDays(DEMO_AS_OF, -364), addDays(DEMO_AS_OF, 1), JSON.stringify([...yearSpend(db, DEMO_AS_OF).keys()])) as number
      )
    } finally {
      db.close()
    }
  }, 60_000)

  it('answers the line-by-line sums on the journey shop after a merge and an erasure, and the call list ranks by them before and after', async () => {
    const db = openNodeDatabase(await copyOfJourneyShop())
    const date = '2026-11-01'
    try {
      expect(sorted(yearSpend(db, date))).toEqual(sorted(yearSpendByLines(db, date)))
      // a list read before the writes: its kept spend must not be served after them
      const first = yearSpendByLines(db, date)
      for (const e of callList(db, date, { all: true }).entries) expect(e.valueFen).toBe(first.get(e.customerId) ?? 0)
      const [keep, gone] = [...yearSpend(db, date).keys()].slice(0, 2)
      mergeCustomers(db, keep, gone, `${date}T10:00:00`)
      const merged = yearSpend(db, date)
      expect(merged.has(gone)).toBe(false)
      expect(sorted(merged)).toEqual(sorted(yearSpendByLines(db, date)))
      const erased = [...merged.keys()][2]
      eraseCustomer(db, erased, `${date}T11:00:00`)
      expect(yearSpend(db, date).has(erased)).toBe(false)
      expect(sorted(yearSpend(db, date))).toEqual(sorted(yearSpendByLines(db, date)))
      const list = callList(db, date, { all: true })
      const byLines = yearSpendByLines(db, date)
      for (const e of list.entries) expect(e.valueFen).toBe(byLines.get(e.customerId) ?? 0)
    } finally {
      db.close()
    }
  }, 60_000)
})
