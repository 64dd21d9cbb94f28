/**
 * The ladder's "core" customers, as the snapshot finds them (only customers whose ledger
 * summary could qualify are looked at), against the criteria worked out plainly in JS from
 * every order and line of the demo shop imported from its export files, at today and at past
 * dates with purchases after them.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import { importedDemoShop } from '../../helpers/imported-shops'
import { readSettings } from '../../../electron/services/settings/settings-service'
import { rebuildSnapshot } from '../../../electron/services/segments/snapshot'
import { schemeSettings } from '../../../electron/services/segments/scheme-settings'
import { addDays } from '../../../shared/domain/dates'
import type { CoreCriteria } from '../../../shared/domain/ladder'
import type { Db } from '../../../electron/db/driver'

const AS_OF = '2026-11-23'

interface Line {
  customerId: number
  orderId: number
  orderedAt: string
  isPurchase: number
  totalFen: number
  amountFen: number
  category: string | null
}

/** Who meets the criteria: at least one purchase in the window, and every minimum met there. */
function coreByHand(lines: Line[], asOf: string, c: CoreCriteria): number[] {
  const from = addDays(asOf, 1 - c.windowDays)
  const next = addDays(asOf, 1)
  const per = new Map<number, { orders: Map<number, number>; categories: Set<string> }>()
  for (const l of lines) {
    if (l.orderedAt < from || l.orderedAt >= next) continue
    const p = per.get(l.customerId) ?? { orders: new Map(), categories: new Set() }
    per.set(l.customerId, p)
    if (l.isPurchase) p.orders.set(l.orderId, l.totalFen)
    if (l.amountFen > 0 && l.category !== null) p.categories.add(l.category)
  }
  const out: number[] = []
  for (const [id, p] of per) {
    const spend = [...p.orders.values()].reduce((a, b) => a + b, 0)
    if (p.orders.size >= Math.max(c.minOrders, 1) && spend >= c.minSpendFen && p.categories.size >= c.minCategories) out.push(id)
  }
  return out.sort((a, b) => a - b)
}

function coreBySnapshot(db: Db, asOf: string, core: CoreCriteria): number[] {
  rebuildSnapshot(db, asOf, schemeSettings({ ...readSettings(db), core }))
  return db.prepare('SELECT customer_id FROM temp.seg_core ORDER BY customer_id').pluck().all() as number[]
}

describe('the core customers', () => {
  let db: Db
  let lines: Line[] = []
  beforeAll(async () => {
    db = await importedDemoShop(1200, 7, AS_OF)
    lines = db
      .prepare(
        `SELECT o.customer_id AS customerId, o.id AS orderId, o.ordered_at AS orderedAt, o.is_purchase AS isPurchase,
              o.total_fen AS totalFen, l.amount_fen AS amountFen, p.category
       FROM orders o JOIN order_lines l ON l.order_id = o.id LEFT JOIN products p ON p.id = l.product_id
       WHERE o.customer_id IS NOT NULL`
      )
      .all() as Line[]
  }, 120_000)

  const criteria: [string, CoreCriteria][] = [
    ['the defaults', { minCategories: 3, minOrders: 4, minSpendFen: 0, windowDays: 365 }],
    ['a spend minimum', { minCategories: 2, minOrders: 3, minSpendFen: 150_000, windowDays: 180 }],
    ['no minimum at all', { minCategories: 0, minOrders: 0, minSpendFen: 0, windowDays: 90 }]
  ]
  const dates = [AS_OF, '2026-08-31', '2025-12-31']

  it.each(criteria.flatMap(([name, c]) => dates.map((d) => [name, d, c] as const)))('are found as by hand with %s as of %s', (_, asOf, c) => {
    const expected = coreByHand(lines, asOf, c)
    expect(expected.length).toBeGreaterThan(10)
    expect(coreBySnapshot(db, asOf, c)).toEqual(expected)
  })
})
