import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { schemaVersion } from '../../db/migrate'

export function appHandlers(ctx: AppContext): HandlerGroup<'app'> {
  return {
    'app.info': () => ({ version: ctx.version, dbPath: ctx.dbPath, schemaVersion, today: ctx.today() })
  }
}
