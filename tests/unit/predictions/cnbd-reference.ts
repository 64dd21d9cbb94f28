/**
 * The BG/CNBD-k likelihood as first written: every term of each customer's likelihood in log
 * space, summed by log-sum-exp, straight from the derivation in models/bgcnbd.ts. Kept here
 * as the check on the fast form the fits use (one polynomial per customer, see there): both
 * must agree to 1e-9 relative on a grid of parameters and customers. The same for P(alive)
 * and the expectation as first written, per customer without shared terms.
 */
import { digamma, lbeta, lgamma } from '../../../electron/services/predictions/models/special'
import type { RfmGroups } from '../../../electron/services/predictions/models/rfm'
import type { CnbdParams, CnbdVariant } from '../../../electron/services/predictions/models/bgcnbd'

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

export function referencePrepare(g: RfmGroups): Prepared {
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
export function referenceNegLogLik(v: number[], k: number, variant: CnbdVariant, d: Prepared): { f: number; g: number[] } {
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
export function referencePAlive(p: CnbdParams, variant: CnbdVariant, x: number, tx: number, T: number): number {
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
export function referenceExpected(p: CnbdParams, variant: CnbdVariant, t: number, x: number, tx: number, T: number): number {
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
  if (!Number.isFinite(value)) throw new Error(`expectation not finite for x=${x}`)
  return value
}
