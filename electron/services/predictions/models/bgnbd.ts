/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a
 * customer buys at a Poisson rate λ ~ Gamma(r, α); after every purchase they drop out with
 * probability p ~ Beta(a, b). Closed-form likelihood, P(alive) and conditional expectation;
 * the expectation's ₂F₁ is taken through Euler's transformation so that huge purchase
 * counts stay finite.
 */
import { DomainError } from '../../../../shared/result'
import { hyp2f1, lbeta, lgamma, softplus } from './special'
import { minimise } from './optimise'
import { assertFittable, meanT, type RfmGroups } from './rfm'
import { assertSettled, type FitReport } from './fit-report'

export interface BgNbdParams {
  r: number
  alpha: number
  a: number
  b: number
}

/** Parallel arrays with the terms that depend on x alone, computed once per distinct x. */
interface Prepared {
  g: RfmGroups
  xIndex: Int32Array
  xs: number[]
}

function prepare(g: RfmGroups): Prepared {
  const pos = new Map<number, number>()
  const xs: number[] = []
  const xIndex = new Int32Array(g.x.length)
  for (let i = 0; i < g.x.length; i++) {
    let k = pos.get(g.x[i])
    if (k === undefined) {
      k = xs.length
      pos.set(g.x[i], k)
      xs.push(g.x[i])
    }
    xIndex[i] = k
  }
  return { g, xIndex, xs }
}

function logLikPrepared(p: BgNbdParams, d: Prepared): number {
  const { r, alpha, a, b } = p
  const { g, xIndex, xs } = d
  const perX = new Float64Array(xs.length)
  const dropLog = new Float64Array(xs.length)
  for (let k = 0; k < xs.length; k++) {
    const x = xs[k]
    perX[k] = lgamma(r + x) + lbeta(a, b + x)
    dropLog[k] = x > 0 ? Math.log(a / (b + x - 1)) : -Infinity
  }
  const lnAlpha = Math.log(alpha)
  const common = -lgamma(r) + r * lnAlpha - lbeta(a, b)
  let sum = 0
  for (let i = 0; i < g.x.length; i++) {
    const x = g.x[i]
    const k = xIndex[i]
    const lT = Math.log(alpha + g.T[i])
    let ll = common + perX[k] - (r + x) * lT
    if (x > 0) ll += softplus(dropLog[k] + (r + x) * (lT - Math.log(alpha + g.tx[i])))
    sum += g.weight[i] * ll
  }
  return sum
}

/** Log-likelihood of the pooled data under the parameters. */
export function bgnbdLogLik(p: BgNbdParams, g: RfmGroups): number {
  return logLikPrepared(p, prepare(g))
}

const fromLog = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) })

/** Maximum-likelihood fit; throws a DomainError when the data cannot pin the parameters down. */
export function fitBgNbd(g: RfmGroups): FitReport<BgNbdParams> {
  assertFittable(g)
  const d = prepare(g)
  const scale = meanT(g)
  const starts = [
    [0, Math.log(scale / 10), 0, Math.log(3)],
    [Math.log(0.5), Math.log(scale / 4), Math.log(0.5), Math.log(1.5)]
  ]
  const run = minimise((v) => -logLikPrepared(fromLog(v), d), starts)
  assertSettled('BG/NBD', run)
  return { params: fromLog(run.x), logLik: -run.f, evaluations: run.evaluations }
}

/** P(alive | x, t_x, T). */
export function bgnbdPAlive(p: BgNbdParams, x: number, tx: number, T: number): number {
  if (x === 0) return 1
  const u = Math.log(p.a / (p.b + x - 1)) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx))
  return Math.exp(-softplus(u))
}

/** E[X(t) | x, t_x, T]: expected purchases in the next t units. */
export function bgnbdExpected(p: BgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0
  const { r, alpha, b } = p
  // the expression has a removable singularity at a = 1: step around it
  if (Math.abs(p.a - 1) < 1e-7) {
    return (bgnbdExpected({ ...p, a: 1 - 1e-6 }, t, x, tx, T) + bgnbdExpected({ ...p, a: 1 + 1e-6 }, t, x, tx, T)) / 2
  }
  const a = p.a
  const z = t / (alpha + T + t)
  // (1−z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z)  (Euler)
  const f = hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z)
  const bracket = 1 - Math.exp((a - 1) * Math.log1p(-z)) * f
  const value = ((a + b + x - 1) / (a - 1)) * bracket * bgnbdPAlive(p, x, tx, T)
  if (!Number.isFinite(value)) throw new DomainError('INTERNAL', `BG/NBD 期望值无法计算 (expectation not finite for x=${x})`)
  return Math.max(0, value)
}
