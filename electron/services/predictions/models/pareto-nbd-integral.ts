/**
 * The Pareto/NBD dropout integral ∫ (a+τ)^−p (b+τ)^−q dτ by Gauss–Legendre quadrature, with
 * the means of ln(a+τ), ln(b+τ), 1/(a+τ) and 1/(b+τ) under the same integrand (what the
 * likelihood's gradient needs). The ₂F₁ series it replaces needs billions of terms when its
 * argument z = (b−a)/(b+t) nears 1 (no dropout, β → ∞); here the cost stays a few dozen
 * points at any z.
 *
 * With a ≤ b, A = a+t, B = b+t, ε = A/B = 1−z and v = ln((a+τ)/A) the integrand is
 * A^(1−p) B^(−q) e^φ(v) dv, φ(v) = (1−p)v − q·ln(1 + ε(e^v − 1)): φ is concave (φ'' ∈ [−q/4, 0])
 * and analytic in the strip |Im v| < π. Panels are laid out from φ's maximum outwards, each at
 * most HMAX wide and falling by at most about DROP, where 16-point Gauss–Legendre is exact to
 * about 1e-14; the tail of an infinite range is cut where its bound e^φ/|φ'| is below 1e-17 of the sum.
 */

/** ln of the integral and the integrand-weighted means of ln(a+τ), ln(b+τ), 1/(a+τ), 1/(b+τ). */
export interface DropoutIntegral {
  log: number
  meanLogA: number
  meanLogB: number
  meanInvA: number
  meanInvB: number
}

// 16-point Gauss–Legendre nodes and weights on [−1, 1]
const GL_X = [
  -0.9894009349916499, -0.9445750230732326, -0.8656312023878318, -0.755404408355003, -0.6178762444026438, -0.45801677765722737, -0.2816035507792589,
  -0.09501250983763744, 0.09501250983763744, 0.2816035507792589, 0.45801677765722737, 0.6178762444026438, 0.755404408355003, 0.8656312023878318,
  0.9445750230732326, 0.9894009349916499
]
const GL_W = [
  0.027152459411754176, 0.062253523938647456, 0.0951585116824926, 0.12462897125553407, 0.1495959888165767, 0.16915651939500265, 0.18260341504492364,
  0.18945061045506864, 0.18945061045506864, 0.18260341504492364, 0.16915651939500265, 0.1495959888165767, 0.12462897125553407, 0.0951585116824926,
  0.062253523938647456, 0.027152459411754176
]
// 6 points for the short, gentle pieces between neighbouring times (exact to ~1e-19 there)
const GL6_X = [-0.9324695142031519, -0.6612093864662645, -0.2386191860831969, 0.2386191860831969, 0.6612093864662645, 0.9324695142031519]
const GL6_W = [0.17132449237917027, 0.3607615730481387, 0.46791393457269104, 0.46791393457269104, 0.3607615730481387, 0.17132449237917027]
/** a panel no wider than this, falling by at most this, with q·h² at most 1, is gentle */
const GENTLE = 0.5
const HMAX = 3
const DROP = 8
/** a hard cap: never more panels than this, whatever the parameters (the fit must not hang) */
const MAX_PANELS = 400

/** Where dropoutIntegralInto writes: five numbers per integral, in this order. */
export const LOG = 0
export const MEAN_LOG_A = 1
export const MEAN_LOG_B = 2
export const MEAN_INV_A = 3
export const MEAN_INV_B = 4

/**
 * ∫_t^end (a+τ)^−p (b+τ)^−q dτ with end = t + `span` (Infinity for the tail), any a, b > −t.
 * Answers log = −Infinity for an empty range.
 */
export function dropoutIntegral(p: number, a: number, q: number, b: number, t: number, span: number): DropoutIntegral {
  const out = new Float64Array(5)
  dropoutIntegralInto(out, 0, p, a, q, b, t, span)
  return { log: out[LOG], meanLogA: out[MEAN_LOG_A], meanLogB: out[MEAN_LOG_B], meanInvA: out[MEAN_INV_A], meanInvB: out[MEAN_INV_B] }
}

/** The same, written into out[at … at+4] without allocating (the fits call it ~10⁴ times per evaluation). */
export function dropoutIntegralInto(out: Float64Array, at: number, p: number, a: number, q: number, b: number, t: number, span: number): void {
  // the integrand is symmetric in (p, a) ↔ (q, b): the smaller offset is the variable
  const swap = a > b
  if (swap) {
    const p0 = p
    const a0 = a
    p = q
    a = b
    q = p0
    b = a0
  }
  const A = a + t
  const B = b + t
  const lnA = Math.log(A)
  const lnB = Math.log(B)
  let log = -Infinity
  let mla = lnA
  let mlb = lnB
  let mia = 1 / A
  let mib = 1 / B
  if (span > 0) {
    const eps = A / B
    const V = span === Infinity ? Infinity : Math.log1p(span / A)
    const k = 1 - p
    // φ' falls from k − qε at v = 0 towards k − q; the maximum is where it crosses zero
    let vmax = 0
    if (k - q * eps > 0) {
      const sig = k / q
      vmax = Math.log((sig * (1 - eps)) / (eps * (1 - sig)))
      if (!(vmax > 0)) vmax = 0
      if (vmax > V) vmax = V
    }
    const phiMax = k * vmax - q * Math.log1p(eps * Math.expm1(vmax))
    // a panel's width: no wider than HMAX, no steeper than DROP, no more curved than φ'' allows
    const curveLimit = Math.min(HMAX, Math.sqrt((4 * DROP) / q))
    let s0 = 0
    let sv = 0
    let sl = 0
    let sia = 0
    let sib = 0
    let panels = 0
    // left of the maximum (only when φ rises first), then right of it to V or until the tail cannot matter
    for (let side = -1; side <= 1; side += 2) {
      let u = vmax
      for (;;) {
        if (side < 0 ? !(u > 0) : !(u < V)) break
        if (panels++ >= MAX_PANELS) break
        const eu = Math.exp(u)
        const slope = k - (q * eps * eu) / (1 + eps * (eu - 1))
        const h = Math.min(curveLimit, DROP / Math.max(Math.abs(slope), 1e-12))
        const lo = side < 0 ? Math.max(0, u - h) : u
        const hi = side < 0 ? u : Math.min(V, u + h)
        const half = (hi - lo) / 2
        const mid = (hi + lo) / 2
        const gentle = 2 * half <= GENTLE && Math.abs(slope) * 2 * half <= GENTLE && q * 4 * half * half <= 1
        const X = gentle ? GL6_X : GL_X
        const W = gentle ? GL6_W : GL_W
        for (let i = 0; i < X.length; i++) {
          const v = mid + half * X[i]
          const em1 = Math.exp(v) - 1
          const inner = 1 + eps * em1
          const lb = Math.log(inner)
          const w = W[i] * half * Math.exp(k * v - q * lb - phiMax)
          s0 += w
          sv += w * v
          sl += w * lb
          sia += w / (1 + em1)
          sib += w / inner
        }
        u = side < 0 ? lo : hi
        if (side > 0 && V === Infinity) {
          const eh = Math.exp(u)
          const inner = 1 + eps * (eh - 1)
          const tailBound = Math.exp(k * u - q * Math.log(inner) - phiMax) / Math.abs(k - (q * eps * eh) / inner)
          if (tailBound <= 1e-17 * s0) break
        }
      }
    }
    log = (1 - p) * lnA - q * lnB + phiMax + Math.log(s0)
    mla = lnA + sv / s0
    mlb = lnB + sl / s0
    mia = sia / s0 / A
    mib = sib / s0 / B
  }
  out[at + LOG] = log
  out[at + (swap ? MEAN_LOG_B : MEAN_LOG_A)] = mla
  out[at + (swap ? MEAN_LOG_A : MEAN_LOG_B)] = mlb
  out[at + (swap ? MEAN_INV_B : MEAN_INV_A)] = mia
  out[at + (swap ? MEAN_INV_A : MEAN_INV_B)] = mib
}
