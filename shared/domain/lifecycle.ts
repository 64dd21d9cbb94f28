/**
 * Lifecycle by recency (DOMAIN.md): days since the last purchase decide the stage.
 * Thresholds are the last day that still belongs to a stage; they are settings.
 */
import { addDays } from './dates'

export const lifecycleStages = ['active', 'silent', 'sleeping', 'drifting', 'lost'] as const
export type LifecycleStage = (typeof lifecycleStages)[number]

export interface LifecycleThresholds {
  /** last day of each stage; 'lost' is everything after drifting */
  active: number
  silent: number
  sleeping: number
  drifting: number
}

export const defaultLifecycleThresholds: LifecycleThresholds = {
  active: 90,
  silent: 180,
  sleeping: 270,
  drifting: 359
}

/** The stage for a customer whose last purchase was `days` whole days before the as-of date. */
export function lifecycleStage(days: number, t: LifecycleThresholds = defaultLifecycleThresholds): LifecycleStage {
  if (days <= t.active) return 'active'
  if (days <= t.silent) return 'silent'
  if (days <= t.sleeping) return 'sleeping'
  if (days <= t.drifting) return 'drifting'
  return 'lost'
}

/**
 * The earliest last-purchase day of active, silent, sleeping and drifting as of a day, for
 * queries that compare dates instead of counting days: days since ≤ N ⟺ last day ≥ as-of − N.
 */
export function stageStartDays(asOf: string, t: LifecycleThresholds): [string, string, string, string] {
  return [addDays(asOf, -t.active), addDays(asOf, -t.silent), addDays(asOf, -t.sleeping), addDays(asOf, -t.drifting)]
}
