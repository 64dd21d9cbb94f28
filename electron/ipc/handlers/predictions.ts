import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { checkFitDates, defaultCalibrationEnd, fitClv, scoreCustomer } from '../../services/predictions/clv-service'
import { topCustomers, type TopOptions } from '../../services/predictions/top-customers'
import { findCustomerByRef } from '../../services/customers/find-by-ref'
import { readSettings } from '../../services/settings/settings-service'
import { jobsOf } from '../../services/jobs/context-jobs'
import { startFitJob } from '../../services/jobs/fit-job'
import { startTopJob } from '../../services/jobs/top-job'
import type { FitOptions } from '../../services/predictions/clv-service'
import type { ParsedInput } from '../../../shared/ipc-contract'
import { refuse } from '../../../shared/errors/refuse'

/** The fit's options from the call, the shop's today and its settings: the same for the call and the job. */
function fitOptions(ctx: AppContext, { calibrationEnd, holdoutEnd, unit, paretoNbd, model }: ParsedInput<'predictions.fit'>): FitOptions {
  // with no dates the UI asks for the standard backtest: the last 26 weeks held out
  const hold = holdoutEnd ?? (calibrationEnd ? undefined : ctx.today())
  const cal = calibrationEnd ?? defaultCalibrationEnd(hold ?? ctx.today())
  // a model named in the call wins over the shop's setting; 'auto' lets the backtest choose
  const wanted = model ?? readSettings(ctx.db).predictionModel
  return { calibrationEnd: cal, holdoutEnd: hold, unit, paretoNbd, model: wanted === 'auto' ? undefined : wanted }
}

/** The top list's options from the call, the shop's today and its model setting: the same for the call and the job. */
function topOptions(ctx: AppContext, { asOf, horizonDays, limit, model }: ParsedInput<'predictions.top'>): TopOptions {
  const wanted = model ?? readSettings(ctx.db).predictionModel
  return { asOf: asOf ?? ctx.today(), horizonDays, limit, model: wanted === 'auto' ? undefined : wanted }
}

export function predictionsHandlers(ctx: AppContext): HandlerGroup<'predictions'> {
  return {
    'predictions.fit': (input) => fitClv(ctx.db, fitOptions(ctx, input)),
    'predictions.fitStart': (input) => {
      const options = fitOptions(ctx, input)
      checkFitDates(options)
      return startFitJob(jobsOf(ctx), { db: ctx.db, dbPath: ctx.dbPath }, options)
    },
    'predictions.customer': ({ ref, customerId, asOf, horizon, unit }) => {
      let id = customerId
      if (id === undefined) {
        const match = findCustomerByRef(ctx.db, ref ?? '')
        if (!match) throw refuse('customerRefNotFound', { ref: ref ?? '' })
        id = match.customerId
      }
      return scoreCustomer(ctx.db, id, asOf ?? ctx.today(), horizon, unit)
    },
    'predictions.top': (input) => topCustomers(ctx.db, topOptions(ctx, input)),
    'predictions.topStart': (input) => startTopJob(jobsOf(ctx), { db: ctx.db, dbPath: ctx.dbPath }, topOptions(ctx, input))
  }
}
