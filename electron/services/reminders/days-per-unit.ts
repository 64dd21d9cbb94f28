/**
 * How many days one unit of a product lasts (700 g of formula ≈ 7 days): set on the product,
 * else on its category, else learned from the shop's own customers — the median over every
 * repeat purchase of (days until the next purchase ÷ units bought), once enough repeats exist.
 */
import type { Db } from '../../db/driver'
import { DomainError } from '../../../shared/result'
import type { UnitRow } from '../../../shared/schemas/reminders'
import { readProductPurchases, type ProductPurchases } from './product-purchases'

/** Fewer repeat intervals than this and nothing is learned (one odd customer must not set the rule). */
export const MIN_LEARN_INTERVALS = 5
/**
 * Only products that at least this share of their buyers bought again are treated as
 * consumables: a pram or a picture book bought twice by a few customers has no "rhythm".
 */
export const MIN_REPEAT_SHARE = 0.3

/**
 * Median of interval ÷ quantity over consecutive purchase days, per product, rounded to 0.1
 * day; null unless there are enough intervals and enough of the product's buyers came back.
 */
export function learnDaysPerUnit(purchases: ProductPurchases[]): Map<number, { days: number | null; intervals: number }> {
  const samples = new Map<number, number[]>()
  const buyers = new Map<number, { all: number; again: number }>()
  for (const p of purchases) {
    const b = buyers.get(p.productId) ?? { all: 0, again: 0 }
    b.all++
    if (p.days.length > 1) b.again++
    buyers.set(p.productId, b)
    let list = samples.get(p.productId)
    if (!list) samples.set(p.productId, (list = []))
    for (let i = 0; i + 1 < p.days.length; i++) {
      const gap = p.days[i + 1] - p.days[i]
      if (gap > 0 && p.quantities[i] > 0) list.push(gap / p.quantities[i])
    }
  }
  const out = new Map<number, { days: number | null; intervals: number }>()
  for (const [productId, list] of samples) {
    const b = buyers.get(productId) as { all: number; again: number }
    const enough = list.length >= MIN_LEARN_INTERVALS && b.again / b.all >= MIN_REPEAT_SHARE
    out.set(productId, { days: enough ? Math.round(median(list) * 10) / 10 : null, intervals: list.length })
  }
  return out
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = Math.floor(s.length / 2)
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2
}

/** Every product with its set, category and learned days per unit, as of a date. */
export function listUnits(db: Db, asOf: string): UnitRow[] {
  const learned = learnDaysPerUnit(readProductPurchases(db, asOf))
  const rows = db
    .prepare(
      `SELECT p.id, p.code, p.name, p.category, p.days_per_unit AS productDays, c.days_per_unit AS categoryDays
       FROM products p LEFT JOIN categories c ON c.name = p.category ORDER BY p.category, p.name`
    )
    .all() as { id: number; code: string; name: string; category: string | null; productDays: number | null; categoryDays: number | null }[]
  return rows.map((r) => {
    const l = learned.get(r.id)
    const learnedDays = l?.days ?? null
    const source = r.productDays !== null ? 'product' : r.categoryDays !== null ? 'category' : learnedDays !== null ? 'learned' : null
    return {
      productId: r.id,
      code: r.code,
      name: r.name,
      category: r.category,
      productDays: r.productDays,
      categoryDays: r.categoryDays,
      learnedDays,
      learnedFrom: l?.intervals ?? 0,
      effectiveDays: r.productDays ?? r.categoryDays ?? learnedDays,
      source
    }
  })
}

/** Set or clear (null) a product's days per unit. */
export function setProductDays(db: Db, productId: number, days: number | null): void {
  const info = db.prepare('UPDATE products SET days_per_unit = ? WHERE id = ?').run(days, productId)
  if (info.changes === 0) throw new DomainError('NOT_FOUND', `没有这个商品 (no product ${productId})`)
}

/** Set or clear (null) a category's days per unit. */
export function setCategoryDays(db: Db, category: string, days: number | null): void {
  db.prepare('INSERT INTO categories (name, days_per_unit) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET days_per_unit = excluded.days_per_unit').run(
    category,
    days
  )
}
