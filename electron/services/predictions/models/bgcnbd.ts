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
import { refuse } from '../../../../shared/errors/refuse'

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
  /** per group: distinct-x, distinct-T and distinct-t_x indices */
  gk: Int32Array
  gT: Int32Array
  gtx: Int32Array
  /** the distinct T and t_x values (each a few hundred in whole days, against 10⁵ groups) */
  Ts: Float64Array
  txs: Float64Array
  /** per group: T − t_x */
  gap: Float64Array
  x: Float64Array
  w: Float64Array
  customers: number
  xSum: number
}

/** Index of `v` in `values`, added when new. */
function indexOf(pos: Map<number, number>, values: number[], v: number): number {
  let k = pos.get(v)
  if (k === undefined) {
    k = values.length
    pos.set(v, k)
    values.push(v)
  }
  return k
}

function prepare(g: RfmGroups): Prepared {
  const xPos = new Map<number, number>()
  const TPos = new Map<number, number>()
  const txPos = new Map<number, number>()
  const xs: number[] = []
  const Ts: number[] = []
  const txs: number[] = []
  const n = g.x.length
  const gk = new Int32Array(n)
  const gT = new Int32Array(n)
  const gtx = new Int32Array(n)
  const gap = new Float64Array(n)
  let xSum = 0
  for (let i = 0; i < n; i++) {
    gk[i] = indexOf(xPos, xs, g.x[i])
    gT[i] = indexOf(TPos, Ts, g.T[i])
    gtx[i] = indexOf(txPos, txs, g.tx[i])
    gap[i] = g.T[i] - g.tx[i]
    xSum += g.x[i] * g.weight[i]
  }
  return { xs, gk, gT, gtx, Ts: Float64Array.from(Ts), txs: Float64Array.from(txs), gap, x: g.x, w: g.weight, customers: g.customers, xSum }
}

/** ln((k − 1)!) */
const logFactorial = (n: number): number => lgamma(n + 1)

/**
 * −LL and its gradient in log-parameters (r, α, a, b) for a fixed k; the gap constant
 * (k − 1)Σ litt − Σx ln((k−1)!) is added by the caller (it does not move the optimum).
 *
 * One customer's likelihood, s0 = r + kx, is B(a, b+x+m)/B(a, b) · Γ(s0)/Γ(r) · α^r (α+T)^−s0
 * · [P(u) + R] with u = (T − t_x)/(α+T), P(u) = Σ_{q<k} (s0)_q/q! u^q the alive terms (the
 * Erlang survival integrated over λ) and R = a/(b+x−1+m) · ((α+T)/(α+t_x))^s0 the dropped
 * term. The coefficients (s0)_q/q! and the digamma offsets Σ_{i<q} 1/(s0+i) depend on x only,
 * the logs of α+T and α+t_x on T and t_x only: each is computed once per distinct value, and a
 * customer costs one exp, one log and k multiply-adds (the term-by-term log-sum-exp it
 * replaced cost 2k + 4 logs and exps and k − 1 log-gammas; tests/unit/predictions keeps
 * it as the check).
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
  const psiA = digamma(a)
  const psiAB = digamma(a + b)
  let da = N * (psiAB - psiA)
  let db = N * (psiAB - digamma(b))
  // per distinct x: ln Γ(s0), ψ(s0), the beta terms with their derivatives, and the alive
  // polynomial's coefficients and digamma offsets
  const nx = d.xs.length
  const lg = new Float64Array(nx)
  const ps = new Float64Array(nx)
  const lb = new Float64Array(nx)
  const dbA = new Float64Array(nx)
  const dbB = new Float64Array(nx)
  const coef = new Float64Array(nx * k)
  const psiOff = new Float64Array(nx * k)
  // ln(a/(b+x−1+m)), the dropped term's constant; −∞ where a one-time buyer cannot have dropped (BG)
  const logDrop = new Float64Array(nx)
  for (let j = 0; j < nx; j++) {
    const x = d.xs[j]
    const s0 = r + k * x
    lg[j] = lgamma(s0)
    ps[j] = digamma(s0)
    const B = b + x + m
    lb[j] = lbeta(a, B)
    const psiAll = digamma(a + B)
    dbA[j] = psiA - psiAll
    dbB[j] = digamma(B) - psiAll
    logDrop[j] = m === 1 || x > 0 ? Math.log(a / (b + x - 1 + m)) : -Infinity
    let c = 1
    let h = 0
    for (let q = 0; q < k; q++) {
      coef[j * k + q] = c
      psiOff[j * k + q] = h
      c *= (s0 + q) / (q + 1)
      h += 1 / (s0 + q)
    }
  }
  const lT = d.Ts.map((T) => Math.log(alpha + T))
  const invT = d.Ts.map((T) => 1 / (alpha + T))
  const ltx = d.txs.map((tx) => Math.log(alpha + tx))
  const invTx = d.txs.map((tx) => 1 / (alpha + tx))
  for (let i = 0; i < d.x.length; i++) {
    const j = d.gk[i]
    const x = d.x[i]
    const w = d.w[i]
    const s0 = r + k * x
    const iT = d.gT[i]
    const itx = d.gtx[i]
    const u = d.gap[i] * invT[iT]
    // P(u) and its r- and α-weighted companions, term by term
    let P = 0
    let Pr = 0
    let Pa = 0
    let un = 1
    const base = j * k
    for (let q = 0; q < k; q++) {
      const t = coef[base + q] * un
      P += t
      Pr += t * psiOff[base + q]
      Pa += t * (s0 + q)
      un *= u
    }
    const canDrop = m === 1 || x > 0
    const logR = canDrop ? logDrop[j] + s0 * (lT[iT] - ltx[itx]) : -Infinity
    // scale so that the larger of the alive and dropped parts is about 1 (R can overflow)
    let alive: number
    let dropped: number
    let logTotal: number
    if (logR > 0) {
      const e = Math.exp(-logR)
      const total = P * e + 1
      alive = e / total
      dropped = 1 / total
      logTotal = logR + Math.log(total)
    } else {
      const R = Math.exp(logR)
      const total = P + R
      alive = 1 / total
      dropped = R / total
      logTotal = Math.log(total)
    }
    sum += w * (lb[j] + lg[j] - s0 * lT[iT] + logTotal)
    da += w * dbA[j]
    db += w * dbB[j]
    // the alive terms' softmax weights are t_q · alive, the dropped term's weight is `dropped`
    const wa = w * alive
    dr += wa * (P * (ps[j] - lT[iT]) + Pr)
    dalpha -= wa * Pa * invT[iT]
    if (canDrop) {
      const sw = w * dropped
      dr += sw * (ps[j] - ltx[itx])
      dalpha -= sw * s0 * invTx[itx]
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
function fitAtK(k: number, variant: CnbdVariant, d: Prepared, starts: number[][], label: string): KFit {
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
    // the starts are in order of promise (the last k's optimum first): once one settles inside,
    // the others would only find the same optimum again at the same cost
    if (best.converged && interior(best)) break
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
  assertSettled(label, run)
  return { x: run.x, f: run.f, evaluations, regularised }
}

export interface CnbdFitReport extends FitReport<CnbdParams> {
  /** the log-likelihood at each k tried, k = 1 first */
  logLikByK: number[]
}

/**
 * Maximum-likelihood fit with k fixed (`k` given) or chosen: k = 1, 2, … is tried in turn,
 * each warm-started from the last, until two ks in a row fall short of the best or k reaches
 * MAX_K; the k with the highest likelihood wins. Throws a DomainError when no k can be fitted,
 * naming the model as `label` (MBG/NBD is this fit at k = 1 and must say its own name).
 */
export function fitCnbd(
  g: RfmGroups,
  gaps: GapSummary,
  variant: CnbdVariant,
  fixedK?: number,
  label = variant === 'mbg' ? 'MBG/CNBD-k' : 'BG/CNBD-k'
): CnbdFitReport {
  assertFittable(g)
  if (!Number.isFinite(gaps.littSum)) throw refuse('gapsNotFinite')
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
      fit = fitAtK(k, variant, d, starts, label)
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

/**
 * One customer's alive terms c_q u^q (q < k; see negLogLikAndGradient), their sum P, and the
 * log of the dropped term R on the same scale: P(alive) = P / (P + R).
 */
function aliveTerms(
  p: CnbdParams,
  variant: CnbdVariant,
  x: number,
  tx: number,
  T: number,
  terms = new Float64Array(p.k)
): { terms: Float64Array; P: number; logR: number } {
  const { k, r, alpha, a, b } = p
  const m = variant === 'mbg' ? 1 : 0
  const s0 = r + k * x
  const u = (T - tx) / (alpha + T)
  let c = 1
  let P = 0
  for (let q = 0; q < k; q++) {
    terms[q] = c
    P += c
    c *= ((s0 + q) / (q + 1)) * u
  }
  const logR = m === 1 || x > 0 ? Math.log(a / (b + x - 1 + m)) + s0 * (Math.log(alpha + T) - Math.log(alpha + tx)) : -Infinity
  return { terms, P, logR }
}

/** P / (P + e^logR) without overflow. */
function aliveShare(P: number, logR: number): number {
  if (logR > 0) {
    const e = Math.exp(-logR)
    return (P * e) / (P * e + 1)
  }
  return P / (P + Math.exp(logR))
}

/** P(alive | x, t_x, T). */
export function cnbdPAlive(p: CnbdParams, variant: CnbdVariant, x: number, tx: number, T: number): number {
  const { P, logR } = aliveTerms(p, variant, x, tx, T)
  return aliveShare(P, logR)
}

/**
 * The cumulative stay-probabilities C(j) = Σ_{i<j} E[(1−p)^i] under the posterior
 * Beta(a, b + x + m), grown on demand. They depend on x (and the variant) only, so one is
 * kept per x and shared by every horizon and customer with that x.
 */
interface Stay {
  C: number[]
  D: number
}

const newStay = (): Stay => ({ C: [0], D: 1 })

function stayUpTo(stay: Stay, a: number, bPost: number, j: number): number {
  const C = stay.C
  while (C.length <= j) {
    const i = C.length - 1
    C.push(C[i] + stay.D)
    stay.D *= (bPost + i) / (a + bPost + i)
  }
  return C[j]
}

/**
 * The expected purchases in the next t of an alive customer with q < k phases completed
 * towards the next purchase, for every q at once, into out[at + q]: λ's posterior given q is
 * Gamma(s_q, α + T), s_q = r + kx + q, so the phases completed in t are negative binomial;
 * purchase j comes with phase jk − q and happens only if the customer stayed after purchase
 * j − 1 (E[(1−p)^{j−1}] under the posterior Beta(a, b + x + m)). Each q's sum runs over its
 * own window, from 12 standard deviations below its mean until less than 1e-13 of its mass is
 * left (or 12 above, + 20), as when each was summed alone; one pass over the phase count n
 * serves them all, NB(n; s + 1) = NB(n; s) · (s + n)/s · π with π = (α + T)/(α + T + t)
 * (k separate sums cost k starts and k walks over the same n). It depends on (x, T, t) only,
 * not on t_x.
 */
function alivePurchases(p: CnbdParams, variant: CnbdVariant, t: number, x: number, T: number, stay: Stay, out: Float64Array, at: number): void {
  const { k, r, alpha, a, b } = p
  const bPost = b + x + (variant === 'mbg' ? 1 : 0)
  const lq = Math.log(alpha + T) - Math.log(alpha + T + t)
  const l1q = Math.log(t) - Math.log(alpha + T + t)
  const pi = Math.exp(lq)
  const ratio = Math.exp(l1q)
  const s0 = r + k * x
  const w = windows(k)
  let first = Infinity
  let last = 0
  for (let q = 0; q < k; q++) {
    const s = s0 + q
    const mean = (s * ratio) / pi
    const sd = Math.sqrt(mean / pi)
    w.mean[q] = mean
    w.from[q] = Math.max(0, Math.floor(mean - 12 * sd))
    w.to[q] = Math.ceil(mean + 12 * sd + 20)
    w.mass[q] = 0
    w.open[q] = 1
    out[at + q] = 0
    first = Math.min(first, w.from[q])
    last = Math.max(last, w.to[q])
  }
  // NB(first; s0) from its logs (no underflow), then stepped along n by its ratio
  let pm = Math.exp(lgamma(s0 + first) - lgamma(s0) - lgamma(first + 1) + s0 * lq + first * l1q)
  let open = k
  for (let n = first; n <= last && open > 0; n++) {
    const j = Math.floor(n / k)
    // ⌊(n + q)/k⌋ is j for q < cut, else j + 1
    const cut = k - (n - j * k)
    const cLow = stayUpTo(stay, a, bPost, j)
    const cHigh = stayUpTo(stay, a, bPost, j + 1)
    let pq = pm
    for (let q = 0; q < k; q++) {
      if (w.open[q] === 1 && n >= w.from[q]) {
        out[at + q] += pq * (q < cut ? cLow : cHigh)
        w.mass[q] += pq
        if (n >= w.to[q] || (n > w.mean[q] && 1 - w.mass[q] < 1e-13)) {
          w.open[q] = 0
          open--
        }
      }
      pq *= ((s0 + q + n) / (s0 + q)) * pi
    }
    pm *= ((s0 + n) / (n + 1)) * ratio
  }
}

/** Scratch arrays for alivePurchases' windows, one set per k (nothing allocated per call). */
const scratch = new Map<number, { mean: Float64Array; from: Float64Array; to: Float64Array; mass: Float64Array; open: Uint8Array }>()
function windows(k: number) {
  let w = scratch.get(k)
  if (!w)
    scratch.set(k, (w = { mean: new Float64Array(k), from: new Float64Array(k), to: new Float64Array(k), mass: new Float64Array(k), open: new Uint8Array(k) }))
  return w
}

/** E[X(t) | x, t_x, T] from the alive terms and the per-phase expectations `perPhase(q)`. */
function expectedFrom(p: CnbdParams, variant: CnbdVariant, x: number, tx: number, T: number, perPhase: (q: number) => number): number {
  const { terms, P, logR } = aliveTerms(p, variant, x, tx, T)
  let total = 0
  for (let q = 0; q < terms.length; q++) {
    // the posterior weight of q completed phases given alive
    const wq = terms[q] / P
    if (wq < 1e-16) continue
    total += wq * perPhase(q)
  }
  const value = aliveShare(P, logR) * total
  if (!Number.isFinite(value)) throw refuse('expectationNotFinite', { model: 'CNBD-k', x })
  return value
}

/**
 * E[X(t) | x, t_x, T], exactly under the model: P(alive) times the mix over the phases q an
 * alive customer may have completed (posterior weights from the survival terms) of what an
 * alive customer at phase q buys in t (alivePurchases).
 */
export function cnbdExpected(p: CnbdParams, variant: CnbdVariant, t: number, x: number, tx: number, T: number): number {
  if (t <= 0) return 0
  const parts = new Float64Array(p.k)
  alivePurchases(p, variant, t, x, T, newStay(), parts, 0)
  return expectedFrom(p, variant, x, tx, T, (q) => parts[q])
}

/**
 * cnbdExpected for many customers, each alive-customer expectation computed once per
 * distinct (x, T, q) and shared by every customer with that x and T whatever their t_x (the
 * NB sums are the cost: a shop of 200,000 has about a tenth as many (x, T) as (x, t_x, T)),
 * the stay-probabilities once per x for every horizon, and no allocation per customer (a
 * backtest asks 26 horizons of every customer: the garbage was a third of its time). The
 * cache holds one horizon t at a time: ask for every customer at one t before the next. The
 * same arithmetic in the same order as cnbdExpected, so the same figures to the last bit.
 */
export function cnbdExpectation(p: CnbdParams, variant: CnbdVariant): (t: number, x: number, tx: number, T: number) => number {
  const { k } = p
  const terms = new Float64Array(k)
  const stays = new Map<number, Stay>()
  let cachedT = Number.NaN
  let cache = new Map<number, Map<number, Float64Array>>()
  return (t, x, tx, T) => {
    if (t <= 0) return 0
    if (t !== cachedT) {
      cachedT = t
      cache = new Map()
    }
    let byT = cache.get(x)
    if (!byT) cache.set(x, (byT = new Map()))
    let row = byT.get(T)
    if (!row) byT.set(T, (row = new Float64Array(k).fill(Number.NaN)))
    let stay = stays.get(x)
    if (!stay) stays.set(x, (stay = newStay()))
    // the alive terms into the one scratch array
    const { P, logR } = aliveTerms(p, variant, x, tx, T, terms)
    let total = 0
    for (let q = 0; q < k; q++) {
      const wq = terms[q] / P
      if (wq < 1e-16) continue
      if (Number.isNaN(row[q])) alivePurchases(p, variant, t, x, T, stay, row, 0)
      total += wq * row[q]
    }
    const value = aliveShare(P, logR) * total
    if (!Number.isFinite(value)) throw refuse('expectationNotFinite', { model: 'CNBD-k', x })
    return value
  }
}

/**
 * cnbdExpected at every horizon of `ts` for one customer, into `out`, for a backtest that asks
 * every customer at each week's end: the alive terms once per customer, the alive-customer
 * expectations once per distinct (x, T, q) and horizon (shared by every customer with that x
 * and T), the stay-probabilities once per x. Kept for one `ts` at a time. The same arithmetic
 * in the same order as cnbdExpected, so the same figures to the last bit.
 */
export function cnbdExpectedAt(p: CnbdParams, variant: CnbdVariant): (ts: Float64Array, x: number, tx: number, T: number, out: Float64Array) => void {
  const { k } = p
  const terms = new Float64Array(k)
  const stays = new Map<number, Stay>()
  let forTs: Float64Array | null = null
  let cache = new Map<number, Map<number, Float64Array>>()
  return (ts, x, tx, T, out) => {
    if (ts !== forTs) {
      forTs = ts
      cache = new Map()
    }
    let byT = cache.get(x)
    if (!byT) cache.set(x, (byT = new Map()))
    let row = byT.get(T)
    if (!row) byT.set(T, (row = new Float64Array(ts.length * k).fill(Number.NaN)))
    let stay = stays.get(x)
    if (!stay) stays.set(x, (stay = newStay()))
    const { P, logR } = aliveTerms(p, variant, x, tx, T, terms)
    const share = aliveShare(P, logR)
    for (let h = 0; h < ts.length; h++) {
      const t = ts[h]
      if (t <= 0) {
        out[h] = 0
        continue
      }
      let total = 0
      for (let q = 0; q < k; q++) {
        const wq = terms[q] / P
        if (wq < 1e-16) continue
        const at = h * k + q
        if (Number.isNaN(row[at])) alivePurchases(p, variant, t, x, T, stay, row, h * k)
        total += wq * row[at]
      }
      const value = share * total
      if (!Number.isFinite(value)) throw refuse('expectationNotFinite', { model: 'CNBD-k', x })
      out[h] = value
    }
  }
}

/**
 * P(no purchase in the next w | x, t_x, T, still a customer): an alive customer has completed
 * q < k phases (posterior weights from the alive terms) and λ | q ~ Gamma(r + kx + q, α + T),
 * so the phases completed in w are negative binomial and the next purchase waits for k − q of them:
 * P(W > w) = Σ_q w_q · P(NB(r + kx + q, (α + T)/(α + T + w)) < k − q). For k = 1 this is BG/NBD's Lomax.
 */
export function cnbdWaitSurvival(p: CnbdParams, variant: CnbdVariant, w: number, x: number, tx: number, T: number): number {
  if (w <= 0) return 1
  const { k, r, alpha } = p
  const { terms, P } = aliveTerms(p, variant, x, tx, T)
  const lp = Math.log(alpha + T) - Math.log(alpha + T + w)
  const ratio = w / (alpha + T + w)
  let survive = 0
  for (let q = 0; q < k; q++) {
    if (terms[q] === 0) continue
    const s = r + k * x + q
    // P(N = 0) = p^s, then the pmf by its ratio (s + n)/(n + 1) · (1 − p)
    let pm = Math.exp(s * lp)
    let cdf = 0
    for (let n = 0; n < k - q; n++) {
      cdf += pm
      pm *= ((s + n) / (n + 1)) * ratio
    }
    survive += (terms[q] / P) * cdf
  }
  return Math.min(1, survive)
}
