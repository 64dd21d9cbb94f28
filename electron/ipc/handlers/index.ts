/**
 * Every contract channel mapped to its service call. Handlers are thin: they receive input
 * already parsed by the dispatcher and return plain data from the services.
 */
import type { Channel, ChannelOutput, ParsedInput } from '../../../shared/ipc-contract'
import type { AppContext } from '../../services/app/app-context'
import { appHandlers } from './app'
import { importsHandlers } from './imports'
import { settingsHandlers } from './settings'
import { statsHandlers } from './stats'
import { demoHandlers } from './demo'
import { printingHandlers } from './printing'
import { backupsHandlers } from './backups'
import { predictionsHandlers } from './predictions'
import { remindersHandlers } from './reminders'
import { campaignsHandlers } from './campaigns'
import { customersHandlers } from './customers'
import { segmentsHandlers } from './segments'
import { lockHandlers } from './lock'
import { jobsHandlers } from './jobs'
import { withAuditTrail } from '../audit-trail'

export type Handler<C extends Channel> = (input: ParsedInput<C>) => ChannelOutput<C> | Promise<ChannelOutput<C>>
export type Handlers = { [C in Channel]: Handler<C> }
export type HandlerGroup<P extends string> = { [C in Channel as C extends `${P}.${string}` ? C : never]: Handler<C> }

/** Every handler, those of channels that change something wrapped to leave their audit line. */
export function buildHandlers(ctx: AppContext): Handlers {
  return withAuditTrail(
    {
      ...appHandlers(ctx),
      ...importsHandlers(ctx),
      ...settingsHandlers(ctx),
      ...statsHandlers(ctx),
      ...demoHandlers(ctx),
      ...printingHandlers(ctx),
      ...backupsHandlers(ctx),
      ...predictionsHandlers(ctx),
      ...remindersHandlers(ctx),
      ...campaignsHandlers(ctx),
      ...customersHandlers(ctx),
      ...segmentsHandlers(ctx),
      ...lockHandlers(ctx),
      ...jobsHandlers(ctx)
    },
    ctx
  )
}
