/**
 * Replenishment reminders: the customer's last purchase of a product plus quantity × days
 * per unit is the run-out date; the reminder falls due `leadDays` before it and stays on the
 * list until `graceDays` after it (a later purchase starts a new cycle).
 */
import { addDays, dayNumber } from '../../../shared/domain/dates'
import type { ProductPurchases } from './product-purchases'

/** Run-out date: last purchase + quantity × days per unit (rounded to whole days). */
export function runOutDate(lastDay: string, quantity: number, daysPerUnit: number): string {
  return addDays(lastDay, Math.round(quantity * daysPerUnit))
}

/** The day the reminder call falls due. */
export function reminderDate(runOut: string, leadDays: number): string {
  return addDays(runOut, -leadDays)
}

export interface DueReplenishment {
  customerId: number
  productId: number
  lastDay: string
  quantity: number
  daysPerUnit: number
  learned: boolean
  runOut: string
  due: string
  /** 'rule': last purchase + quantity × days per unit; 'model': the customer's own expected next purchase */
  basis: 'model' | 'rule'
}

/** A customer's own expected run-out date where it is to be used instead of the rule's, else null. */
export type OwnRunOut = (p: ProductPurchases, quantity: number, ruleRunOut: string) => string | null

/**
 * Reminders due on `date`: due ≤ date ≤ run-out + grace (+ `lookbackDays`, to find the ones
 * missed lately), for products with a days-per-unit figure.
 */
export function dueReplenishments(
  purchases: readonly ProductPurchases[],
  daysFor: (productId: number) => { days: number; learned: boolean } | null,
  date: string,
  leadDays: number,
  graceDays: number,
  lookbackDays = 0,
  own: OwnRunOut = () => null
): DueReplenishment[] {
  const today = dayNumber(date)
  const out: DueReplenishment[] = []
  for (const p of purchases) {
    const rule = daysFor(p.productId)
    if (!rule) continue
    const quantity = p.quantities[p.quantities.length - 1]
    const byRule = runOutDate(p.lastDay, quantity, rule.days)
    const byModel = own(p, quantity, byRule)
    const runOut = byModel ?? byRule
    const due = reminderDate(runOut, leadDays)
    if (dayNumber(due) <= today && today <= dayNumber(runOut) + graceDays + lookbackDays) {
      out.push({
        customerId: p.customerId,
        productId: p.productId,
        lastDay: p.lastDay,
        quantity,
        daysPerUnit: rule.days,
        learned: rule.learned,
        runOut,
        due,
        basis: byModel === null ? 'rule' : 'model'
      })
    }
  }
  return out
}
