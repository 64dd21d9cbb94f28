import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../shared/result'
import { groupRfm } from '../../../electron/services/predictions/models/rfm'
import { fitParetoNbd, NO_DROPOUT_MESSAGE } from '../../../electron/services/predictions/models/pareto-nbd'
import { bfgs } from '../../../electron/services/predictions/models/optimise'
import { simulateBgNbd } from './simulate'

describe('fitting Pareto/NBD where nobody drops out', () => {
  it('stops on the way to β → ∞ and says in words that the data show no dropout', () => {
    // dropout chance per purchase ~ Beta(0.001, 5000): about 2e-7, nobody leaves in a year
    const g = groupRfm(simulateBgNbd(1000, { r: 0.8, alpha: 6, a: 0.001, b: 5000 }, 26, 52, 3))
    let thrown: unknown
    try {
      fitParetoNbd(g)
    } catch (e) {
      thrown = e
    }
    expect(thrown).toBeInstanceOf(DomainError)
    expect((thrown as DomainError).message).toBe(NO_DROPOUT_MESSAGE)
    expect(thrown).toMatchObject({ code: 'BAD_INPUT', key: 'noDropout', params: {} })
    expect(NO_DROPOUT_MESSAGE).toMatch(/流失率趋于零.*\(no dropout: /)
  })
})

describe('BFGS with a stop rule', () => {
  it('ends the run at the first accepted step the rule recognises and says it stopped', () => {
    // (x − 3)²: the steps walk from 0 towards 3; stop once past 1
    const r = bfgs((v) => ({ f: (v[0] - 3) ** 2, g: [2 * (v[0] - 3)] }), [0], { maxStep: 0.5, stop: (x) => x[0] > 1 })
    expect(r.stopped).toBe(true)
    expect(r.x[0]).toBeGreaterThan(1)
    expect(r.x[0]).toBeLessThan(3)
    const plain = bfgs((v) => ({ f: (v[0] - 3) ** 2, g: [2 * (v[0] - 3)] }), [0], { maxStep: 0.5 })
    expect(plain.converged).toBe(true)
    expect(plain.x[0]).toBeCloseTo(3, 6)
  })
})
