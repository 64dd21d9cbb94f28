/**
 * The statistics of a holdout test, kept small enough to check by hand.
 * Interval for a difference of two proportions: Newcombe's hybrid score interval (Newcombe
 * 1998, method 10), built from a Wilson score interval for each arm. Unlike the Wald interval
 * it stays inside [−1, 1] and behaves with small arms and rates near 0, which is exactly
 * the shop-sized case (a few dozen controls, a purchase rate of 5–20 %).
 */

/** two-sided 95 % normal quantile */
export const Z95 = 1.959963984540054
/** one-sided 80 % normal quantile (power) */
const Z80 = 0.8416212335729143

/** Wilson score interval for x successes out of n (n > 0). */
export function wilson(x: number, n: number, z = Z95): [number, number] {
  const p = x / n
  const z2 = z * z
  const denom = 1 + z2 / n
  const centre = (p + z2 / (2 * n)) / denom
  const half = (z / denom) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))
  return [Math.max(0, centre - half), Math.min(1, centre + half)]
}

/** 95 % interval for x1/n1 − x2/n2 (Newcombe hybrid score). */
export function newcombeInterval(x1: number, n1: number, x2: number, n2: number, z = Z95): [number, number] {
  const p1 = x1 / n1
  const p2 = x2 / n2
  const [l1, u1] = wilson(x1, n1, z)
  const [l2, u2] = wilson(x2, n2, z)
  const d = p1 - p2
  return [d - Math.sqrt((p1 - l1) ** 2 + (u2 - p2) ** 2), d + Math.sqrt((u1 - p1) ** 2 + (p2 - l2) ** 2)]
}

/**
 * The smallest difference in purchase rate the two arms can detect (two-sided 5 %, power
 * 80 %) around a base rate p (held within 5–95 % so a rough guess cannot make it vanish).
 */
export function detectableUplift(p: number, nTreated: number, nControl: number): number {
  const q = Math.min(0.95, Math.max(0.05, p))
  return (Z95 + Z80) * Math.sqrt(q * (1 - q) * (1 / nTreated + 1 / nControl))
}
