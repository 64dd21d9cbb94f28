import { describe, expect, it } from 'vitest'
import { explainRules, ruleFigures } from '../../../electron/services/predictions/rules'
import { calibrate } from '../../../electron/services/predictions/calibration'
import { dayNumber } from '../../../shared/domain/dates'

describe('the rules in plain words', () => {
  it('says "bought 6 times, about every 30 days; last 95 days ago, three times the usual gap"', () => {
    const days = [0, 30, 60, 90, 120, 150]
    const f = ruleFigures(days, 245)
    expect(f).toEqual({ purchaseDays: 6, daysSinceLast: 95, usualGapDays: 30, gapRatio: 95 / 30 })
    expect(explainRules(f)).toEqual({
      zh: '买了 6 次，大约每 30 天一次；上次是 95 天前，是平时间隔的 3 倍',
      en: 'bought 6 times, about every 30 days; last 95 days ago, three times the usual gap'
    })
  })

  it.each([
    [[0, 20, 40], 50, '，还在平时间隔之内', ', still within the usual gap'],
    [[0, 20, 40], 65, '，比平时间隔稍长', ', a little past the usual gap'],
    [[0, 20, 40], 90, '，是平时间隔的 2.5 倍', ', 2.5 times the usual gap']
  ])('places %j seen on day %i against the usual gap', (days, asOf, zh, en) => {
    const w = explainRules(ruleFigures(days, asOf))
    expect(w.zh.endsWith(zh)).toBe(true)
    expect(w.en.endsWith(en)).toBe(true)
  })

  it('speaks of a one-time buyer without a gap', () => {
    expect(explainRules(ruleFigures([10], 40))).toEqual({ zh: '只买过 1 次，是 30 天前', en: 'bought once, 30 days ago' })
  })
})

describe('calibration rows', () => {
  it('counts repeat days, measures t_x and T from the first purchase to the inclusive end, and averages repeat days only', () => {
    const d = (s: string) => dayNumber(s)
    const rows = calibrate(
      [
        { customerId: 1, days: [d('1997-01-01'), d('1997-01-18'), d('1997-08-02'), d('1997-12-12')], fen: [2933, 2973, 1496, 2648] },
        { customerId: 2, days: [d('1997-10-05')], fen: [1000] }
      ],
      d('1997-09-30')
    )
    // gaps of 17 days (01-01 → 01-18) and 196 days (01-18 → 08-02); 12-12 is after the end
    expect(rows).toEqual([
      { customerId: 1, x: 2, txDays: 213, TDays: 272, zbarFen: (2973 + 1496) / 2, spendDays: 2, littDays: Math.log(17) + Math.log(196), later: [73] }
    ])
  })
})
