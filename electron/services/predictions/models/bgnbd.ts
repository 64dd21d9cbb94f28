/**
 * BG/NBD (Fader, Hardie & Lee 2005, "Counting your customers the easy way"): while alive a
 * customer buys at a Poisson rate λ ~ Gamma(r, α); after every purchase they drop out with
 * probability p ~ Beta(a, b). Closed-form likelihood, P(alive) and conditional expectation;
 * the expectation's ₂F₁ is taken through Euler's transformation so that huge purchase
 * counts stay finite.
 */
import { digamma, hyp2f1, lbeta, lgamma, softplus } from './special'
import { bfgs, minimise } from './optimise'
import { assertFittable, meanT, type RfmGroups } from './rfm'
import { assertSettled, interior, ridge, type FitReport } from './fit-report'
import { refuse } from '../../../../shared/errors/refuse'
import { headsExpectedAt, type ExpectedAt } from './heads-expected-at'

export interface BgNbdParams {
  r: number
  alpha: number
  a: number
  b: number
}

/**
 * The pooled data rearranged so one evaluation costs little: terms in x alone are summed per
 * distinct x, terms in T alone per distinct T, and only repeat buyers' groups need their own
 * exp/log (the "maybe dropped out after the last purchase" term).
 */
interface Prepared {
  xs: number[]
  /** customers per distinct x */
  wx: Float64Array
  Ts: Float64Array
  /** per distinct T: customers, and Σ customers × x */
  wT: Float64Array
  wxT: Float64Array
  txs: Float64Array
  /** repeat-buyer groups: distinct-x index, distinct-T index, distinct-t_x index, x, weight */
  rk: Int32Array
  rt: Int32Array
  rtx: Int32Array
  rx: Float64Array
  rw: Float64Array
  customers: number
}

function indexer(): { at: (v: number) => number; values: number[] } {
  const pos = new Map<number, number>()
  const values: number[] = []
  return {
    values,
    at(v) {
      let k = pos.get(v)
      if (k === undefined) {
        k = values.length
        pos.set(v, k)
        values.push(v)
      }
      return k
    }
  }
}

function prepare(g: RfmGroups): Prepared {
  const X = indexer()
  const T = indexer()
  const TX = indexer()
  const wx: number[] = []
  const wT: number[] = []
  const wxT: number[] = []
  const rk: number[] = []
  const rt: number[] = []
  const rtx: number[] = []
  const rx: number[] = []
  const rw: number[] = []
  for (let i = 0; i < g.x.length; i++) {
    const k = X.at(g.x[i])
    const t = T.at(g.T[i])
    const w = g.weight[i]
    wx[k] = (wx[k] ?? 0) + w
    wT[t] = (wT[t] ?? 0) + w
    wxT[t] = (wxT[t] ?? 0) + w * g.x[i]
    if (g.x[i] > 0) {
      rk.push(k)
      rt.push(t)
      rtx.push(TX.at(g.tx[i]))
      rx.push(g.x[i])
      rw.push(w)
    }
  }
  return {
    xs: X.values,
    wx: Float64Array.from(wx),
    Ts: Float64Array.from(T.values),
    wT: Float64Array.from(wT),
    wxT: Float64Array.from(wxT),
    txs: Float64Array.from(TX.values),
    rk: Int32Array.from(rk),
    rt: Int32Array.from(rt),
    rtx: Int32Array.from(rtx),
    rx: Float64Array.from(rx),
    rw: Float64Array.from(rw),
    customers: g.customers
  }
}

function logLikPrepared(p: BgNbdParams, d: Prepared): number {
  const { r, alpha, a, b } = p
  let sum = d.customers * (-lgamma(r) + r * Math.log(alpha) - lbeta(a, b))
  const dropLog = new Float64Array(d.xs.length)
  for (let k = 0; k < d.xs.length; k++) {
    const x = d.xs[k]
    sum += d.wx[k] * (lgamma(r + x) + lbeta(a, b + x))
    dropLog[k] = x > 0 ? Math.log(a / (b + x - 1)) : -Infinity
  }
  const lT = new Float64Array(d.Ts.length)
  for (let j = 0; j < d.Ts.length; j++) {
    lT[j] = Math.log(alpha + d.Ts[j])
    sum -= lT[j] * (r * d.wT[j] + d.wxT[j])
  }
  const ltx = new Float64Array(d.txs.length)
  for (let j = 0; j < d.txs.length; j++) ltx[j] = Math.log(alpha + d.txs[j])
  for (let i = 0; i < d.rx.length; i++) {
    sum += d.rw[i] * softplus(dropLog[d.rk[i]] + (r + d.rx[i]) * (lT[d.rt[i]] - ltx[d.rtx[i]]))
  }
  return sum
}

/** Log-likelihood of the pooled data under the parameters. */
export function bgnbdLogLik(p: BgNbdParams, g: RfmGroups): number {
  return logLikPrepared(p, prepare(g))
}

const fromLog = (v: number[]): BgNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) })

/** −LL and its gradient in log-parameters (r, α, a, b all positive), for BFGS. */
function negLogLikAndGradient(v: number[], d: Prepared): { f: number; g: number[] } {
  const p = fromLog(v)
  const { r, alpha, a, b } = p
  const N = d.customers
  let dr = N * (-digamma(r) + Math.log(alpha))
  let dalpha = (N * r) / alpha
  let da = -N * (digamma(a) - digamma(a + b))
  let db = -N * (digamma(b) - digamma(a + b))
  const dropLog = new Float64Array(d.xs.length)
  let sum = N * (-lgamma(r) + r * Math.log(alpha) - lbeta(a, b))
  for (let k = 0; k < d.xs.length; k++) {
    const x = d.xs[k]
    const w = d.wx[k]
    sum += w * (lgamma(r + x) + lbeta(a, b + x))
    const psiAll = digamma(a + b + x)
    dr += w * digamma(r + x)
    da += w * (digamma(a) - psiAll)
    db += w * (digamma(b + x) - psiAll)
    dropLog[k] = x > 0 ? Math.log(a / (b + x - 1)) : -Infinity
  }
  const lT = new Float64Array(d.Ts.length)
  const invT = new Float64Array(d.Ts.length)
  for (let j = 0; j < d.Ts.length; j++) {
    lT[j] = Math.log(alpha + d.Ts[j])
    invT[j] = 1 / (alpha + d.Ts[j])
    const m = r * d.wT[j] + d.wxT[j]
    sum -= lT[j] * m
    dr -= lT[j] * d.wT[j]
    dalpha -= m * invT[j]
  }
  const ltx = new Float64Array(d.txs.length)
  const invTx = new Float64Array(d.txs.length)
  for (let j = 0; j < d.txs.length; j++) {
    ltx[j] = Math.log(alpha + d.txs[j])
    invTx[j] = 1 / (alpha + d.txs[j])
  }
  for (let i = 0; i < d.rx.length; i++) {
    const x = d.rx[i]
    const t = d.rt[i]
    const tx = d.rtx[i]
    const u = dropLog[d.rk[i]] + (r + x) * (lT[t] - ltx[tx])
    const w = d.rw[i]
    sum += w * softplus(u)
    const sig = w / (1 + Math.exp(-u))
    dr += sig * (lT[t] - ltx[tx])
    dalpha += sig * (r + x) * (invT[t] - invTx[tx])
    da += sig / a
    db -= sig / (b + x - 1)
  }
  return { f: -sum, g: [-dr * r, -dalpha * alpha, -da * a, -db * b] }
}

/** Maximum-likelihood fit; throws a DomainError when the data cannot pin the parameters down. */
export function fitBgNbd(g: RfmGroups): FitReport<BgNbdParams> {
  assertFittable(g)
  const d = prepare(g)
  const scale = meanT(g)
  const starts = [
    [0, Math.log(scale / 10), 0, Math.log(3)],
    [Math.log(0.5), Math.log(scale / 4), Math.log(0.5), Math.log(1.5)]
  ]
  const plain = (v: number[]) => negLogLikAndGradient(v, d)
  // BFGS with the analytic gradient is fast on big shops; Nelder–Mead from several starts is the fallback
  const gtol = 1e-7 * Math.max(1, g.customers)
  let run = bfgs(plain, starts[0], { gtol })
  let evaluations = run.evaluations
  if (!run.converged && interior(run)) {
    run = minimise((v) => -logLikPrepared(fromLog(v), d), starts, {}, interior)
    evaluations += run.evaluations
  }
  let regularised = false
  if (Number.isFinite(run.f) && !interior(run)) {
    // the likelihood climbs towards the homogeneous-dropout boundary: hold it with the light ridge
    const pen = ridge(g.customers)
    const held = (v: number[]) => {
      const o = plain(v)
      const gp = pen.g(v)
      return { f: o.f + pen.f(v), g: o.g.map((x, i) => x + gp[i]) }
    }
    let heldRun = bfgs(held, starts[0], { gtol })
    evaluations += heldRun.evaluations
    if (!heldRun.converged) {
      heldRun = minimise((v) => held(v).f, starts, {}, interior)
      evaluations += heldRun.evaluations
    }
    run = { ...heldRun, f: plain(heldRun.x).f }
    regularised = true
  }
  assertSettled('BG/NBD', run)
  return { params: fromLog(run.x), logLik: -run.f, evaluations, regularised }
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
  // the expression has a removable singularity at a = 1: step around it
  if (Math.abs(p.a - 1) < 1e-7) {
    return (bgnbdExpected({ ...p, a: 1 - 1e-6 }, t, x, tx, T) + bgnbdExpected({ ...p, a: 1 + 1e-6 }, t, x, tx, T)) / 2
  }
  return bgnbdValue(bgnbdHead(p, t, x, T) * bgnbdPAlive(p, x, tx, T), x)
}

/** The part of E[X(t)] before P(alive), which depends on x, T and t only (a ≠ 1). */
function bgnbdHead(p: BgNbdParams, t: number, x: number, T: number): number {
  const { r, alpha, a, b } = p
  const z = t / (alpha + T + t)
  // (1−z)^(r+x) ₂F₁(r+x, b+x; a+b+x−1; z) = (1−z)^(a−1) ₂F₁(a+b−1−r, a−1; a+b+x−1; z)  (Euler)
  const f = hyp2f1(a + b - 1 - r, a - 1, a + b + x - 1, z)
  const bracket = 1 - Math.exp((a - 1) * Math.log1p(-z)) * f
  return ((a + b + x - 1) / (a - 1)) * bracket
}

function bgnbdValue(value: number, x: number): number {
  if (!Number.isFinite(value)) throw refuse('expectationNotFinite', { model: 'BG/NBD', x })
  return Math.max(0, value)
}

/** bgnbdExpected at every horizon of `ts` for one customer, into `out`, sharing heads per (x, T) (see heads-expected-at.ts). */
export function bgnbdExpectedAt(p: BgNbdParams): ExpectedAt {
  return headsExpectedAt({
    expected: (t, x, tx, T) => bgnbdExpected(p, t, x, tx, T),
    singular: Math.abs(p.a - 1) < 1e-7,
    head: (t, x, T) => bgnbdHead(p, t, x, T),
    pAlive: (x, tx, T) => bgnbdPAlive(p, x, tx, T),
    value: bgnbdValue
  })
}
