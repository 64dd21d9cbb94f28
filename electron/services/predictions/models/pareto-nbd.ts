/**
 * Pareto/NBD (Schmittlein, Morrison & Colombo 1987; likelihood as in Fader & Hardie's 2005
 * note): purchases at rate λ ~ Gamma(r, α) while alive, an exponential lifetime with rate
 * μ ~ Gamma(s, β).
 *
 * The likelihood's second term is s·I with I = ∫_{t_x}^{T} (α+τ)^−(r+x) (β+τ)^−(s+1) dτ. The
 * note writes I with ₂F₁ at z = (β−α)/(β+t), whose series needs billions of terms as z → 1
 * (β → ∞, no dropout); I is integrated by quadrature instead (pareto-nbd-integral.ts), exact
 * to about 1e-12 at any z, and the same points give the gradient, so the fit is BFGS.
 * For repeat buyers I = K(x, t_x) − K(x, T) with K(x, t) the tail from t to ∞: K is computed
 * once per distinct (x, t), far fewer than the customers' triples. One-time buyers' I runs
 * from 0 to T and is computed once per distinct T.
 */
import { digamma, lgamma, logAddExp, logSubExp } from './special'
import { bfgs, minimise } from './optimise'
import { assertFittable, meanT, type RfmGroups } from './rfm'
import { assertSettled, interior, ridge, type FitReport } from './fit-report'
import { dropoutIntegral, dropoutIntegralInto, LOG, MEAN_INV_A, MEAN_INV_B, MEAN_LOG_A, MEAN_LOG_B, type DropoutIntegral } from './pareto-nbd-integral'
import { refuse } from '../../../../shared/errors/refuse'
import { bilingual } from '../../../../shared/errors/messages'

export interface ParetoNbdParams {
  r: number
  alpha: number
  s: number
  beta: number
}

/** ln I and the gradient pieces (means of ln(α+τ), 1/(α+τ), ln(β+τ), 1/(β+τ) under I's integrand). */
function dropoutTerm(p: ParetoNbdParams, x: number, tx: number, T: number): DropoutIntegral {
  const { r, alpha, s, beta } = p
  if (x === 0) return dropoutIntegral(r, alpha, s + 1, beta, 0, T)
  return difference(dropoutIntegral(r + x, alpha, s + 1, beta, tx, Infinity), dropoutIntegral(r + x, alpha, s + 1, beta, T, Infinity))
}

/** K(t_x) − K(T) with its means, from the two tails. */
function difference(k1: DropoutIntegral, k2: DropoutIntegral): DropoutIntegral {
  const log = logSubExp(k1.log, k2.log)
  if (log === -Infinity) return { ...k1, log }
  const rho = Math.exp(k2.log - k1.log)
  const mix = (m1: number, m2: number) => (m1 - rho * m2) / (1 - rho)
  return {
    log,
    meanLogA: mix(k1.meanLogA, k2.meanLogA),
    meanLogB: mix(k1.meanLogB, k2.meanLogB),
    meanInvA: mix(k1.meanInvA, k2.meanInvA),
    meanInvB: mix(k1.meanInvB, k2.meanInvB)
  }
}

/** ln of the alive term and of the dropped-out term s·I, without the common factor. */
function logTerms(p: ParetoNbdParams, x: number, tx: number, T: number): { alive: number; dead: number } {
  const { r, alpha, s, beta } = p
  const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T)
  return { alive, dead: Math.log(s) + dropoutTerm(p, x, tx, T).log }
}

/**
 * The pooled data laid out for one evaluation: distinct x (for Γ terms), distinct T (alive
 * term, one-time buyers' integrals) and distinct (x, t) for the repeat buyers' tails.
 */
interface Prepared {
  xs: Float64Array
  wx: Float64Array
  Ts: Float64Array
  /** per group: distinct-x index, distinct-T index, tail indices at t_x and T (−1 for one-time buyers) */
  gx: Int32Array
  gT: Int32Array
  k1: Int32Array
  k2: Int32Array
  w: Float64Array
  /** the distinct (x, t) of the tails, sorted by x then t; next = the same x's next larger t, or −1 */
  tailX: Float64Array
  tailT: Float64Array
  tailNext: Int32Array
  /** distinct-T indices in ascending T, for the one-time buyers' running integrals */
  TOrder: Int32Array
  customers: number
}

function prepare(g: RfmGroups): Prepared {
  const xPos = new Map<number, number>()
  const TPos = new Map<number, number>()
  const tailPos = new Map<string, number>()
  const xs: number[] = []
  const wx: number[] = []
  const Ts: number[] = []
  const tailX: number[] = []
  const tailT: number[] = []
  const n = g.x.length
  const gx = new Int32Array(n)
  const gT = new Int32Array(n)
  const k1 = new Int32Array(n).fill(-1)
  const k2 = new Int32Array(n).fill(-1)
  const tail = (x: number, t: number) => {
    const key = `${x}|${t}`
    let k = tailPos.get(key)
    if (k === undefined) {
      k = tailX.length
      tailPos.set(key, k)
      tailX.push(x)
      tailT.push(t)
    }
    return k
  }
  for (let i = 0; i < n; i++) {
    const x = g.x[i]
    let kx = xPos.get(x)
    if (kx === undefined) {
      kx = xs.length
      xPos.set(x, kx)
      xs.push(x)
      wx.push(0)
    }
    wx[kx] += g.weight[i]
    gx[i] = kx
    let kT = TPos.get(g.T[i])
    if (kT === undefined) {
      kT = Ts.length
      TPos.set(g.T[i], kT)
      Ts.push(g.T[i])
    }
    gT[i] = kT
    if (x > 0) {
      k1[i] = tail(x, g.tx[i])
      k2[i] = tail(x, g.T[i])
    }
  }
  // each tail is the next one plus the short piece between them: sort, and link each to its next
  const order = tailX.map((_, k) => k).sort((i, j) => tailX[i] - tailX[j] || tailT[i] - tailT[j])
  const rank = new Int32Array(order.length)
  order.forEach((k, at) => (rank[k] = at))
  const tailNext = new Int32Array(order.length).fill(-1)
  for (let at = 0; at + 1 < order.length; at++) if (tailX[order[at]] === tailX[order[at + 1]]) tailNext[at] = at + 1
  for (let i = 0; i < n; i++) {
    if (k1[i] >= 0) {
      k1[i] = rank[k1[i]]
      k2[i] = rank[k2[i]]
    }
  }
  return {
    xs: Float64Array.from(xs),
    wx: Float64Array.from(wx),
    Ts: Float64Array.from(Ts),
    gx,
    gT,
    k1,
    k2,
    w: Float64Array.from(g.weight),
    tailX: Float64Array.from(order, (k) => tailX[k]),
    tailT: Float64Array.from(order, (k) => tailT[k]),
    tailNext,
    TOrder: Int32Array.from(Ts.map((_, j) => j).sort((i, j) => Ts[i] - Ts[j])),
    customers: g.customers
  }
}

const piece = new Float64Array(5)

/** out[at…] ← piece ⊕ out[other…]: two adjoining integrals as one, means weighted by size. */
function joinInto(out: Float64Array, at: number, other: number): void {
  const l1 = piece[LOG]
  const l2 = out[other + LOG]
  const l = logAddExp(l1, l2)
  if (l === -Infinity) {
    out.set(piece, at)
    return
  }
  const w1 = Math.exp(l1 - l)
  const w2 = Math.exp(l2 - l)
  out[at + LOG] = l
  for (let m = 1; m < 5; m++) out[at + m] = w1 * piece[m] + w2 * out[other + m]
}

/** Log-likelihood and its gradient in (r, α, s, β). */
function logLikAndGradient(p: ParetoNbdParams, d: Prepared, withGradient: boolean): { ll: number; g: number[] } {
  const { r, alpha, s, beta } = p
  const lnAlpha = Math.log(alpha)
  const lnBeta = Math.log(beta)
  const lnS = Math.log(s)
  let ll = d.customers * (-lgamma(r) + r * lnAlpha + s * lnBeta)
  let dr = d.customers * (-digamma(r) + lnAlpha)
  let da = (d.customers * r) / alpha
  let ds = d.customers * lnBeta
  let db = (d.customers * s) / beta
  for (let k = 0; k < d.xs.length; k++) {
    ll += d.wx[k] * lgamma(r + d.xs[k])
    if (withGradient) dr += d.wx[k] * digamma(r + d.xs[k])
  }
  const nT = d.Ts.length
  const lA = new Float64Array(nT)
  const lB = new Float64Array(nT)
  for (let j = 0; j < nT; j++) {
    lA[j] = Math.log(alpha + d.Ts[j])
    lB[j] = Math.log(beta + d.Ts[j])
  }
  // one-time buyers' integrals from 0 to each T, as running sums over the sorted T
  const once = new Float64Array(5 * nT)
  let prev = -1
  for (const j of d.TOrder) {
    const from = prev < 0 ? 0 : d.Ts[prev]
    dropoutIntegralInto(piece, 0, r, alpha, s + 1, beta, from, d.Ts[j] - from)
    if (prev < 0) once.set(piece, 5 * j)
    else joinInto(once, 5 * j, 5 * prev)
    prev = j
  }
  // the tails from the largest t of each x down
  const tails = new Float64Array(5 * d.tailX.length)
  for (let k = d.tailX.length - 1; k >= 0; k--) {
    const next = d.tailNext[k]
    if (next < 0) dropoutIntegralInto(tails, 5 * k, r + d.tailX[k], alpha, s + 1, beta, d.tailT[k], Infinity)
    else {
      dropoutIntegralInto(piece, 0, r + d.tailX[k], alpha, s + 1, beta, d.tailT[k], d.tailT[next] - d.tailT[k])
      joinInto(tails, 5 * k, 5 * next)
    }
  }
  for (let i = 0; i < d.w.length; i++) {
    const x = d.xs[d.gx[i]]
    const j = d.gT[i]
    const T = d.Ts[j]
    let src: Float64Array
    let at: number
    // I = K(t_x) − K(T) for repeat buyers; the means mix as (m₁ − ρ m₂)/(1 − ρ), ρ = K(T)/K(t_x)
    let logI: number
    let rho = 0
    let at2 = 0
    if (d.k1[i] < 0) {
      at = 5 * j
      src = once
      logI = once[at + LOG]
    } else {
      src = tails
      at = 5 * d.k1[i]
      at2 = 5 * d.k2[i]
      logI = logSubExp(tails[at + LOG], tails[at2 + LOG])
      rho = Math.exp(tails[at2 + LOG] - tails[at + LOG])
    }
    const alive = -(r + x) * lA[j] - s * lB[j]
    const dead = lnS + logI
    const l = logAddExp(alive, dead)
    const w = d.w[i]
    ll += w * l
    if (!withGradient) continue
    const pa = w * Math.exp(alive - l)
    const pd = w - pa
    dr -= pa * lA[j]
    da -= pa * ((r + x) / (alpha + T))
    ds -= pa * lB[j]
    db -= pa * (s / (beta + T))
    if (pd > 0 && logI > -Infinity) {
      const mean = (m: number) => (rho === 0 ? src[at + m] : (src[at + m] - rho * src[at2 + m]) / (1 - rho))
      dr -= pd * mean(MEAN_LOG_A)
      da -= pd * (r + x) * mean(MEAN_INV_A)
      ds += pd * (1 / s - mean(MEAN_LOG_B))
      db -= pd * (s + 1) * mean(MEAN_INV_B)
    }
  }
  return { ll, g: [dr, da, ds, db] }
}

/** Log-likelihood of the pooled data under the parameters. */
export function paretoNbdLogLik(p: ParetoNbdParams, g: RfmGroups): number {
  return logLikAndGradient(p, prepare(g), false).ll
}

/** The gradient of the log-likelihood in (r, α, s, β), for tests. */
export function paretoNbdGradient(p: ParetoNbdParams, g: RfmGroups): number[] {
  return logLikAndGradient(p, prepare(g), true).g
}

const fromLog = (v: number[]): ParetoNbdParams => ({ r: Math.exp(v[0]), alpha: Math.exp(v[1]), s: Math.exp(v[2]), beta: Math.exp(v[3]) })

/** −LL and its gradient in log-parameters, for BFGS. */
function objective(v: number[], d: Prepared): { f: number; g: number[] } {
  const p = fromLog(v)
  const { ll, g } = logLikAndGradient(p, d, true)
  return { f: -ll, g: [-g[0] * p.r, -g[1] * p.alpha, -g[2] * p.s, -g[3] * p.beta] }
}

/**
 * The no-dropout limit (β → ∞ with s fixed, so E[μ] = s/β → 0): Pareto/NBD becomes the NBD,
 * whose likelihood is closed-form. The fit compares with it to say in words that nobody
 * seems to leave, instead of following a flat likelihood out to infinity.
 */
function nbdLogLik(r: number, alpha: number, d: Prepared): number {
  let ll = d.customers * (-lgamma(r) + r * Math.log(alpha))
  for (let k = 0; k < d.xs.length; k++) ll += d.wx[k] * lgamma(r + d.xs[k])
  const lA = d.Ts.map((T) => Math.log(alpha + T))
  for (let i = 0; i < d.w.length; i++) ll -= d.w[i] * (r + d.xs[d.gx[i]]) * lA[d.gT[i]]
  return ll
}

export const NO_DROPOUT_MESSAGE = bilingual('noDropout', {})

/**
 * True at a point on the way to no dropout: the expected dropout rate s/β is so small that
 * even the longest-watched customer would hardly ever leave (s/β · max T below 1e-4), and the
 * likelihood is the no-dropout NBD's to within 0.01. Checked after every BFGS step, so the fit
 * stops there instead of following the flat likelihood out to β → ∞ or s → 0.
 */
function atNoDropout(v: number[], f: number, d: Prepared, maxT: number): boolean {
  if (!Number.isFinite(f)) return false
  const p = fromLog(v)
  if (!((p.s / p.beta) * maxT < 1e-4)) return false
  return Math.abs(-f - nbdLogLik(p.r, p.alpha, d)) < 0.01
}

/** Maximum-likelihood fit; throws a DomainError when the data cannot pin the parameters down. */
export function fitParetoNbd(g: RfmGroups): FitReport<ParetoNbdParams> {
  assertFittable(g)
  const d = prepare(g)
  const scale = meanT(g)
  const starts = [
    [Math.log(0.5), Math.log(scale / 4), Math.log(0.5), Math.log(scale / 4)],
    [0, Math.log(scale / 10), 0, Math.log(scale / 2)]
  ]
  const fg = (v: number[]) => objective(v, d)
  const plain = (v: number[]) => -logLikAndGradient(fromLog(v), d, false).ll
  const gtol = 1e-7 * Math.max(1, g.customers)
  const maxT = Math.max(...d.Ts)
  const stop = (v: number[], f: number) => atNoDropout(v, f, d, maxT)
  let run = bfgs(fg, starts[0], { gtol, stop })
  let evaluations = run.evaluations
  if (run.stopped || stop(run.x, run.f)) throw refuse('noDropout')
  if (!run.converged && interior(run)) {
    run = minimise(plain, starts, {}, interior)
    evaluations += run.evaluations
    if (stop(run.x, run.f)) throw refuse('noDropout')
  }
  let regularised = false
  if (Number.isFinite(run.f) && !interior(run)) {
    // s, β → ∞ together is the homogeneous-dropout boundary: hold it with the light ridge
    const pen = ridge(g.customers)
    const held = (v: number[]) => {
      const o = fg(v)
      const gp = pen.g(v)
      return { f: o.f + pen.f(v), g: o.g.map((x, i) => x + gp[i]) }
    }
    let heldRun = bfgs(held, starts[0], { gtol })
    evaluations += heldRun.evaluations
    if (!heldRun.converged) {
      heldRun = minimise((v) => held(v).f, starts, {}, interior)
      evaluations += heldRun.evaluations
    }
    run = { ...heldRun, f: plain(heldRun.x) }
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
  if (!Number.isFinite(value)) throw refuse('expectationNotFinite', { model: 'Pareto/NBD', x })
  return value
}

/**
 * P(alive) and E[X(t)] for many customers, each dropout integral computed once: the tail
 * K(x, t) from t to ∞ per distinct (x, t) (a repeat buyer's integral is K(x, t_x) − K(x, T)),
 * a one-time buyer's integral from 0 to T per distinct T. The same numbers as
 * paretoNbdPAlive and paretoNbdExpected, at a fraction of the quadratures (each customer
 * asked twice, for P(alive) and the expectation, costs two lookups).
 */
export function paretoNbdScorer(p: ParetoNbdParams): {
  pAlive(x: number, tx: number, T: number): number
  expected(t: number, x: number, tx: number, T: number): number
  /** expected at every horizon of ts, P(alive) computed once (the same figures as expected) */
  expectedAt(ts: Float64Array, x: number, tx: number, T: number, out: Float64Array): void
} {
  const { r, alpha, s, beta } = p
  const tails = new Map<number, Map<number, number>>()
  const once = new Map<number, number>()
  const tail = (x: number, t: number): number => {
    let byT = tails.get(x)
    if (!byT) tails.set(x, (byT = new Map()))
    let v = byT.get(t)
    if (v === undefined) byT.set(t, (v = dropoutIntegral(r + x, alpha, s + 1, beta, t, Infinity).log))
    return v
  }
  const dropoutLog = (x: number, tx: number, T: number): number => {
    if (x > 0) return logSubExp(tail(x, tx), tail(x, T))
    let v = once.get(T)
    if (v === undefined) once.set(T, (v = dropoutIntegral(r, alpha, s + 1, beta, 0, T).log))
    return v
  }
  const pAlive = (x: number, tx: number, T: number): number => {
    const alive = -(r + x) * Math.log(alpha + T) - s * Math.log(beta + T)
    const dead = Math.log(s) + dropoutLog(x, tx, T)
    return Math.exp(alive - logAddExp(alive, dead))
  }
  const value = (t: number, x: number, T: number, alive: number): number => {
    if (t <= 0) return 0
    const L = Math.log1p(t / (beta + T))
    const growth = Math.abs(s - 1) < 1e-10 ? L : -Math.expm1(-(s - 1) * L) / (s - 1)
    const v = (((r + x) * (beta + T)) / (alpha + T)) * growth * alive
    if (!Number.isFinite(v)) throw refuse('expectationNotFinite', { model: 'Pareto/NBD', x })
    return v
  }
  return {
    pAlive,
    expected: (t, x, tx, T) => (t <= 0 ? 0 : value(t, x, T, pAlive(x, tx, T))),
    expectedAt: (ts, x, tx, T, out) => {
      const alive = pAlive(x, tx, T)
      for (let k = 0; k < ts.length; k++) out[k] = value(ts[k], x, T, alive)
    }
  }
}
