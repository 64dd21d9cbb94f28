import { describe, expect, it } from 'vitest'
import { detectableUplift, newcombeInterval, wilson } from '../../../electron/services/campaigns/uplift'

describe('wilson', () => {
  // Newcombe 1998 (Stat Med 17:857), table I: published Wilson score intervals
  it.each([
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611]
  ])('gives %i/%i the interval %f – %f', (x, n, lo, hi) => {
    const [l, u] = wilson(x, n)
    expect(l).toBeCloseTo(lo, 4)
    expect(u).toBeCloseTo(hi, 4)
  })

  it('is worked by hand for 2/10', () => {
    // p = 0.2, z² = 3.8415; centre = (0.2 + 0.19207)/1.38415 = 0.28326;
    // half = (1.95996/1.38415)·sqrt(0.016 + 0.0096036) = 1.41600·0.16001 = 0.22658
    const [l, u] = wilson(2, 10)
    expect(l).toBeCloseTo(0.05668, 4)
    expect(u).toBeCloseTo(0.50984, 4)
  })
})

describe('newcombeInterval', () => {
  // Newcombe 1998 (Stat Med 17:873), table II, method 10 (hybrid score)
  it.each([
    [56, 70, 48, 80, 0.0524, 0.3339],
    [9, 10, 3, 10, 0.1705, 0.809]
  ])('gives %i/%i − %i/%i the interval %f – %f', (x1, n1, x2, n2, lo, hi) => {
    const [l, u] = newcombeInterval(x1, n1, x2, n2)
    expect(l).toBeCloseTo(lo, 4)
    expect(u).toBeCloseTo(hi, 4)
  })

  it('straddles zero when the arms are too small to tell', () => {
    const [l, u] = newcombeInterval(12, 40, 3, 20)
    expect(l).toBeLessThan(0)
    expect(u).toBeGreaterThan(0.3)
  })
})

describe('detectableUplift', () => {
  it('is (1.96 + 0.84)·sqrt(p(1−p)(1/nt + 1/nc))', () => {
    // 2.80159 · sqrt(0.16 · 0.025) = 2.80159 · 0.063246 = 0.17719
    expect(detectableUplift(0.2, 200, 50)).toBeCloseTo(0.17719, 4)
  })

  it('does not vanish when the base rate guess is zero', () => {
    expect(detectableUplift(0, 100, 100)).toBeCloseTo(detectableUplift(0.05, 100, 100), 10)
  })
})
