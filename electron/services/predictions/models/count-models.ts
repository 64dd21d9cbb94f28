/**
 * The purchase-count models side by side behind one face, so a backtest, a choice and the
 * scores can treat them alike: each fitted model answers P(alive) and E[X(t)] for a
 * customer's (x, t_x, T) in the model's unit, and the wait until their next purchase if they
 * are still a customer.
 */
import type { CountModelName } from '../../../../shared/schemas/predictions'
import { bgnbdExpected, bgnbdExpectedAt, bgnbdPAlive, type BgNbdParams } from './bgnbd'
import { paretoNbdScorer, type ParetoNbdParams } from './pareto-nbd'
import { mbgnbdExpected, mbgnbdExpectedAt, mbgnbdPAlive, type MbgNbdParams } from './mbgnbd'
import { cnbdExpectation, cnbdExpectedAt, cnbdPAlive, cnbdWaitSurvival, type CnbdParams } from './bgcnbd'

export interface CountModel {
  name: CountModelName
  /** free parameters (k counts as one for the CNBD-k models) */
  parameters: number
  logLik: number
  pAlive(x: number, tx: number, T: number): number
  expected(t: number, x: number, tx: number, T: number): number
  /** E[X(t)] at every horizon of `ts` (the same array for every customer) into `out`, as a backtest asks it: the same figures as `expected`, with the work that does not move with t shared */
  expectedAt(ts: Float64Array, x: number, tx: number, T: number, out: Float64Array): void
  /** the q-quantile of the wait from T to the next purchase, given the customer is still one */
  waitQuantile(q: number, x: number, tx: number, T: number): number
}

/**
 * The wait's q-quantile when the rate's posterior given alive is Gamma(r + x, α + T) (BG/NBD,
 * MBG/NBD and Pareto/NBD): the wait is Lomax, P(W > w) = ((α + T)/(α + T + w))^(r + x), so
 * w_q = (α + T)((1 − q)^(−1/(r + x)) − 1).
 */
export function lomaxWaitQuantile(r: number, alpha: number, x: number, T: number, q: number): number {
  return (alpha + T) * (Math.pow(1 - q, -1 / (r + x)) - 1)
}

/** The q-quantile of a wait from its survival function (decreasing from 1 at 0), by bracketing and bisection. */
export function quantileFromSurvival(survival: (w: number) => number, q: number): number {
  const target = 1 - q
  let lo = 0
  let hi = 1
  for (let i = 0; i < 80 && survival(hi) > target; i++) {
    lo = hi
    hi *= 2
  }
  for (let i = 0; i < 60 && hi - lo > 1e-6 * hi; i++) {
    const mid = (lo + hi) / 2
    if (survival(mid) > target) lo = mid
    else hi = mid
  }
  return (lo + hi) / 2
}

export function bgnbdModel(p: BgNbdParams, logLik: number): CountModel {
  return {
    name: 'bgnbd',
    parameters: 4,
    logLik,
    pAlive: (x, tx, T) => bgnbdPAlive(p, x, tx, T),
    expected: (t, x, tx, T) => bgnbdExpected(p, t, x, tx, T),
    expectedAt: bgnbdExpectedAt(p),
    waitQuantile: (q, x, _tx, T) => lomaxWaitQuantile(p.r, p.alpha, x, T, q)
  }
}

export function paretoNbdModel(p: ParetoNbdParams, logLik: number): CountModel {
  // the dropout integrals shared between customers with the same x and t (see paretoNbdScorer)
  const scorer = paretoNbdScorer(p)
  return {
    name: 'paretoNbd',
    parameters: 4,
    logLik,
    pAlive: scorer.pAlive,
    expected: scorer.expected,
    expectedAt: scorer.expectedAt,
    waitQuantile: (q, x, _tx, T) => lomaxWaitQuantile(p.r, p.alpha, x, T, q)
  }
}

export function mbgnbdModel(p: MbgNbdParams, logLik: number): CountModel {
  return {
    name: 'mbgnbd',
    parameters: 4,
    logLik,
    pAlive: (x, tx, T) => mbgnbdPAlive(p, x, tx, T),
    expected: (t, x, tx, T) => mbgnbdExpected(p, t, x, tx, T),
    expectedAt: mbgnbdExpectedAt(p),
    waitQuantile: (q, x, _tx, T) => lomaxWaitQuantile(p.r, p.alpha, x, T, q)
  }
}

export function cnbdModel(p: CnbdParams, variant: 'bg' | 'mbg', logLik: number): CountModel {
  // shares the alive-customer sums between customers with the same x and T (one horizon at a time)
  const expected = cnbdExpectation(p, variant)
  return {
    name: variant === 'bg' ? 'bgcnbd' : 'mbgcnbd',
    parameters: 5,
    logLik,
    pAlive: (x, tx, T) => cnbdPAlive(p, variant, x, tx, T),
    expected,
    expectedAt: cnbdExpectedAt(p, variant),
    waitQuantile: (q, x, tx, T) => quantileFromSurvival((w) => cnbdWaitSurvival(p, variant, w, x, tx, T), q)
  }
}
