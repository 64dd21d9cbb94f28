/**
 * The holdout draw: reproducible from a seed and independent of ranking order, so the same
 * seed over the same pool always gives the same control group.
 */

/** mulberry32: a tiny, well-mixed 32-bit generator; uniform in [0, 1). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    let t = (state = (state + 0x6d2b79f5) >>> 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** A seed typed by a person (number or text) as 32 bits: FNV-1a over its text, so 7 and '7' agree. */
export function seedNumber(seed: number | string): number {
  let h = 0x811c9dc5
  for (const ch of String(seed)) {
    h ^= ch.codePointAt(0) ?? 0
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/**
 * `size` ids drawn from `ids` without replacement: the ids are sorted first (so the caller's
 * order cannot change the draw), then Fisher–Yates shuffled with the seeded generator.
 */
export function seededSample(ids: readonly number[], size: number, seed: number | string): Set<number> {
  const pool = [...ids].sort((a, b) => a - b)
  const next = mulberry32(seedNumber(seed))
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1))
    ;[pool[i], pool[j]] = [pool[j], pool[i]]
  }
  return new Set(pool.slice(0, Math.max(0, Math.min(size, pool.length))))
}
