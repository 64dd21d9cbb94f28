/**
 * The special functions the purchase models need, in log space where values can overflow:
 * log-gamma, log-beta, a stable log(1 + e^u), and the Gauss hypergeometric series in the
 * one shape the models use after transformation (all terms positive, ratio below z).
 */

// Lanczos approximation (g = 7, n = 9): about 15 significant digits for x > 0
const G = 7
const COEF = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
  9.9843695780195716e-6, 1.5056327351493116e-7
]
const HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI)

/** ln Γ(x) for x > 0 (reflection below 0.5). */
export function lgamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x)
  const z = x - 1
  let sum = COEF[0]
  for (let i = 1; i < 9; i++) sum += COEF[i] / (z + i)
  const t = z + G + 0.5
  return HALF_LOG_2PI + (z + 0.5) * Math.log(t) - t + Math.log(sum)
}

/** ln B(a, b). */
export function lbeta(a: number, b: number): number {
  return lgamma(a) + lgamma(b) - lgamma(a + b)
}

/** ln(1 + e^u) without overflow for large u or loss for very negative u. */
export function softplus(u: number): number {
  return u > 0 ? u + Math.log1p(Math.exp(-u)) : Math.log1p(Math.exp(u))
}

/** ln(e^a + e^b). */
export function logAddExp(a: number, b: number): number {
  if (a === -Infinity) return b
  if (b === -Infinity) return a
  return a > b ? a + Math.log1p(Math.exp(b - a)) : b + Math.log1p(Math.exp(a - b))
}

/** ln(e^a − e^b) for a ≥ b; −Infinity when they are equal. */
export function logSubExp(a: number, b: number): number {
  if (b === -Infinity) return a
  if (b >= a) return -Infinity
  return a + Math.log1p(-Math.exp(b - a))
}

const MAX_TERMS = 2_000_000

/**
 * Gauss hypergeometric ₂F₁(a, b; c; z) by its power series, for 0 ≤ z < 1.
 * Callers transform their functions first so that the terms stay modest (see the models);
 * answers NaN when the series does not settle, so an optimiser rejects the point instead
 * of trusting a wrong number.
 */
export function hyp2f1(a: number, b: number, c: number, z: number): number {
  if (!(z >= 0 && z < 1)) return z === 0 ? 1 : Number.NaN
  if (z === 0) return 1
  let term = 1
  let sum = 1
  for (let n = 0; n < MAX_TERMS; n++) {
    term *= (((a + n) * (b + n)) / ((c + n) * (n + 1))) * z
    sum += term
    // once the term ratio is below 1 the tail is bounded by a geometric series
    const ratio = Math.abs((((a + n + 1) * (b + n + 1)) / ((c + n + 1) * (n + 2))) * z)
    if (ratio < 1 && Math.abs(term) * (ratio / (1 - ratio)) <= 1e-15 * Math.abs(sum)) return sum
    if (!Number.isFinite(sum)) return Number.NaN
  }
  return Number.NaN
}

/** ψ(x) = d/dx ln Γ(x) for x > 0: recurrence up to 6, then the asymptotic series. */
export function digamma(x: number): number {
  let acc = 0
  while (x < 6) {
    acc -= 1 / x
    x += 1
  }
  const f = 1 / (x * x)
  return acc + Math.log(x) - 0.5 / x - f * (1 / 12 - f * (1 / 120 - f * (1 / 252 - f * (1 / 240 - f * (1 / 132)))))
}
