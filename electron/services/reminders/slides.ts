/** Customers a few days away from sliding to the next lifecycle stage (wake them before they slide). */
import { lifecycleStage, type LifecycleStage, type LifecycleThresholds } from '../../../shared/domain/lifecycle'

export interface Slide {
  /** the stage they are in now */
  from: LifecycleStage
  /** the stage they enter when the threshold passes */
  to: LifecycleStage
  /** days from today until they slide (1 = tomorrow) */
  inDays: number
}

/** The slide coming within `window` days for a customer idle `since` days, or null. */
export function upcomingSlide(since: number, t: LifecycleThresholds, window: number): Slide | null {
  for (const last of [t.active, t.silent, t.sleeping, t.drifting]) {
    const inDays = last + 1 - since
    if (inDays >= 1 && inDays <= window) return { from: lifecycleStage(since, t), to: lifecycleStage(last + 1, t), inDays }
  }
  return null
}
