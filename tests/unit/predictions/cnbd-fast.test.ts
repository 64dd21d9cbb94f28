import { describe, expect, it } from 'vitest'
import { groupRfm } from '../../../electron/services/predictions/models/rfm'
import { cnbdExpectation, cnbdExpected, cnbdGradient, cnbdLogLik, cnbdPAlive, type CnbdVariant } from '../../../electron/services/predictions/models/bgcnbd'
import { referenceExpected, referenceNegLogLik, referencePAlive, referencePrepare } from './cnbd-reference'

/**
 * The fits' fast BG/CNBD-k likelihood (one polynomial per customer, logs per distinct T and
 * t_x) against the term-by-term log-sum-exp form it replaced, on a grid: k from 1 to 12,
 * parameters from small to large, customers from one-time buyers to frequent ones, with
 * T = t_x, tiny and long gaps, and a dropped term that dwarfs the alive one (x = 400).
 */
const customers = [
  { x: 0, tx: 0, T: 30 },
  { x: 0, tx: 0, T: 0.5 },
  { x: 1, tx: 4, T: 38 },
  { x: 1, tx: 38, T: 38 },
  { x: 4, tx: 20, T: 26 },
  { x: 12, tx: 36.5, T: 37 },
  { x: 30, tx: 3.2, T: 104 },
  { x: 400, tx: 2, T: 104 },
  { x: 7, tx: 50, T: 50.142857 }
]
const g = groupRfm(customers)
const d = referencePrepare(g)
const params = [
  { r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 },
  { r: 0.05, alpha: 0.02, a: 0.01, b: 50 },
  { r: 40, alpha: 900, a: 8, b: 0.3 },
  { r: 2.5, alpha: 12, a: 200, b: 1500 }
]
const grid: [CnbdVariant, number, (typeof params)[number]][] = []
for (const variant of ['bg', 'mbg'] as const) for (const k of [1, 2, 3, 5, 12]) for (const p of params) grid.push([variant, k, p])

describe('the fast BG/CNBD-k likelihood', () => {
  it.each(grid)('%s at k=%i agrees with the term-by-term form to 1e-9 relative, gradient included (%o)', (variant, k, p) => {
    const v = [Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b)]
    const ref = referenceNegLogLik(v, k, variant, d)
    // cnbdLogLik adds the gap constant −Σx·ln((k−1)!) (Σ log gaps given as 0): take it back out
    const xSum = g.x.reduce((s, x, i) => s + x * g.weight[i], 0)
    const fast = -cnbdLogLik({ k, ...p }, variant, g, { littSum: 0 }) - xSum * logFactorialOf(k - 1)
    expect(Math.abs(fast - ref.f) / Math.abs(ref.f)).toBeLessThan(1e-9)
    const grad = cnbdGradient({ k, ...p }, variant, g)
    // the reference gradient is in log-parameters: divide by the parameter for the plain one
    const plain = ref.g.map((gv, i) => -gv / Math.exp(v[i]))
    grad.forEach((gv, i) => expect(Math.abs(gv - plain[i])).toBeLessThan(1e-9 * Math.max(1, Math.abs(plain[i]))))
  })
})

// relative, except for figures below 1e-250 (P(alive) of someone silent for 100 weeks after
// 30 purchases is 8e-300: there both forms keep only four digits, of a number that is zero)
const rel = (got: number, want: number) => Math.abs(got - want) / Math.max(Math.abs(want), 1e-250)

describe('the fast BG/CNBD-k P(alive) and expectation', () => {
  it.each(grid)('%s at k=%i give the first-written figures to 1e-9 relative for every customer (%o)', (variant, k, p) => {
    const prm = { k, ...p }
    for (const c of customers) {
      expect(rel(cnbdPAlive(prm, variant, c.x, c.tx, c.T), referencePAlive(prm, variant, c.x, c.tx, c.T))).toBeLessThan(1e-9)
      for (const t of [1, 26, 52]) {
        expect(rel(cnbdExpected(prm, variant, t, c.x, c.tx, c.T), referenceExpected(prm, variant, t, c.x, c.tx, c.T))).toBeLessThan(1e-9)
      }
    }
  })

  it('shares the alive-customer sums between customers with the same x and T and still answers each exactly', () => {
    const prm = { k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 }
    // the same x and T with different t_x, in turn at two horizons and back
    const shop = [2, 10, 29.9, 30].map((tx) => ({ x: 4, tx, T: 30 }))
    const shared = cnbdExpectation(prm, 'bg')
    for (const t of [13, 52, 13]) {
      for (const c of shop) expect(shared(t, c.x, c.tx, c.T)).toBe(cnbdExpected(prm, 'bg', t, c.x, c.tx, c.T))
    }
    // a customer quiet for 28 weeks expects less than one quiet for 20
    expect(shared(52, 4, 2, 30)).toBeLessThan(shared(52, 4, 10, 30))
    expect(shared(0, 4, 2, 30)).toBe(0)
  })
})

function logFactorialOf(n: number): number {
  let s = 0
  for (let i = 2; i <= n; i++) s += Math.log(i)
  return s
}
