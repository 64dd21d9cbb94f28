/**
 * The headline card (`stats.summary`): the figures as of a date, the stage ladder from the
 * shop's segment scheme, and how many customers have a birthday on file. Its own file because
 * the ladder comes from segments, which itself reads stats-service.
 */
import type { Db } from '../../db/driver'
import type { Settings } from '../../../shared/schemas/settings'
import type { StatsSummary } from '../../../shared/schemas/stats'
import { schemeOverview } from '../segments/schemes'
import { birthdayCounts, summary } from './stats-service'

export function statsSummary(db: Db, asOf: string, settings: Settings): StatsSummary {
  // the custom segments' counts are not on the card: leave them uncounted
  const ladder = schemeOverview(db, asOf, settings, false).ladder as StatsSummary['ladder']
  return { ...summary(db, asOf, settings.lifecycle), ladder, ...birthdayCounts(db) }
}
