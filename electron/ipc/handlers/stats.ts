import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { overview } from '../../services/stats/stats-service'
import { statsSummary } from '../../services/stats/stats-summary'
import { readSettings } from '../../services/settings/settings-service'

export function statsHandlers(ctx: AppContext): HandlerGroup<'stats'> {
  return {
    'stats.summary': ({ asOf }) => statsSummary(ctx.db, asOf ?? ctx.today(), readSettings(ctx.db)),
    'stats.overview': ({ asOf }) => overview(ctx.db, asOf ?? ctx.today(), readSettings(ctx.db).lifecycle)
  }
}
