import { describe, expect, it } from 'vitest'
import { classicMap, classicSegment, classicSegments, cn8Class, fmScore, quintileScores } from '../../../shared/domain/rfm'
import { memberTier } from '../../../shared/domain/tiers'
import { ladderStep } from '../../../shared/domain/ladder'
import { scoreCuts } from '../../../electron/services/segments/rfm-cuts'

describe('RFM scoring', () => {
  it('scores 10 distinct values two per quintile', () => {
    expect(quintileScores([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], true)).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
  })

  it('inverts recency: fewer days since the last purchase scores higher', () => {
    expect(quintileScores([5, 700, 20, 400], false)).toEqual([4, 1, 3, 2])
  })

  it('gives equal values the same score whatever their order', () => {
    expect(quintileScores([1, 1, 1, 2, 2, 3], true)).toEqual([1, 1, 1, 3, 3, 5])
    expect(quintileScores([3, 2, 1, 2, 1, 1], true)).toEqual([5, 3, 1, 3, 1, 1])
  })

  it('finds cut points that give the same scores as ranking', () => {
    const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9, 3, 2, 3, 8, 4]
    const cuts = scoreCuts(values)
    const byCuts = values.map((v) => 1 + cuts.filter((c) => v >= c).length)
    expect(byCuts).toEqual(quintileScores(values, true))
  })

  it('finds the same cut points as ranking for every size and run of ties', () => {
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648
    for (const n of [1, 2, 3, 4, 5, 6, 7, 9, 10, 11, 19, 20, 21, 64, 999, 1000]) {
      for (const spread of [1, 2, 3, 10, 1000]) {
        const values = Array.from({ length: n }, () => Math.floor(random() * spread))
        const sortedInput = [...values].sort((a, b) => a - b)
        for (const input of [values, sortedInput, [...sortedInput].reverse()]) {
          const cuts = scoreCuts(input)
          const byCuts = input.map((v) => 1 + cuts.filter((c) => v >= c).length)
          expect({ n, spread, scores: byCuts }).toEqual({ n, spread, scores: quintileScores(input, true) })
        }
      }
    }
  })

  it('rounds FM half up', () => {
    expect([fmScore(1, 1), fmScore(1, 2), fmScore(2, 3), fmScore(5, 4), fmScore(5, 5)]).toEqual([1, 2, 3, 5, 5])
  })

  it('maps the corners of the R × FM grid to the classic names', () => {
    expect(classicSegment(5, 5, 5)).toBe('Champions')
    expect(classicSegment(5, 1, 1)).toBe('New')
    expect(classicSegment(1, 1, 1)).toBe('Lost')
    expect(classicSegment(1, 5, 5)).toBe("Can't Lose Them")
    expect(classicSegment(4, 1, 1)).toBe('Promising')
    expect(classicSegment(3, 3, 3)).toBe('Need Attention')
    expect(classicSegment(3, 1, 2)).toBe('About to Sleep')
    expect(classicSegment(2, 1, 1)).toBe('Hibernating')
    expect(classicSegment(2, 4, 3)).toBe('At Risk')
  })

  it('uses all 11 classic names in the map', () => {
    expect(new Set(classicMap.flat())).toEqual(new Set(classicSegments))
  })

  it.each([
    [true, true, true, '重要价值'],
    [true, false, true, '重要发展'],
    [false, true, true, '重要保持'],
    [false, false, true, '重要挽留'],
    [true, true, false, '一般价值'],
    [true, false, false, '一般发展'],
    [false, true, false, '一般保持'],
    [false, false, false, '一般挽留']
  ])('classes R high %s, F high %s, M high %s as %s', (r, f, m, name) => {
    expect(cn8Class(r, f, m)).toBe(name)
  })
})

describe('member tiers', () => {
  it.each([
    [0, 0, 'normal'],
    [3, 199_999, 'normal'],
    [4, 0, 'silver'],
    [1, 200_000, 'silver'],
    [8, 0, 'gold'],
    [1, 1_500_000, 'diamond']
  ])('puts %i orders and %i fen in %s', (orders, fen, tier) => {
    expect(memberTier(orders, fen)).toBe(tier)
  })
})

describe('the loyalty ladder', () => {
  const base = { orders: 0, targeted: false, meetsCore: false, referredBuyer: false }
  it.each([
    [base, 'prospect'],
    [{ ...base, targeted: true }, 'target'],
    [{ ...base, orders: 1 }, 'firstTime'],
    [{ ...base, orders: 1, meetsCore: true }, 'firstTime'],
    [{ ...base, orders: 2 }, 'repeat'],
    [{ ...base, orders: 4, meetsCore: true }, 'core'],
    [{ ...base, orders: 4, meetsCore: true, referredBuyer: true }, 'advocate']
  ])('puts %o on %s', (facts, step) => {
    expect(ladderStep(facts)).toBe(step)
  })
})
