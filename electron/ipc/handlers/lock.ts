import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'

export function lockHandlers(ctx: AppContext): HandlerGroup<'lock'> {
  return {
    'lock.status': () => ctx.lock.status(),
    'lock.set': (input) => ctx.lock.set(input),
    'lock.clear': (input) => ctx.lock.clear(input),
    'lock.unlock': ({ passcode }) => ctx.lock.unlock(passcode),
    'lock.lock': () => ctx.lock.lock(),
    'lock.setIdle': ({ minutes }) => ctx.lock.setIdle(minutes)
  }
}
