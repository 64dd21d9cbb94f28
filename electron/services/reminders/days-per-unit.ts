/**
 * How many days one unit of a product lasts (700 g of formula ≈ 7 days): set on the product,
 * else on its category (by staff or by the shop's product list), else learned from the shop's
 * own customers — the median over every repeat purchase of (days until the next purchase ÷
 * units bought), once enough repeats exist — else the default the app ships for its category.
 * Which one wins, and when the shop's evidence overrules the table, is unit-rules.ts.
 */
import type { Db } from '../../db/driver'
import type { ProductPurchases } from './product-purchases'
import { refuse } from '../../../shared/errors/refuse'

/** Fewer repeat intervals than this and nothing is learned (one odd customer must not set the rule). */
export const MIN_LEARN_INTERVALS = 5
/**
 * Only products that at least this share of their buyers bought again are treated as
 * consumables: a pram or a picture book bought twice by a few customers has no "rhythm".
 */
export const MIN_REPEAT_SHARE = 0.3

export interface Learned {
  /** median days per unit, rounded to 0.1; null when the evidence is too thin */
  days: number | null
  /** repeat intervals it rests on */
  intervals: number
  /** customers who bought it (a product of the category) on two days or more */
  repeatBuyers: number
  /** the 10th and 90th percentiles of the per-unit intervals (the rule's own spread); null with `days` */
  spread: { low: number; high: number } | null
}

/**
 * Median of interval ÷ quantity over consecutive purchase days, grouped by `keyOf` (the
 * product, or its category), rounded to 0.1 day; null unless there are enough intervals and
 * enough of the buyers came back.
 */
export function learnBy<K>(purchases: readonly ProductPurchases[], keyOf: (productId: number) => K | null): Map<K, Learned> {
  const samples = new Map<K, number[]>()
  const pairs = new Map<K, { all: number; again: number; repeaters: Set<number> }>()
  for (const p of purchases) {
    const key = keyOf(p.productId)
    if (key === null) continue
    let b = pairs.get(key)
    if (!b) pairs.set(key, (b = { all: 0, again: 0, repeaters: new Set() }))
    b.all++
    if (p.days.length > 1) {
      b.again++
      b.repeaters.add(p.customerId)
    }
    let list = samples.get(key)
    if (!list) samples.set(key, (list = []))
    for (let i = 0; i + 1 < p.days.length; i++) {
      const gap = p.days[i + 1] - p.days[i]
      if (gap > 0 && p.quantities[i] > 0) list.push(gap / p.quantities[i])
    }
  }
  const out = new Map<K, Learned>()
  for (const [key, list] of samples) {
    const b = pairs.get(key)!
    const enough = list.length >= MIN_LEARN_INTERVALS && b.again / b.all >= MIN_REPEAT_SHARE
    const sorted = enough ? [...list].sort((x, y) => x - y) : []
    out.set(key, {
      days: enough ? Math.round(median(sorted) * 10) / 10 : null,
      intervals: list.length,
      repeatBuyers: b.repeaters.size,
      spread: enough ? { low: quantile(sorted, 0.1), high: quantile(sorted, 0.9) } : null
    })
  }
  return out
}

/** Learned days per unit for every product. */
export function learnDaysPerUnit(purchases: readonly ProductPurchases[]): Map<number, Learned> {
  return learnBy(purchases, (id) => id)
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** The q-quantile of sorted values, linear between order statistics. */
export function quantile(sorted: number[], q: number): number {
  const at = (sorted.length - 1) * q
  const lo = Math.floor(at)
  const hi = Math.min(sorted.length - 1, lo + 1)
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo)
}

/** Set or clear (null) a product's days per unit. */
export function setProductDays(db: Db, productId: number, days: number | null): void {
  const info = db.prepare('UPDATE products SET days_per_unit = ? WHERE id = ?').run(days, productId)
  if (info.changes === 0) throw refuse('productNotFound', { id: productId })
}

/** Set or clear (null) a category's days per unit. */
export function setCategoryDays(db: Db, category: string, days: number | null): void {
  db.prepare('INSERT INTO categories (name, days_per_unit) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET days_per_unit = excluded.days_per_unit').run(
    category,
    days
  )
}
