import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../shared/result'
import { groupRfm, groupDays } from '../../../electron/services/predictions/models/rfm'
import { fitBgNbd, bgnbdExpected, bgnbdPAlive, bgnbdLogLik } from '../../../electron/services/predictions/models/bgnbd'
import { paretoNbdLogLik, paretoNbdPAlive, paretoNbdExpected } from '../../../electron/services/predictions/models/pareto-nbd'
import { fitGammaGamma, gammaGammaExpectedValue } from '../../../electron/services/predictions/models/gamma-gamma'
import { hyp2f1, lgamma } from '../../../electron/services/predictions/models/special'
import { minimise, nelderMead } from '../../../electron/services/predictions/models/optimise'
import { simulateBgNbd } from './simulate'

/** Simpson's rule on a fine grid: the independent check of the Pareto/NBD integral. */
function simpson(f: (t: number) => number, a: number, b: number, n = 20000): number {
  const h = (b - a) / n
  let s = f(a) + f(b)
  for (let i = 1; i < n; i++) s += f(a + i * h) * (i % 2 ? 4 : 2)
  return (s * h) / 3
}

describe('special functions', () => {
  it.each([
    [1, 0],
    [5, Math.log(24)],
    [0.5, Math.log(Math.sqrt(Math.PI))],
    [100.5, 361.4355404677776]
  ])('lgamma(%f) = %f', (x, expected) => {
    expect(lgamma(x)).toBeCloseTo(expected, 10)
  })

  it('sums 2F1(1, 1; 2; z) to −ln(1−z)/z', () => {
    expect(hyp2f1(1, 1, 2, 0.9)).toBeCloseTo(-Math.log(0.1) / 0.9, 12)
  })
})

describe('the optimiser', () => {
  it('finds the Rosenbrock minimum at (1, 1)', () => {
    const r = minimise((v) => 100 * (v[1] - v[0] ** 2) ** 2 + (1 - v[0]) ** 2, [[-1.2, 1]])
    expect(r.converged).toBe(true)
    expect(r.x[0]).toBeCloseTo(1, 5)
    expect(r.x[1]).toBeCloseTo(1, 5)
  })

  it('treats NaN as +∞ and walks away from it', () => {
    const r = nelderMead((v) => (v[0] < 0 ? Number.NaN : (v[0] - 2) ** 2), [1])
    expect(r.x[0]).toBeCloseTo(2, 4)
  })
})

describe('fitting BG/NBD on awkward data', () => {
  it('refuses, in plain words, when everyone bought once', () => {
    const g = groupRfm(Array.from({ length: 50 }, (_, i) => ({ x: 0, tx: 0, T: 10 + i })))
    expect(() => fitBgNbd(g)).toThrow(DomainError)
    expect(() => fitBgNbd(g)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', key: 'everyoneBoughtOnce', params: { customers: 50 } }))
  })

  it('refuses a single customer as too little data', () => {
    expect(() => fitBgNbd(groupRfm([{ x: 2, tx: 30, T: 39 }]))).toThrow(expect.objectContaining({ code: 'BAD_INPUT', key: 'singleCustomer' }))
  })

  it('holds data whose parameters run off to a boundary with a light ridge, says so, and still predicts the obvious', () => {
    // every customer identical: the plain likelihood climbs forever towards r, α → ∞ and a → 0
    // (one buying rate, nobody drops out); its supremum, found by a long plain run, is −396.310
    const g = groupRfm(Array.from({ length: 40 }, () => ({ x: 3, tx: 20, T: 30 })))
    const fit = fitBgNbd(g)
    expect(fit.regularised).toBe(true)
    expect(fit.logLik).toBeGreaterThan(-396.31 - 0.05)
    expect(Object.values(fit.params).every((v) => Number.isFinite(v) && v > 0)).toBe(true)
    // 3 repeat purchases in 30 units, still buying: about one more in the next 10
    expect(bgnbdExpected(fit.params, 10, 3, 20, 30)).toBeCloseTo(1, 2)
    expect(bgnbdPAlive(fit.params, 3, 20, 30)).toBeGreaterThan(0.99)
  })

  it('leaves an interior optimum alone: no ridge on data simulated with dropout heterogeneity', () => {
    const fit = fitBgNbd(groupRfm(simulateBgNbd(3000, { r: 0.5, alpha: 5, a: 0.8, b: 2.5 }, 26, 52, 7)))
    expect(fit.regularised).toBe(false)
  })

  it('stays finite with huge purchase counts', () => {
    // heavy buyers: about 50 purchases a week, a year of history each
    const rows = simulateBgNbd(300, { r: 2, alpha: 0.04, a: 0.5, b: 20 }, 40, 52, 11)
    expect(Math.max(...rows.map((r) => r.x))).toBeGreaterThan(3000)
    const fit = fitBgNbd(groupRfm(rows))
    expect(Number.isFinite(fit.logLik)).toBe(true)
    const e = bgnbdExpected(fit.params, 30, 8000, 51.999, 52)
    expect(Number.isFinite(e)).toBe(true)
    // about 154 purchases a week, a tiny dropout chance: thousands in 30 weeks
    expect(e).toBeGreaterThan(3000)
    expect(bgnbdPAlive(fit.params, 8000, 51.999, 52)).toBeGreaterThan(0.9)
    expect(fit.params.r).toBeGreaterThan(1)
    expect(Number.isFinite(paretoNbdLogLik({ r: 1, alpha: 2, s: 0.5, beta: 30 }, groupRfm(rows)))).toBe(true)
  })

  it('pools customers with the same whole-day triple', () => {
    const g = groupDays([0, 0, 2, 2], [0, 0, 14, 14], [70, 70, 70, 63], 7)
    expect(Array.from(g.weight)).toEqual([2, 1, 1])
    expect(Array.from(g.tx)).toEqual([0, 2, 2])
    expect(g.repeatBuyers).toBe(2)
  })
})

describe('BG/NBD formulas', () => {
  const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }
  it('gives a one-time buyer P(alive) = 1 and the published expectation for customer 1', () => {
    expect(bgnbdPAlive(p, 0, 0, 38.86)).toBe(1)
    expect(bgnbdExpected(p, 39, 2, 30.43, 38.86)).toBeCloseTo(1.226, 3)
  })
  // the published −9582.4 on the whole CDNOW sample is checked in integration/predictions/cdnow.test.ts
  it('sums the per-customer likelihood worked out by hand for a one-time and a repeat buyer', () => {
    const { r, alpha, a, b } = p
    const lbeta = (x: number, y: number) => lgamma(x) + lgamma(y) - lgamma(x + y)
    // Fader, Hardie & Lee (2005), eq. 6: still alive at T, or dropped out right after the last purchase
    const byHand = (x: number, tx: number, T: number) => {
      const alive = Math.exp(lbeta(a, b + x) - lbeta(a, b) - (r + x) * Math.log(alpha + T))
      const dropped = x > 0 ? Math.exp(lbeta(a + 1, b + x - 1) - lbeta(a, b) - (r + x) * Math.log(alpha + tx)) : 0
      return lgamma(r + x) - lgamma(r) + r * Math.log(alpha) + Math.log(alive + dropped)
    }
    const ll = bgnbdLogLik(
      p,
      groupRfm([
        { x: 0, tx: 0, T: 38.86 },
        { x: 2, tx: 30.43, T: 38.86 }
      ])
    )
    expect(ll).toBeCloseTo(byHand(0, 0, 38.86) + byHand(2, 30.43, 38.86), 10)
    // the one-time buyer alone: r·ln(α / (α + T)) = 0.243 · ln(4.414 / 43.274) = −0.5547
    expect(byHand(0, 0, 38.86)).toBeCloseTo(-0.5547, 4)
    expect(ll).toBeCloseTo(-10.0133, 4)
  })
})

describe('Pareto/NBD likelihood', () => {
  it.each([
    [{ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 3, 20, 38],
    [{ r: 2, alpha: 50, s: 1.5, beta: 3 }, 1, 5, 30],
    [{ r: 0.7, alpha: 1, s: 0.4, beta: 200 }, 0, 0, 52]
  ])('matches direct integration of the dropout term (%o, x=%i)', (p, x, tx, T) => {
    const { r, alpha, s, beta } = p
    const integral = simpson((t) => (alpha + t) ** -(r + x) * (beta + t) ** -(s + 1), tx, T)
    const alive = (alpha + T) ** -(r + x) * (beta + T) ** -s
    const expected = Math.exp(lgamma(r + x) - lgamma(r)) * alpha ** r * beta ** s * (alive + s * integral)
    expect(paretoNbdLogLik(p, groupRfm([{ x, tx, T }]))).toBeCloseTo(Math.log(expected), 8)
    expect(paretoNbdPAlive(p, x, tx, T)).toBeCloseTo(alive / (alive + s * integral), 8)
  })

  it('expects more purchases from a customer who bought recently than from one who went quiet', () => {
    const p = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }
    expect(paretoNbdExpected(p, 39, 5, 37, 38)).toBeGreaterThan(paretoNbdExpected(p, 39, 5, 5, 38))
  })
})

describe('Gamma-Gamma', () => {
  it('refuses a single repeat buyer', () => {
    expect(() => fitGammaGamma({ x: Float64Array.from([2]), zbar: Float64Array.from([30]) })).toThrow(
      expect.objectContaining({ key: 'tooFewRepeatBuyersForSpend', params: { buyers: 1 } })
    )
  })
  it('shrinks a customer mean toward the population mean, less with more purchases', () => {
    const p = { p: 6.25, q: 3.74, gamma: 15.44 }
    const population = (p.p * p.gamma) / (p.q - 1)
    expect(gammaGammaExpectedValue(p, 0, 0)).toBeCloseTo(population, 10)
    const one = gammaGammaExpectedValue(p, 1, 100)
    const ten = gammaGammaExpectedValue(p, 10, 100)
    expect(one).toBeGreaterThan(population)
    expect(ten).toBeGreaterThan(one)
    expect(ten).toBeLessThan(100)
  })
})
