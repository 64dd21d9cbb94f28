import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { callList } from '../../services/reminders/call-list'
import { recordOutcome, undoOptOut, undoOutcome } from '../../services/reminders/record-outcome'
import { setCategoryDays, setProductDays } from '../../services/reminders/days-per-unit'
import { adoptLearned, listUnits } from '../../services/reminders/unit-rules'
import { readCareSettings, updateCareSettings } from '../../services/reminders/care-settings'
import { readSettings } from '../../services/settings/settings-service'

export function remindersHandlers(ctx: AppContext): HandlerGroup<'reminders'> {
  return {
    'reminders.calls': ({ date, all, missed }) => callList(ctx.db, date ?? ctx.today(), { all, missed }),
    'reminders.record': (input) => recordOutcome(ctx.db, { ...input, at: ctx.now(), staff: readSettings(ctx.db).staffName || null }),
    'reminders.undoOptOut': ({ contactId }) => undoOptOut(ctx.db, contactId, { at: ctx.now(), staff: readSettings(ctx.db).staffName || null }),
    'reminders.undoOutcome': ({ contactId }) => undoOutcome(ctx.db, contactId),
    'reminders.units': ({ asOf }) => listUnits(ctx.db, asOf ?? ctx.today()),
    'reminders.setProductDays': ({ productId, daysPerUnit }) => {
      setProductDays(ctx.db, productId, daysPerUnit)
      return { ok: true as const }
    },
    'reminders.setCategoryDays': ({ category, daysPerUnit }) => {
      setCategoryDays(ctx.db, category, daysPerUnit)
      return { ok: true as const }
    },
    'reminders.adoptLearned': (target) => adoptLearned(ctx.db, ctx.today(), target),
    'reminders.settings': () => readCareSettings(ctx.db),
    'reminders.updateSettings': (patch) => updateCareSettings(ctx.db, patch)
  }
}
