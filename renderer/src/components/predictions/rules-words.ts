/**
 * What the rules card says when the models cannot be fitted, kept out of the .vue file so it can be
 * tested. The counts are as of the calibration end, not today: a new shop whose records start after
 * the default end (26 weeks back) has no customer there at all, and "0 repeat buyers" next to a top
 * list of people who came three times would read as a fault; it is told to move the date instead.
 */
import type { ClvFit } from '@shared/schemas/predictions'

export type RulesLead =
  | { key: 'predictions.rulesLeadEmpty'; params: { date: string; min: number } }
  | { key: 'predictions.rulesLead'; params: { date: string; customers: number; repeat: number; min: number; short: number } }

export function rulesLead(fit: Pick<ClvFit, 'calibrationEnd' | 'customers' | 'repeatBuyers' | 'minRepeatBuyers'>): RulesLead {
  const date = fit.calibrationEnd
  const min = fit.minRepeatBuyers
  if (fit.customers === 0) return { key: 'predictions.rulesLeadEmpty', params: { date, min } }
  return {
    key: 'predictions.rulesLead',
    params: { date, customers: fit.customers, repeat: fit.repeatBuyers, min, short: Math.max(0, min - fit.repeatBuyers) }
  }
}
