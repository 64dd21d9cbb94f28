/**
 * Which days-per-unit figure each product's reminders use, and what the shop's own repeat
 * buyers say against it:
 * - a figure in the table (the product's, else its category's) is the shop's: it is used, and
 *   where at least EVIDENCE_BUYERS repeat buyers put the learned figure outside
 *   [AGREE_LOW, AGREE_HIGH] × the table's, the row and its reminders say so and offer the
 *   learned figure (staff take it, or not);
 * - with nothing in the table, a default the app ships (shipped-days.ts) is used until
 *   EVIDENCE_BUYERS repeat buyers exist, then the learned figure replaces it, and says so;
 * - with neither, the learned figure once there is enough to learn from (days-per-unit.ts).
 */
import type { Db } from '../../db/driver'
import type { UnitEvidence, UnitRow, UnitSource } from '../../../shared/schemas/reminders'
import { learnBy, type Learned } from './days-per-unit'
import { readProductPurchases, type ProductPurchases } from './product-purchases'
import { keptUntilWrite } from '../app/data-version'
import { shippedDays } from './shipped-days'
import { AGREE_HIGH, AGREE_LOW, EVIDENCE_BUYERS } from '../../../shared/domain/unit-evidence'
import { refuse } from '../../../shared/errors/refuse'

export { EVIDENCE_BUYERS, AGREE_LOW, AGREE_HIGH }

export interface UnitRule {
  productId: number
  code: string
  name: string
  category: string | null
  /** what one unit is called (罐, 包), from the product list; 件 without one */
  unitWord: string
  productDays: number | null
  categoryDays: number | null
  shippedDays: number | null
  learned: Learned | null
  /** the figure reminders use, or null when there is none */
  days: number | null
  source: UnitSource | null
  evidence: UnitEvidence | null
  categoryEvidence: UnitEvidence | null
}

const round1 = (n: number) => Math.round(n * 10) / 10

/** Strong disagreement: enough repeat buyers and a learned figure well away from the table's. */
export function disagrees(table: number, learned: Learned | null | undefined): learned is Learned & { days: number } {
  if (!learned || learned.days === null || learned.repeatBuyers < EVIDENCE_BUYERS) return false
  const ratio = learned.days / table
  return ratio < AGREE_LOW || ratio > AGREE_HIGH
}

function offer(table: number, l: Learned & { days: number }, unitWord: string): UnitEvidence {
  return {
    kind: 'offer',
    tableDays: table,
    learnedDays: l.days,
    repeatBuyers: l.repeatBuyers,
    words: {
      zh: `本店顾客实际约 ${l.days} 天用完一${unitWord}，表里写的是 ${table} 天（${l.repeatBuyers} 位回头客）`,
      en: `this shop's customers take about ${l.days} days a unit, the table says ${table} (${l.repeatBuyers} repeat buyers)`
    }
  }
}

function yielded(shipped: number, l: Learned & { days: number }, unitWord: string): UnitEvidence {
  return {
    kind: 'yielded',
    tableDays: shipped,
    learnedDays: l.days,
    repeatBuyers: l.repeatBuyers,
    words: {
      zh: `按本店 ${l.repeatBuyers} 位回头客的实际间隔约 ${l.days} 天用完一${unitWord}，已代替软件自带的 ${shipped} 天`,
      en: `${l.repeatBuyers} repeat buyers here take about ${l.days} days a unit, which replaces the app's default of ${shipped}`
    }
  }
}

interface ProductRow {
  id: number
  code: string
  name: string
  category: string | null
  unit: string | null
  productDays: number | null
  categoryDays: number | null
}

/** Every product's rule, from the purchases up to the as-of date the caller read. */
export function resolveUnitRules(db: Db, purchases: readonly ProductPurchases[]): Map<number, UnitRule> {
  const rows = db
    .prepare(
      `SELECT p.id, p.code, p.name, p.category, p.unit, p.days_per_unit AS productDays, c.days_per_unit AS categoryDays
       FROM products p LEFT JOIN categories c ON c.name = p.category ORDER BY p.category, p.name`
    )
    .all() as ProductRow[]
  const categoryOf = new Map(rows.map((r) => [r.id, r.category]))
  const byProduct = learnBy(purchases, (id) => id)
  const byCategory = learnBy(purchases, (id) => categoryOf.get(id) ?? null)
  const out = new Map<number, UnitRule>()
  for (const r of rows) {
    const learned = byProduct.get(r.id) ?? null
    const unitWord = r.unit?.trim() || '件'
    const shipped = shippedDays(r.category)
    const table = r.productDays ?? r.categoryDays
    let days: number | null
    let source: UnitSource | null
    let evidence: UnitEvidence | null = null
    if (table !== null) {
      days = table
      source = r.productDays !== null ? 'product' : 'category'
      if (disagrees(table, learned)) evidence = offer(table, learned, unitWord)
    } else if (shipped !== null) {
      const enough = learned !== null && learned.days !== null && learned.repeatBuyers >= EVIDENCE_BUYERS
      days = enough ? learned.days : shipped
      source = enough ? 'learned' : 'default'
      if (enough) evidence = yielded(shipped, learned as Learned & { days: number }, unitWord)
    } else {
      days = learned?.days ?? null
      source = days !== null ? 'learned' : null
    }
    const catLearned = r.category !== null ? byCategory.get(r.category) : undefined
    const categoryEvidence = r.categoryDays !== null && disagrees(r.categoryDays, catLearned) ? offer(r.categoryDays, catLearned, unitWord) : null
    out.set(r.id, {
      productId: r.id,
      code: r.code,
      name: r.name,
      category: r.category,
      unitWord,
      productDays: r.productDays,
      categoryDays: r.categoryDays,
      shippedDays: shipped,
      learned,
      days: days === null ? null : round1(days),
      source,
      evidence,
      categoryEvidence
    })
  }
  return out
}

/**
 * Every product's rule as of a date, kept until the data changes: learning the days per unit
 * from every purchase of the shop took a tenth of each call list at 20,000 customers, and after a
 * call outcome (no write a kept read depends on) it learned the same figures again. Read only.
 */
export function unitRulesAsOf(db: Db, asOf: string): ReadonlyMap<number, UnitRule> {
  return keptUntilWrite(db, ['unitRules', asOf], () => resolveUnitRules(db, readProductPurchases(db, asOf)))
}

/** Every product with its set, category, shipped and learned days per unit, as of a date. */
export function listUnits(db: Db, asOf: string): UnitRow[] {
  const rules = unitRulesAsOf(db, asOf)
  return [...rules.values()].map((r) => ({
    productId: r.productId,
    code: r.code,
    name: r.name,
    category: r.category,
    productDays: r.productDays,
    categoryDays: r.categoryDays,
    shippedDays: r.shippedDays,
    learnedDays: r.learned?.days ?? null,
    learnedFrom: r.learned?.intervals ?? 0,
    repeatBuyers: r.learned?.repeatBuyers ?? 0,
    effectiveDays: r.days,
    source: r.source,
    evidence: r.evidence,
    categoryEvidence: r.categoryEvidence
  }))
}

/**
 * Take the offer: the learned figure goes into the table (the product's own, or the whole
 * category's), answering the figure it replaces so the page can put it back (undo).
 */
export function adoptLearned(db: Db, asOf: string, target: { productId: number } | { category: string }): { previous: number | null; daysPerUnit: number } {
  const rules = unitRulesAsOf(db, asOf)
  if ('productId' in target) {
    const r = rules.get(target.productId)
    if (!r) throw refuse('productNotFound', { id: target.productId })
    if (!r.evidence || r.evidence.kind !== 'offer') throw refuse('noLearnedProductDays', { product: r.name })
    db.prepare('UPDATE products SET days_per_unit = ? WHERE id = ?').run(r.evidence.learnedDays, r.productId)
    return { previous: r.productDays, daysPerUnit: r.evidence.learnedDays }
  }
  const r = [...rules.values()].find((x) => x.category === target.category && x.categoryEvidence !== null)
  if (!r || !r.categoryEvidence) throw refuse('noLearnedCategoryDays', { category: target.category })
  db.prepare('UPDATE categories SET days_per_unit = ? WHERE name = ?').run(r.categoryEvidence.learnedDays, target.category)
  return { previous: r.categoryDays, daysPerUnit: r.categoryEvidence.learnedDays }
}
