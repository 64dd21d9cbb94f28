import { describe, expect, it } from 'vitest'
import { dropoutIntegral } from '../../../electron/services/predictions/models/pareto-nbd-integral'
import {
  paretoNbdExpected,
  paretoNbdGradient,
  paretoNbdLogLik,
  paretoNbdPAlive,
  paretoNbdScorer
} from '../../../electron/services/predictions/models/pareto-nbd'
import { groupRfm } from '../../../electron/services/predictions/models/rfm'
import { hyp2f1 } from '../../../electron/services/predictions/models/special'

/**
 * The independent check: Simpson's rule on 200,000 intervals in w = ln(m + τ), m the smaller
 * offset (so nothing cancels when the other is huge), summed relative to the largest value.
 */
function simpsonLog(p: number, a: number, q: number, b: number, t: number, end: number): number {
  if (a > b) return simpsonLog(q, b, p, a, t, end)
  const lo = Math.log(a + t)
  const hi = Math.log(a + end)
  const n = 200_000
  const h = (hi - lo) / n
  // the integrand in w: (a+τ)^(1−p) (b+τ)^(−q) with a+τ = e^w
  const lf = (w: number) => (1 - p) * w - q * Math.log(Math.exp(w) + (b - a))
  let top = -Infinity
  for (let i = 0; i <= n; i += 100) top = Math.max(top, lf(lo + i * h))
  let s = 0
  for (let i = 0; i <= n; i++) s += (i === 0 || i === n ? 1 : i % 2 ? 4 : 2) * Math.exp(lf(lo + i * h) - top)
  return top + Math.log((s * h) / 3)
}

describe('the Pareto/NBD dropout integral', () => {
  // p = r + x, q = s + 1; (a, b) = (α, β) from CDNOW's fit to β ≫ α (no dropout) and α ≫ β
  const grid: [number, number, number, number, number, number][] = []
  for (const p of [0.3, 1.55, 20.5]) {
    for (const q of [1.6, 40]) {
      for (const [a, b] of [
        [10.6, 11.7],
        [1, 1e9],
        [2, 3e4],
        [1e6, 3]
      ]) {
        for (const [t, end] of [
          [0, 52],
          [30, 30.14],
          [3, 700]
        ]) {
          grid.push([p, a, q, b, t, end])
        }
      }
    }
  }
  it.each(grid)('matches Simpson quadrature to 1e-10 (p=%f, a=%f, q=%f, b=%f, from %f to %f)', (p, a, q, b, t, end) => {
    expect(Math.abs(dropoutIntegral(p, a, q, b, t, end - t).log - simpsonLog(p, a, q, b, t, end))).toBeLessThan(1e-10)
  })

  it('agrees with the ₂F₁ closed form of the tail where the series converges quickly (z = 0.5)', () => {
    // ∫_t^∞ (a+τ)^−p (b+τ)^−q dτ = (b+t)^−q (a+t)^(1−p) ₂F₁(1, q; p+q; z) / (p+q−1), z = (b−a)/(b+t)
    const [p, a, q, b, t] = [3.2, 1, 1.6, 5, 3]
    const z = (b - a) / (b + t)
    const closed = -q * Math.log(b + t) + (1 - p) * Math.log(a + t) + Math.log(hyp2f1(1, q, p + q, z) / (p + q - 1))
    expect(dropoutIntegral(p, a, q, b, t, Infinity).log).toBeCloseTo(closed, 12)
  })

  it('stays finite and cheap where the series needed billions of terms (z = 1 − 1e-9)', () => {
    const r = dropoutIntegral(0.6, 1, 1.5, 1e9, 0, Infinity)
    // with p < 1 most of the tail lies at τ of β's order, 1e9: checked over [0, 1e15]
    expect(Number.isFinite(r.log)).toBe(true)
    expect(r.log).toBeCloseTo(simpsonLog(0.6, 1, 1.5, 1e9, 0, 1e15), 6)
  })
})

describe('the Pareto/NBD gradient', () => {
  const data = groupRfm([
    { x: 0, tx: 0, T: 38.9 },
    { x: 0, tx: 0, T: 12 },
    { x: 2, tx: 30.4, T: 38.9 },
    { x: 7, tx: 35, T: 36 },
    { x: 1, tx: 2, T: 20 },
    { x: 2, tx: 30.4, T: 38.9 }
  ])
  it.each([[{ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }], [{ r: 2, alpha: 50, s: 1.5, beta: 3 }], [{ r: 0.7, alpha: 1, s: 0.4, beta: 2e6 }]])(
    'matches central differences of the log-likelihood (%o)',
    (p) => {
      const g = paretoNbdGradient(p, data)
      const keys = ['r', 'alpha', 's', 'beta'] as const
      keys.forEach((k, i) => {
        const h = p[k] * 1e-5
        const up = paretoNbdLogLik({ ...p, [k]: p[k] + h }, data)
        const down = paretoNbdLogLik({ ...p, [k]: p[k] - h }, data)
        const numeric = (up - down) / (2 * h)
        expect(Math.abs(g[i] - numeric)).toBeLessThan(1e-6 * Math.max(1, Math.abs(numeric)))
      })
    }
  )
})

describe('scoring many customers under Pareto/NBD', () => {
  it('shares the dropout integrals between customers and answers exactly what one customer at a time does', () => {
    const p = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }
    const scorer = paretoNbdScorer(p)
    // the same x and t_x or T met again, a one-time buyer's T met again, and T = t_x
    const customers = [
      { x: 2, tx: 30.43, T: 38.86 },
      { x: 2, tx: 30.43, T: 20 + 18.86 },
      { x: 2, tx: 12, T: 38.86 },
      { x: 0, tx: 0, T: 38.86 },
      { x: 0, tx: 0, T: 38.86 },
      { x: 5, tx: 38.86, T: 38.86 }
    ]
    for (const c of customers) {
      expect(scorer.pAlive(c.x, c.tx, c.T)).toBe(paretoNbdPAlive(p, c.x, c.tx, c.T))
      expect(scorer.expected(39, c.x, c.tx, c.T)).toBe(paretoNbdExpected(p, 39, c.x, c.tx, c.T))
    }
    expect(scorer.expected(0, 2, 30.43, 38.86)).toBe(0)
  })
})
