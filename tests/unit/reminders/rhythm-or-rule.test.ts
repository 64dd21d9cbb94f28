import { describe, expect, it } from 'vitest'
import { dayNumber } from '../../../shared/domain/dates'
import { ownDaysPerUnit, rhythmOrRule } from '../../../electron/services/reminders/rhythm-or-rule'
import type { OwnNext } from '../../../electron/services/reminders/customer-rhythm'
import type { ProductPurchases } from '../../../electron/services/reminders/product-purchases'

const LAST = '2026-11-11'
/** a 17-day visit rhythm from 11 Nov: median 28 Nov, 80% 22 Nov – 5 Dec (13 days wide) */
const next: OwnNext = { lastDay: LAST, date: '2026-11-28', from: '2026-11-22', to: '2026-12-05', widthDays: 13, gapDays: 17 }
const bought = (days: string[], quantities: number[]): ProductPurchases => ({
  customerId: 1,
  productId: 1,
  days: days.map(dayNumber),
  quantities,
  lastDay: days[days.length - 1]
})

describe('rhythm or rule', () => {
  it('uses the rhythm where it is more certain and its wait (17 days) lies inside the spread × units', () => {
    expect(rhythmOrRule(next, bought([LAST], [2]), 2, { low: 5, high: 17 })).toEqual({ use: true, why: 'spread', date: '2026-11-28' })
  })

  it('keeps the rule where the rhythm dates a visit the product does not follow: 17 days against 48–85 a can', () => {
    expect(rhythmOrRule(next, bought([LAST], [1]), 1, { low: 48, high: 85 })).toEqual({ use: false, why: 'outside', waitDays: 17, low: 48, high: 85 })
  })

  it('uses the rhythm outside the spread when the customer’s own cans came every visit (17 days a can)', () => {
    const p = bought(['2026-10-08', '2026-10-25', LAST], [1, 1, 1])
    expect(ownDaysPerUnit(p)).toBe(17)
    expect(rhythmOrRule(next, p, 1, { low: 48, high: 85 })).toEqual({ use: true, why: 'own', date: '2026-11-28' })
    // two cans every 17 days is 8.5 days a can: two cans last 17, inside the interval
    expect(rhythmOrRule(next, bought(['2026-10-25', LAST], [2, 2]), 2, { low: 40, high: 85 }).use).toBe(true)
    // one can lasting 60 of their own days is not the visit rhythm
    expect(rhythmOrRule(next, bought(['2026-09-12', LAST], [1, 1]), 1, { low: 48, high: 85 }).why).toBe('outside')
  })

  it('keeps the rule when the rhythm is less certain, the product is from an earlier visit, or nothing was learned', () => {
    expect(rhythmOrRule(next, bought([LAST], [1]), 1, { low: 10, high: 20 })).toEqual({ use: false, why: 'less-certain' })
    expect(rhythmOrRule(next, bought(['2026-10-25'], [2]), 2, { low: 5, high: 17 })).toEqual({ use: false, why: 'none' })
    expect(rhythmOrRule(next, bought([LAST], [2]), 2, null)).toEqual({ use: false, why: 'none' })
    expect(rhythmOrRule(null, bought([LAST], [2]), 2, { low: 5, high: 17 })).toEqual({ use: false, why: 'none' })
  })
})
