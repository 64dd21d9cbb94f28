/**
 * A seeded BG/NBD simulator for tests and the benchmark: each customer buys at a Poisson
 * rate λ ~ Gamma(r, α) and drops out after any purchase with probability p ~ Beta(a, b),
 * observed for T time units from the first purchase.
 */
export function mulberry32(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function normal(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand())
}

/** Gamma(shape, 1) by Marsaglia & Tsang (boosted for shape < 1). */
export function gammaSample(shape: number, rand: () => number): number {
  if (shape < 1) return gammaSample(shape + 1, rand) * Math.pow(rand(), 1 / shape)
  const d = shape - 1 / 3
  const c = 1 / Math.sqrt(9 * d)
  for (;;) {
    const z = normal(rand)
    const v = (1 + c * z) ** 3
    if (v <= 0) continue
    const u = rand()
    if (Math.log(u) < 0.5 * z * z + d - d * v + d * Math.log(v)) return d * v
  }
}

export interface Simulated {
  x: number
  tx: number
  T: number
}

/** Customers with observation lengths drawn uniformly from [Tmin, Tmax]. */
export function simulateBgNbd(n: number, prm: { r: number; alpha: number; a: number; b: number }, Tmin: number, Tmax: number, seed: number): Simulated[] {
  const rand = mulberry32(seed)
  const out: Simulated[] = []
  for (let i = 0; i < n; i++) {
    const lambda = gammaSample(prm.r, rand) / prm.alpha
    const ga = gammaSample(prm.a, rand)
    const p = ga / (ga + gammaSample(prm.b, rand))
    const T = Tmin + (Tmax - Tmin) * rand()
    let t = 0
    let x = 0
    let tx = 0
    // no dropout before the first repeat purchase; after each one, drop with probability p
    for (;;) {
      t += -Math.log(1 - rand()) / lambda
      if (t > T) break
      x++
      tx = t
      if (rand() < p) break
    }
    out.push({ x, tx, T })
  }
  return out
}
