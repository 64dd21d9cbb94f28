import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { readSettings, updateSettings } from '../../services/settings/settings-service'

export function settingsHandlers(ctx: AppContext): HandlerGroup<'settings'> {
  return {
    'settings.get': () => readSettings(ctx.db),
    'settings.update': (patch) => updateSettings(ctx.db, patch)
  }
}
