/**
 * MBG/NBD (Batislam, Denizel & Filiztekin 2007): BG/NBD where a customer may also drop out
 * right after the first purchase, so a one-time buyer is not certainly alive (BG/NBD's known
 * flaw). Closed forms from the paper:
 *   L = B(a, b+x+1)/B(a, b) · Γ(r+x) α^r / Γ(r) · [(α+T)^{−(r+x)} + a/(b+x) · (α+t_x)^{−(r+x)}]
 *   P(alive) = 1 / (1 + a/(b+x) · ((α+T)/(α+t_x))^{r+x})
 *   E[X(t)] = P(alive) · (a+b+x)/(a−1) · [1 − ((α+T)/(α+T+t))^{r+x} ₂F₁(r+x, b+x+1; a+b+x; t/(α+T+t))]
 * It is MBG/CNBD-k at k = 1, so the fit reuses that model's likelihood and gradient; the
 * closed forms here are the independent check (tests compare both).
 */
import { hyp2f1, lbeta, lgamma, softplus } from './special'
import type { RfmGroups } from './rfm'
import type { FitReport } from './fit-report'
import { fitCnbd } from './bgcnbd'
import { refuse } from '../../../../shared/errors/refuse'
import { headsExpectedAt, type ExpectedAt } from './heads-expected-at'

export interface MbgNbdParams {
  r: number
  alpha: number
  a: number
  b: number
}

/** log of a/(b+x) · ((α+T)/(α+t_x))^{r+x}: the dropped-to-alive odds. */
function dropOdds(p: MbgNbdParams, x: number, tx: number, T: number): number {
  return Math.log(p.a / (p.b + x)) + (p.r + x) * (Math.log(p.alpha + T) - Math.log(p.alpha + tx))
}

/** Log-likelihood of the pooled data, from the closed form. */
export function mbgnbdLogLik(p: MbgNbdParams, g: RfmGroups): number {
  const { r, alpha, a, b } = p
  let sum = 0
  for (let i = 0; i < g.x.length; i++) {
    const x = g.x[i]
    const term =
      lbeta(a, b + x + 1) -
      lbeta(a, b) +
      lgamma(r + x) -
      lgamma(r) +
      r * Math.log(alpha) -
      (r + x) * Math.log(alpha + g.T[i]) +
      softplus(dropOdds(p, x, g.tx[i], g.T[i]))
    sum += g.weight[i] * term
  }
  return sum
}

/** Maximum-likelihood fit; throws a DomainError when the data cannot pin the parameters down. */
export function fitMbgNbd(g: RfmGroups): FitReport<MbgNbdParams> {
  const fit = fitCnbd(g, { littSum: 0 }, 'mbg', 1, 'MBG/NBD')
  const { r, alpha, a, b } = fit.params
  return { params: { r, alpha, a, b }, logLik: fit.logLik, evaluations: fit.evaluations, regularised: fit.regularised }
}

/** P(alive | x, t_x, T); below 1 for one-time buyers too. */
export function mbgnbdPAlive(p: MbgNbdParams, x: number, tx: number, T: number): number {
  return Math.exp(-softplus(dropOdds(p, x, tx, T)))
}

/** E[X(t) | x, t_x, T]: expected purchases in the next t units. */
export function mbgnbdExpected(p: MbgNbdParams, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0
  // removable singularity at a = 1: step around it
  if (Math.abs(p.a - 1) < 1e-7) {
    return (mbgnbdExpected({ ...p, a: 1 - 1e-6 }, t, x, tx, T) + mbgnbdExpected({ ...p, a: 1 + 1e-6 }, t, x, tx, T)) / 2
  }
  return mbgnbdValue(mbgnbdHead(p, t, x, T) * mbgnbdPAlive(p, x, tx, T), x)
}

/** The part of E[X(t)] before P(alive), which depends on x, T and t only (a ≠ 1). */
function mbgnbdHead(p: MbgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = p
  const z = t / (alpha + T + t)
  // (1−z)^{r+x} ₂F₁(r+x, b+x+1; a+b+x; z) = (1−z)^{a−1} ₂F₁(a+b−r, a−1; a+b+x; z)  (Euler)
  const f = hyp2f1(a + b - r, a - 1, a + b + x, z)
  const bracket = 1 - Math.exp((a - 1) * Math.log1p(-z)) * f
  return ((a + b + x) / (a - 1)) * bracket
}

function mbgnbdValue(value: number, x: number): number {
  if (!Number.isFinite(value)) throw refuse('expectationNotFinite', { model: 'MBG/NBD', x })
  return Math.max(0, value)
}

/** mbgnbdExpected at every horizon of `ts` for one customer, into `out`, sharing heads per (x, T) (see heads-expected-at.ts). */
export function mbgnbdExpectedAt(p: MbgNbdParams): ExpectedAt {
  return headsExpectedAt({
    expected: (t, x, tx, T) => mbgnbdExpected(p, t, x, tx, T),
    singular: Math.abs(p.a - 1) < 1e-7,
    head: (t, x, T) => mbgnbdHead(p, t, x, T),
    pAlive: (x, tx, T) => mbgnbdPAlive(p, x, tx, T),
    value: mbgnbdValue
  })
}
