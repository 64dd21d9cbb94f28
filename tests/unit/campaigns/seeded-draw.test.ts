import { describe, expect, it } from 'vitest'
import { mulberry32, seedNumber, seededSample } from '../../../electron/services/campaigns/seeded-draw'

const ids = Array.from({ length: 200 }, (_, i) => i * 3 + 1)

describe('seededSample', () => {
  it('draws the same group for the same seed, whatever the order of the pool', () => {
    const a = seededSample(ids, 20, 'spring')
    const b = seededSample([...ids].reverse(), 20, 'spring')
    expect([...a].sort()).toEqual([...b].sort())
    expect(a.size).toBe(20)
  })

  it('draws a different group for another seed', () => {
    expect([...seededSample(ids, 20, 1)].sort()).not.toEqual([...seededSample(ids, 20, 2)].sort())
  })

  it('treats the number 7 and the text "7" as one seed', () => {
    expect(seedNumber(7)).toBe(seedNumber('7'))
  })

  it('never draws more than the pool holds, nor ids outside it', () => {
    const s = seededSample([5, 9], 10, 3)
    expect([...s].sort()).toEqual([5, 9])
  })
})

describe('mulberry32', () => {
  it('repeats its sequence for a seed and stays in [0, 1)', () => {
    const a = mulberry32(42)
    const b = mulberry32(42)
    const xs = Array.from({ length: 1000 }, () => a())
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b()))
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(xs.reduce((s, x) => s + x, 0) / xs.length).toBeCloseTo(0.5, 1)
  })
})
