/**
 * A seeded (M)BG/CNBD-k simulator for the regular-buyer model tests: gaps between purchases
 * are Erlang-k with rate λ ~ Gamma(r, α) (a sum of k exponential phases); after each repeat
 * purchase (and, for MBG, right after the first) the customer drops out with probability
 * p ~ Beta(a, b). Observed for T from the first purchase, T uniform on [Tmin, Tmax].
 */
import { gammaSample, mulberry32 } from './simulate'

export interface SimulatedCnbd {
  x: number
  tx: number
  T: number
  /** Σ ln(gap) over the x gaps */
  litt: number
  /** the repeat purchases' times from the first purchase, ascending (tx is the last) */
  times: number[]
}

export function simulateCnbd(
  n: number,
  prm: { k: number; r: number; alpha: number; a: number; b: number },
  variant: 'bg' | 'mbg',
  Tmin: number,
  Tmax: number,
  seed: number
): SimulatedCnbd[] {
  const rand = mulberry32(seed)
  const out: SimulatedCnbd[] = []
  for (let i = 0; i < n; i++) {
    const lambda = gammaSample(prm.r, rand) / prm.alpha
    const ga = gammaSample(prm.a, rand)
    const p = ga / (ga + gammaSample(prm.b, rand))
    const T = Tmin + (Tmax - Tmin) * rand()
    let t = 0
    let x = 0
    let tx = 0
    let litt = 0
    const times: number[] = []
    let alive = !(variant === 'mbg' && rand() < p)
    while (alive) {
      let gap = 0
      for (let j = 0; j < prm.k; j++) gap += -Math.log(1 - rand()) / lambda
      if (t + gap > T) break
      t += gap
      x++
      tx = t
      times.push(t)
      litt += Math.log(gap)
      if (rand() < p) alive = false
    }
    out.push({ x, tx, T, litt, times })
  }
  return out
}
