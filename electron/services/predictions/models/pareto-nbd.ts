/**
 * Pareto/NBD (Schmittlein, Morrison & Colombo 1987; likelihood as in Fader & Hardie's 2005
 * note): purchases at rate λ ~ Gamma(r, α) while alive, an exponential lifetime with rate
 * μ ~ Gamma(s, β).
 *
 * The likelihood's second term is s·I with I = ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ,
 * which the note writes with ₂F₁(r+s+x, ·; r+s+x+1; z). Taking the ₂F₁ through Euler's
 * transformation gives ₂F₁(1, ·; r+s+x+1; z): positive terms with ratio below z, so the
 * series neither overflows for large x nor loses digits; everything else is in log space.
 */
import { DomainError } from '../../../../shared/result'
import { hyp2f1, lgamma, logAddExp, logSubExp } from './special'
import { minimise } from './optimise'
import { assertFittable, meanT, type RfmGroups } from './rfm'
import { assertSettled, interior, ridge, type FitReport } from './fit-report'

export interface ParetoNbdParams {
  r: number
  alpha: number
  s: number
  beta: number
}

/** ln of the antiderivative piece J(t) such that I = (J(t_x) − J(T)) / (r+s+x). */
function logJ(p: ParetoNbdParams, x: number, t: number): number {
  const { r, alpha, s, beta } = p
  const n = r + s + x
  if (alpha >= beta) {
    const z = (alpha - beta) / (alpha + t)
    return -(r + x) * Math.log(alpha + t) - s * Math.log(beta + t) + Math.log(hyp2f1(1, r + x, n + 1, z))
  }
  const z = (beta - alpha) / (beta + t)
  return -(s + 1) * Math.log(beta + t) - (r + x - 1) * Math.log(alpha + t) + Math.log(hyp2f1(1, s + 1, n + 1, z))
}

/** ln of the alive term and of the dropped-out term s·I, without the common factor. */
function logTerms(p: ParetoNbdParams, x: number, tx: number, T: number): { alive: number; dead: number } {
  const { r, alpha, s, beta } = p
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T)
  const lI = logSubExp(logJ(p, x, tx), logJ(p, x, T)) - Math.log(r + s + x)
  return { alive, dead: Math.log(s) + lI }
}

/** Log-likelihood of the pooled data under the parameters. */
export function paretoNbdLogLik(p: ParetoNbdParams, g: RfmGroups): number {
  const { r, alpha, s, beta } = p
  const common = -lgamma(r) + r * Math.log(alpha) + s * Math.log(beta)
  const lgCache = new Map<number, number>()
  let sum = 0
  for (let i = 0; i < g.x.length; i++) {
    const x = g.x[i]
    let lg = lgCache.get(x)
    if (lg === undefined) {
      lg = lgamma(r + x)
      lgCache.set(x, lg)
    }
    const t = logTerms(p, x, g.tx[i], g.T[i])
    sum += g.weight[i] * (common + lg + logAddExp(t.alive, t.dead))
  }
  return sum
}

const fromLog = (v: number[]): ParetoNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), s: Math.exp(v[2]), beta: Math.exp(v[3]) })

/** Maximum-likelihood fit; throws a DomainError when the data cannot pin the parameters down. */
export function fitParetoNbd(g: RfmGroups): FitReport<ParetoNbdParams> {
  assertFittable(g)
  const scale = meanT(g)
  const starts = [
    [Math.log(0.5), Math.log(scale / 4), Math.log(0.5), Math.log(scale / 4)],
    [0, Math.log(scale / 10), 0, Math.log(scale / 2)]
  ]
  const plain = (v: number[]) => -paretoNbdLogLik(fromLog(v), g)
  let run = minimise(plain, starts, {}, interior)
  let evaluations = run.evaluations
  let regularised = false
  if (Number.isFinite(run.f) && !interior(run)) {
    // s, β → ∞ together is the homogeneous-dropout boundary: hold it with the light ridge
    const pen = ridge(g.customers)
    const held = minimise((v) => plain(v) + pen.f(v), starts, {}, interior)
    evaluations += held.evaluations
    run = { ...held, f: plain(held.x) }
    regularised = true
  }
  assertSettled('Pareto/NBD', run)
  return { params: fromLog(run.x), logLik: -run.f, evaluations, regularised }
}

/** P(alive | x, t_x, T). */
export function paretoNbdPAlive(p: ParetoNbdParams, x: number, tx: number, T: number): number {
  const t = logTerms(p, x, tx, T)
  return Math.exp(t.alive - logAddExp(t.alive, t.dead))
}

/** E[X(t) | x, t_x, T]: expected purchases in the next t units. */
export function paretoNbdExpected(p: ParetoNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0
  const { r, alpha, s, beta } = p
  const L = Math.log1p(t / (beta + T))
  // [1 − ((β+T)/(β+T+t))^(s−1)] / (s−1), with its limit L at s = 1
  const growth = Math.abs(s - 1) < 1e-10 ? L : -Math.expm1(-(s - 1) * L) / (s - 1)
  const value = (((r + x) * (beta + T)) / (alpha + T)) * growth * paretoNbdPAlive(p, x, tx, T)
  if (!Number.isFinite(value)) throw new DomainError('INTERNAL', `Pareto/NBD 期望值无法计算 (expectation not finite for x=${x})`)
  return value
}
