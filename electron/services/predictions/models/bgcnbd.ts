/**
 * BG/CNBD-k and MBG/CNBD-k (Platzer & Reutterer 2016): the BG/NBD story with regular
 * timing. While alive a customer's gaps between purchases are Erlang-k with rate λ
 * (λ ~ Gamma(r, α)), so k = 1 is the Poisson timing of BG/NBD and larger k means a steadier
 * rhythm (the gaps' coefficient of variation is 1/√k). Dropout ~ Beta(a, b) after each
 * repeat purchase (BG) or also right after the first one (MBG, Batislam et al. 2007), which
 * stops one-time buyers from all counting as certainly alive.
 *
 * Derivation used here (our own): given λ and staying alive, the x gaps contribute
 * λ^{kx} Π gap^{k−1}/(k−1)!^x e^{−λ t_x}, and no purchase in (t_x, T] contributes the Erlang
 * survival Σ_{i<k} (λ(T−t_x))^i/i! e^{−λ(T−t_x)}; dropping out at the last purchase
 * contributes λ^{kx} … e^{−λ t_x}. Integrating λ and p out gives gamma and beta functions.
 * The gap term Π gap^{k−1} depends only on the sum of log gaps, so customers with the same
 * (x, t_x, T) still share one likelihood term and the log gaps enter as one constant per k.
 */
import { DomainError } from '../../../../shared/result'
import { digamma, lbeta, lgamma } from './special'
import { bfgs, minimise } from './optimise'
import { assertFittable, meanT, type RfmGroups } from './rfm'
import { assertSettled, interior, ridge, RUNAWAY_LOG, type FitReport } from './fit-report'

export type CnbdVariant = 'bg' | 'mbg'

export interface CnbdParams {
  k: number
  r: number
  alpha: number
  a: number
  b: number
}

/** The data the regular-timing models read beyond the pooled triples. */
export interface GapSummary {
  /** Σ over customers of the log gaps between purchases, in the model's unit */
  littSum: number
}

/** The largest k tried: beyond it a rhythm is as good as clockwork for a shop's purposes. */
export const MAX_K = 12

interface Prepared {
  xs: number[]
  /** per group: distinct-x index, log(T − t_x) (−∞ when T = t_x) */
  gk: Int32Array
  logGap: Float64Array
  x: Float64Array
  tx: Float64Array
  T: Float64Array
  w: Float64Array
  customers: number
  xSum: number
}

function prepare(g: RfmGroups): Prepared {
  const pos = new Map<number, number>()
  const xs: number[] = []
  const gk = new Int32Array(g.x.length)
  const logGap = new Float64Array(g.x.length)
  let xSum = 0
  for (let i = 0; i < g.x.length; i++) {
    let k = pos.get(g.x[i])
    if (k === undefined) {
      k = xs.length
      pos.set(g.x[i], k)
      xs.push(g.x[i])
    }
    gk[i] = k
    logGap[i] = g.T[i] > g.tx[i] ? Math.log(g.T[i] - g.tx[i]) : -Infinity
    xSum += g.x[i] * g.weight[i]
  }
  return { xs, gk, logGap, x: g.x, tx: g.tx, T: g.T, w: g.weight, customers: g.customers, xSum }
}

/** ln((k − 1)!) */
const logFactorial = (n: number): number => lgamma(n + 1)

/**
 * −LL and its gradient in log-parameters (r, α, a, b) for a fixed k; the gap constant
 * (k − 1)Σ litt − Σx ln((k−1)!) is added by the caller (it does not move the optimum).
 */
function negLogLikAndGradient(v: number[], k: number, variant: CnbdVariant, d: Prepared): { f: number; g: number[] } {
  const r = Math.exp(v[0])
  const alpha = Math.exp(v[1])
  const a = Math.exp(v[2])
  const b = Math.exp(v[3])
  const m = variant === 'mbg' ? 1 : 0
  const N = d.customers
  let sum = N * (r * Math.log(alpha) - lgamma(r) - lbeta(a, b))
  let dr = N * (Math.log(alpha) - digamma(r))
  let dalpha = (N * r) / alpha
  const psiAB = digamma(a + b)
  let da = N * (psiAB - digamma(a))
  let db = N * (psiAB - digamma(b))
  // per distinct x: ln Γ(r + kx), ψ(r + kx), and the beta terms with their derivatives
  const nx = d.xs.length
  const lg = new Float64Array(nx)
  const ps = new Float64Array(nx)
  const lb = new Float64Array(nx)
  const dbA = new Float64Array(nx)
  const dbB = new Float64Array(nx)
  for (let j = 0; j < nx; j++) {
    const x = d.xs[j]
    lg[j] = lgamma(r + k * x)
    ps[j] = digamma(r + k * x)
    const B = b + x + m
    lb[j] = lbeta(a, B)
    const psiAll = digamma(a + B)
    dbA[j] = digamma(a) - psiAll
    dbB[j] = digamma(B) - psiAll
  }
  const terms = new Float64Array(k + 1)
  for (let i = 0; i < d.x.length; i++) {
    const j = d.gk[i]
    const x = d.x[i]
    const w = d.w[i]
    const s0 = r + k * x
    const lT = Math.log(alpha + d.T[i])
    const invT = 1 / (alpha + d.T[i])
    // alive at T: Σ_{q<k} Γ(s0+q) (T−t_x)^q / q! / (α+T)^{s0+q}
    let lgq = lg[j]
    let top = -Infinity
    let nTerms = 0
    for (let q = 0; q < k; q++) {
      if (q > 0) {
        if (d.logGap[i] === -Infinity) break
        lgq += Math.log(s0 + q - 1)
      }
      const t = lgq - (s0 + q) * lT + (q > 0 ? q * d.logGap[i] - logFactorial(q) : 0)
      terms[nTerms++] = t
      if (t > top) top = t
    }
    const aliveTerms = nTerms
    const canDrop = m === 1 || x > 0
    const dropC = canDrop ? a / (b + x - 1 + m) : 0
    if (canDrop) {
      const t = Math.log(dropC) + lg[j] - s0 * Math.log(alpha + d.tx[i])
      terms[nTerms++] = t
      if (t > top) top = t
    }
    let total = 0
    for (let q = 0; q < nTerms; q++) {
      terms[q] = Math.exp(terms[q] - top)
      total += terms[q]
    }
    sum += w * (lb[j] + top + Math.log(total))
    da += w * dbA[j]
    db += w * dbB[j]
    // softmax weights of the terms carry the derivatives
    let psiQ = ps[j]
    for (let q = 0; q < aliveTerms; q++) {
      if (q > 0) psiQ += 1 / (s0 + q - 1)
      const sw = (w * terms[q]) / total
      dr += sw * (psiQ - lT)
      dalpha -= sw * (s0 + q) * invT
    }
    if (canDrop) {
      const sw = (w * terms[aliveTerms]) / total
      dr += sw * (ps[j] - Math.log(alpha + d.tx[i]))
      dalpha -= (sw * s0) / (alpha + d.tx[i])
      da += sw / a
      db -= sw / (b + x - 1 + m)
    }
  }
  return { f: -sum, g: [-dr * r, -dalpha * alpha, -da * a, -db * b] }
}

function gapConstant(k: number, d: Prepared, gaps: GapSummary): number {
  return (k - 1) * gaps.littSum - d.xSum * logFactorial(k - 1)
}

/** Log-likelihood of the pooled data (with its log gaps) under the parameters. */
export function cnbdLogLik(p: CnbdParams, variant: CnbdVariant, g: RfmGroups, gaps: GapSummary): number {
  const d = prepare(g)
  const v = [Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b)]
  return -negLogLikAndGradient(v, p.k, variant, d).f + gapConstant(p.k, d, gaps)
}

/** The gradient of the log-likelihood in (r, α, a, b) (not log), for checks. */
export function cnbdGradient(p: CnbdParams, variant: CnbdVariant, g: RfmGroups): number[] {
  const v = [Math.log(p.r), Math.log(p.alpha), Math.log(p.a), Math.log(p.b)]
  const out = negLogLikAndGradient(v, p.k, variant, prepare(g))
  return out.g.map((gv, i) => -gv / Math.exp(v[i]))
}

const fromLog = (k: number, v: number[]): CnbdParams => ({ k, r: Math.exp(v[0]), alpha: Math.exp(v[1]), a: Math.exp(v[2]), b: Math.exp(v[3]) })

interface KFit {
  x: number[]
  f: number
  evaluations: number
  regularised: boolean
}

/** Thrown inside an optimiser run that heads for a limit, to stop it there. */
class RanAway extends Error {}

/** The fit for one k from the given starts (BFGS first, Nelder–Mead and the ridge as fallbacks). */
function fitAtK(k: number, variant: CnbdVariant, d: Prepared, starts: number[][]): KFit {
  const exact = (v: number[]) => negLogLikAndGradient(v, k, variant, d)
  // a run towards a limit (r, α → ∞: every customer buys at the same rate) is stopped as soon
  // as it passes the runaway mark instead of crawling on for thousands of evaluations; the
  // ridge then holds it
  const plain = (v: number[]) => {
    if (v.some((x) => Math.abs(x) > RUNAWAY_LOG + 1)) throw new RanAway()
    return exact(v)
  }
  const gtol = 1e-7 * Math.max(1, d.customers)
  const budget = { maxEvaluations: 1500 }
  let best: ReturnType<typeof bfgs> | undefined
  let evaluations = 0
  let ranAway = false
  for (const s of starts) {
    let run: ReturnType<typeof bfgs>
    try {
      run = bfgs(plain, s, { gtol, maxIterations: 200 })
    } catch (e) {
      if (!(e instanceof RanAway)) throw e
      ranAway = true
      continue
    }
    evaluations += run.evaluations
    if (!best || (run.converged && interior(run) && (!best.converged || run.f < best.f))) best = run
  }
  let run = best ?? { x: starts[0], f: Infinity, evaluations: 0, converged: false }
  if (!run.converged && interior(run) && !ranAway) {
    try {
      run = minimise((v) => plain(v).f, [run.x, ...starts], budget, interior)
      evaluations += run.evaluations
    } catch (e) {
      if (!(e instanceof RanAway)) throw e
      ranAway = true
    }
  }
  let regularised = false
  if (ranAway && !(run.converged && interior(run))) {
    // the likelihood climbs towards a limit: hold it with the light ridge
    const pen = ridge(d.customers)
    const held = (v: number[]) => {
      const o = exact(v)
      const gp = pen.g(v)
      return { f: o.f + pen.f(v), g: o.g.map((x, i) => x + gp[i]) }
    }
    let heldRun = bfgs(held, starts[0], { gtol, maxIterations: 200 })
    evaluations += heldRun.evaluations
    if (!heldRun.converged) {
      heldRun = minimise((v) => held(v).f, [heldRun.x, ...starts], budget, interior)
      evaluations += heldRun.evaluations
    }
    run = { ...heldRun, f: exact(heldRun.x).f }
    regularised = true
  }
  assertSettled(variant === 'mbg' ? 'MBG/CNBD-k' : 'BG/CNBD-k', run)
  return { x: run.x, f: run.f, evaluations, regularised }
}

export interface CnbdFitReport extends FitReport<CnbdParams> {
  /** the log-likelihood at each k tried, k = 1 first */
  logLikByK: number[]
}

/**
 * Maximum-likelihood fit with k fixed (`k` given) or chosen: k = 1, 2, … is tried in turn,
 * each warm-started from the last, until two ks in a row fall short of the best or k reaches
 * MAX_K; the k with the highest likelihood wins. Throws a DomainError when no k can be fitted.
 */
export function fitCnbd(g: RfmGroups, gaps: GapSummary, variant: CnbdVariant, fixedK?: number): CnbdFitReport {
  assertFittable(g)
  if (!Number.isFinite(gaps.littSum)) throw new DomainError('BAD_INPUT', '购买间隔数据有误 (the gaps between purchases are not finite)')
  const d = prepare(g)
  const scale = meanT(g)
  const ks = fixedK !== undefined ? [fixedK] : Array.from({ length: MAX_K }, (_, i) => i + 1)
  const logLikByK: number[] = []
  let best: { k: number; fit: KFit; logLik: number } | undefined
  let evaluations = 0
  let last: number[] | undefined
  for (const k of ks) {
    const starts = [[0, Math.log(scale / 10 / k), 0, Math.log(3)]]
    // the same purchase rate at a larger k means a proportionally larger λ: scale α down
    if (last) starts.unshift([last[0], last[1] - Math.log(k / (k - 1)), last[2], last[3]])
    let fit: KFit
    try {
      fit = fitAtK(k, variant, d, starts)
    } catch (e) {
      if (!(e instanceof DomainError) || !best) throw e
      break
    }
    evaluations += fit.evaluations
    const logLik = -fit.f + gapConstant(k, d, gaps)
    logLikByK.push(logLik)
    last = fit.x
    if (!best || logLik > best.logLik) best = { k, fit, logLik }
    else if (k - best.k >= 2) break
  }
  const chosen = best as { k: number; fit: KFit; logLik: number }
  return { params: fromLog(chosen.k, chosen.fit.x), logLik: chosen.logLik, evaluations, regularised: chosen.fit.regularised, logLikByK }
}

/** The terms of one customer's likelihood that differ between alive and dropped (log scale). */
function aliveSplit(p: CnbdParams, variant: CnbdVariant, x: number, tx: number, T: number): { alive: number[]; dropped: number } {
  const { k, r, alpha, a, b } = p
  const m = variant === 'mbg' ? 1 : 0
  const s0 = r + k * x
  const lT = Math.log(alpha + T)
  const alive: number[] = []
  let lgq = 0
  for (let q = 0; q < k; q++) {
    if (q > 0) {
      if (!(T > tx)) break
      lgq += Math.log(s0 + q - 1)
    }
    alive.push(lgq - (s0 + q) * lT + (q > 0 ? q * Math.log(T - tx) - logFactorial(q) : 0))
  }
  const dropped = m === 1 || x > 0 ? Math.log(a / (b + x - 1 + m)) - s0 * Math.log(alpha + tx) : -Infinity
  return { alive, dropped }
}

function logSum(v: number[]): number {
  const top = Math.max(...v)
  if (top === -Infinity) return -Infinity
  return top + Math.log(v.reduce((s, t) => s + Math.exp(t - top), 0))
}

/** P(alive | x, t_x, T). */
export function cnbdPAlive(p: CnbdParams, variant: CnbdVariant, x: number, tx: number, T: number): number {
  const { alive, dropped } = aliveSplit(p, variant, x, tx, T)
  const la = logSum(alive)
  return 1 / (1 + Math.exp(dropped - la))
}

/**
 * E[X(t) | x, t_x, T], exactly under the model: an alive customer has completed q < k of the
 * Erlang phases towards the next purchase (posterior weights from the survival terms), λ's
 * posterior given q is Gamma(r + kx + q, α + T), so the phases completed in the next t are
 * negative binomial; purchase j comes with phase jk − q and happens only if the customer
 * stayed after purchase j − 1 (E[(1−p)^{j−1}] under the posterior Beta). The NB sum runs
 * until its remaining mass is below 1e-13.
 */
export function cnbdExpected(p: CnbdParams, variant: CnbdVariant, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0
  const { k, r, alpha, a, b } = p
  const bPost = b + x + (variant === 'mbg' ? 1 : 0)
  const { alive, dropped } = aliveSplit(p, variant, x, tx, T)
  const la = logSum(alive)
  const pAlive = 1 / (1 + Math.exp(dropped - la))
  const lq = Math.log(alpha + T) - Math.log(alpha + T + t)
  const l1q = Math.log(t) - Math.log(alpha + T + t)
  let total = 0
  // cumulative stay-probabilities C(j) = Σ_{i<j} E[(1−p)^i], grown on demand
  const C: number[] = [0]
  let D = 1
  const stayUpTo = (j: number): number => {
    while (C.length <= j) {
      const i = C.length - 1
      C.push(C[i] + D)
      D *= (bPost + i) / (a + bPost + i)
    }
    return C[j]
  }
  for (let q = 0; q < alive.length; q++) {
    const wq = Math.exp(alive[q] - la)
    if (wq < 1e-16) continue
    const s = r + k * x + q
    const mean = (s * Math.exp(l1q)) / Math.exp(lq)
    const sd = Math.sqrt(mean / Math.exp(lq))
    const n0 = Math.max(0, Math.floor(mean - 12 * sd))
    const nMax = Math.ceil(mean + 12 * sd + 20)
    // start where the mass begins (no underflow) and step the pmf by its ratio
    let pm = Math.exp(lgamma(s + n0) - lgamma(s) - lgamma(n0 + 1) + s * lq + n0 * l1q)
    const ratio = Math.exp(l1q)
    let part = 0
    let mass = 0
    for (let n = n0; n <= nMax; n++) {
      part += pm * stayUpTo(Math.floor((n + q) / k))
      mass += pm
      if (n > mean && 1 - mass < 1e-13) break
      pm *= ((s + n) / (n + 1)) * ratio
    }
    total += wq * part
  }
  const value = pAlive * total
  if (!Number.isFinite(value)) throw new DomainError('INTERNAL', `CNBD-k 期望值无法计算 (expectation not finite for x=${x})`)
  return value
}
