/**
 * Which date a replenishment goes by: the customer's own expected next purchase (their visit
 * rhythm, BG/CNBD-k) or the product's days per unit (the rule). The rhythm dates the customer's
 * next visit, which is this product's refill only if the product runs out on that rhythm: a can
 * that lasts 61 days, bought by a customer who comes every 17 days for other things, is not due
 * on their next visit. So the model's date is used only when both hold:
 * - it is more certain: its 80% interval is narrower than the rule's spread (the 10th–90th
 *   percentile of the shop's repurchase intervals per unit) × the units bought;
 * - it agrees with the product: the wait falls inside that spread × units, or this customer's own
 *   repurchases of the product came at about that interval (their mean days per unit × the units
 *   bought inside the model's 80% interval; a big family or a reseller uses a can faster).
 * Otherwise the rule dates it, and `outside` lets the reminder say why the rhythm was not used.
 */
import { dayNumber } from '../../../shared/domain/dates'
import type { ProductPurchases } from './product-purchases'
import type { OwnNext } from './customer-rhythm'

export type RhythmVerdict =
  /** the model's date: inside the product's spread, or agreeing with the customer's own repurchases */
  | { use: true; why: 'spread' | 'own'; date: string }
  /** the rule: no rhythm for this customer, the product is not from their last visit, nothing learned, or the model is less certain */
  | { use: false; why: 'none' | 'less-certain' }
  /** the rule: the rhythm is more certain but dates the visit, not the product (e.g. 17 days for a 61-day can) */
  | { use: false; why: 'outside'; waitDays: number; low: number; high: number }

/** The product's repurchase spread per unit, learned from the shop's repeat purchases. */
export interface Spread {
  low: number
  high: number
}

/** This customer's mean days per unit between their own purchases of the product; null before a second purchase. */
export function ownDaysPerUnit(p: ProductPurchases): number | null {
  let sum = 0
  let n = 0
  for (let i = 0; i + 1 < p.days.length; i++) {
    const gap = p.days[i + 1] - p.days[i]
    if (gap > 0 && p.quantities[i] > 0) {
      sum += gap / p.quantities[i]
      n++
    }
  }
  return n > 0 ? sum / n : null
}

export function rhythmOrRule(next: OwnNext | null, p: ProductPurchases, quantity: number, spread: Spread | null | undefined): RhythmVerdict {
  // the model dates the customer's next visit from their last one: only what they bought then
  if (!next || next.lastDay !== p.lastDay || !spread) return { use: false, why: 'none' }
  if (next.widthDays >= quantity * (spread.high - spread.low)) return { use: false, why: 'less-certain' }
  const last = dayNumber(p.lastDay)
  const wait = dayNumber(next.date) - last
  const low = quantity * spread.low
  const high = quantity * spread.high
  if (wait >= low && wait <= high) return { use: true, why: 'spread', date: next.date }
  const own = ownDaysPerUnit(p)
  if (own !== null) {
    const ownDays = own * quantity
    if (ownDays >= dayNumber(next.from) - last && ownDays <= dayNumber(next.to) - last) return { use: true, why: 'own', date: next.date }
  }
  return { use: false, why: 'outside', waitDays: wait, low, high }
}
