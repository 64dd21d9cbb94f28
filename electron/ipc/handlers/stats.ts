import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { overview, summary } from '../../services/stats/stats-service'
import { readSettings } from '../../services/settings/settings-service'

export function statsHandlers(ctx: AppContext): HandlerGroup<'stats'> {
  const thresholds = () => readSettings(ctx.db).lifecycle
  return {
    'stats.summary': ({ asOf }) => summary(ctx.db, asOf ?? ctx.today(), thresholds()),
    'stats.overview': ({ asOf }) => overview(ctx.db, asOf ?? ctx.today(), thresholds())
  }
}
