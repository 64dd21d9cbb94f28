import { describe, expect, it } from 'vitest'
import { dueReplenishments, reminderDate, runOutDate } from '../../../electron/services/reminders/replenishment'
import { learnDaysPerUnit } from '../../../electron/services/reminders/days-per-unit'
import { upcomingSlide } from '../../../electron/services/reminders/slides'
import { memberDayOfMonth, noticesFor } from '../../../electron/services/reminders/notices'
import { defaultLifecycleThresholds } from '../../../shared/domain/lifecycle'
import { defaultCareSettings } from '../../../shared/schemas/reminders'
import { dayNumber } from '../../../shared/domain/dates'

describe('run-out and reminder dates', () => {
  it.each([
    // 3 cans of 700 g formula at 7 days a can, bought 1 Nov: out on 22 Nov, call on 17 Nov
    ['2026-11-01', 3, 7, '2026-11-22', '2026-11-17'],
    // across the end of February in a common year and in a leap year
    ['2026-02-25', 1, 5, '2026-03-02', '2026-02-25'],
    ['2024-02-25', 1, 5, '2024-03-01', '2024-02-25'],
    // across the new year
    ['2026-12-20', 2, 7, '2027-01-03', '2026-12-29'],
    // 3 packs at 2.5 days: 7.5 days rounds to 8
    ['2026-11-01', 3, 2.5, '2026-11-09', '2026-11-04']
  ])('bought %s, %f units at %f days each: runs out %s, reminder %s', (last, qty, dpu, out, remind) => {
    expect(runOutDate(last, qty, dpu)).toBe(out)
    expect(reminderDate(out, 5)).toBe(remind)
  })

  const bought = [{ customerId: 1, productId: 9, days: [dayNumber('2026-11-01')], quantities: [3], lastDay: '2026-11-01' }]
  const rule = () => ({ days: 7, learned: false })
  it.each([
    ['2026-11-16', 0],
    ['2026-11-17', 1],
    ['2026-11-29', 1],
    ['2026-11-30', 0]
  ])('on %s lists %i reminder (due 17 Nov, kept 7 days after running out on 22 Nov)', (date, n) => {
    expect(dueReplenishments(bought, rule, date, 5, 7)).toHaveLength(n)
  })

  it('uses the quantity of the last purchase day only', () => {
    const p = [{ customerId: 1, productId: 9, days: [dayNumber('2026-10-01'), dayNumber('2026-11-01')], quantities: [6, 1], lastDay: '2026-11-01' }]
    expect(dueReplenishments(p, rule, '2026-11-03', 5, 14)[0]).toMatchObject({ runOut: '2026-11-08', due: '2026-11-03', quantity: 1 })
  })

  it('skips products without a days-per-unit figure', () => {
    expect(dueReplenishments(bought, () => null, '2026-11-20', 5, 14)).toEqual([])
  })
})

describe('learning days per unit', () => {
  it('takes the median of interval ÷ quantity over repeat purchases, once there are five and buyers come back', () => {
    const d = (s: string) => dayNumber(s)
    const learned = learnDaysPerUnit([
      // 2 units then 20 days: 10; 1 unit then 12 days: 12
      { customerId: 1, productId: 5, days: [d('2026-01-01'), d('2026-01-21'), d('2026-02-02')], quantities: [2, 1, 1], lastDay: '2026-02-02' },
      // 3 units then 27 days: 9; 1 unit then 30 days: 30
      { customerId: 2, productId: 5, days: [d('2026-03-01'), d('2026-03-28'), d('2026-04-27')], quantities: [3, 1, 2], lastDay: '2026-04-27' },
      // 4 units then 44 days: 11
      { customerId: 3, productId: 5, days: [d('2026-05-01'), d('2026-06-14')], quantities: [4, 4], lastDay: '2026-06-14' },
      // one interval only for product 6
      { customerId: 3, productId: 6, days: [d('2026-05-01'), d('2026-06-14')], quantities: [1, 1], lastDay: '2026-06-14' }
    ])
    // sorted 9, 10, 11, 12, 30: the 10th percentile 9 + 0.4 × 1, the 90th 12 + 0.6 × 18
    expect(learned.get(5)).toEqual({ days: 11, intervals: 5, repeatBuyers: 3, spread: { low: 9.4, high: 22.8 } })
    expect(learned.get(6)).toEqual({ days: null, intervals: 1, repeatBuyers: 1, spread: null })
  })

  it('learns nothing for a product fewer than 30% of its buyers bought again', () => {
    const d = dayNumber('2026-01-01')
    const again = { customerId: 1, productId: 7, days: [d, d + 10, d + 20, d + 30, d + 40, d + 50], quantities: [1, 1, 1, 1, 1, 1], lastDay: '2026-02-20' }
    const once = (customerId: number) => ({ customerId, productId: 7, days: [d], quantities: [1], lastDay: '2026-01-01' })
    expect(learnDaysPerUnit([again, once(2), once(3), once(4)]).get(7)).toEqual({ days: null, intervals: 5, repeatBuyers: 1, spread: null })
    expect(learnDaysPerUnit([again, once(2), once(3)]).get(7)).toEqual({ days: 10, intervals: 5, repeatBuyers: 1, spread: { low: 10, high: 10 } })
  })
})

describe('lifecycle slides', () => {
  it.each([
    [84, { from: 'active', to: 'silent', inDays: 7 }],
    [90, { from: 'active', to: 'silent', inDays: 1 }],
    [83, null],
    [91, null],
    [178, { from: 'silent', to: 'sleeping', inDays: 3 }],
    [359, { from: 'drifting', to: 'lost', inDays: 1 }]
  ])('a customer idle %i days slides %o', (since, expected) => {
    expect(upcomingSlide(since, defaultLifecycleThresholds, 7)).toEqual(expected)
  })
})

describe('member day and care notices', () => {
  it('moves a member day of the 30th to the last day of February', () => {
    expect(memberDayOfMonth('2026-02-10', 30)).toBe('2026-02-28')
    expect(memberDayOfMonth('2026-11-10', 30)).toBe('2026-11-30')
  })

  it('announces the member day the day before, the lunar new year and the shop anniversary a week ahead', () => {
    const s = { ...defaultCareSettings, anniversary: '2020-02-12' }
    const keys = noticesFor('2026-02-10', s, 40).map((n) => n.key)
    // 春节 2026 is 17 Feb; member day is 28 Feb (too far); anniversary 12 Feb
    expect(keys).toEqual(['anniversary:2026-02-12', 'holiday:春节:2026-02-17'])
    expect(noticesFor('2026-11-29', s, 40).map((n) => n.key)).toEqual(['member-day:2026-11-30'])
    expect(noticesFor('2026-11-29', s, 40)[0].title.zh).toBe('会员日 11月30日（明天）')
  })
})
