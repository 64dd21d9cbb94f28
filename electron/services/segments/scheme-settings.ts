/** The settings the built-in schemes depend on, picked out of the shop's settings. */
import type { Settings } from '../../../shared/schemas/settings'
import type { LifecycleThresholds } from '../../../shared/domain/lifecycle'
import type { CoreCriteria } from '../../../shared/domain/ladder'
import type { TierRules } from '../../../shared/domain/tiers'

export interface SchemeSettings {
  lifecycle: LifecycleThresholds
  core: CoreCriteria
  tiers: TierRules
}

/** Only what changes memberships (so the snapshot cache key ignores locale and the like). */
export function schemeSettings(s: Pick<Settings, 'lifecycle' | 'core' | 'tiers'>): SchemeSettings {
  return { lifecycle: s.lifecycle, core: s.core, tiers: s.tiers }
}
