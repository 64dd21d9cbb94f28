import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { birthdayCounts, overview, summary } from '../../services/stats/stats-service'
import { readSettings } from '../../services/settings/settings-service'
import { schemeOverview } from '../../services/segments/schemes'
import type { StatsSummary } from '../../../shared/schemas/stats'

export function statsHandlers(ctx: AppContext): HandlerGroup<'stats'> {
  const thresholds = () => readSettings(ctx.db).lifecycle
  return {
    'stats.summary': ({ asOf }) => {
      const day = asOf ?? ctx.today()
      const ladder = schemeOverview(ctx.db, day, readSettings(ctx.db), false).ladder as StatsSummary['ladder']
      return { ...summary(ctx.db, day, thresholds()), ladder, ...birthdayCounts(ctx.db) }
    },
    'stats.overview': ({ asOf }) => overview(ctx.db, asOf ?? ctx.today(), thresholds())
  }
}
