import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { loadDemoShop } from '../../services/demo/demo-shop'

export function demoHandlers(ctx: AppContext): HandlerGroup<'demo'> {
  return {
    'demo.load': (input) => loadDemoShop(ctx.db, { ...input, asOf: input.asOf ?? ctx.today() })
  }
}
