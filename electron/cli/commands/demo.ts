import type { Command } from '../command'
import { formatFen } from '../../../shared/domain/money'
import { intFlag } from './flags'

export const demoCommand: Command = {
  name: 'demo',
  usage: 'demo --db PATH --customers N [--seed S] [--as-of YYYY-MM-DD] [--json]',
  summary: '载入示例母婴店 / fill an empty database with the demo mother-and-baby shop',
  options: { customers: { type: 'string' }, seed: { type: 'string' } },
  async run(args, env) {
    const data = await env.call('demo.load', {
      customers: intFlag(args, 'customers') ?? 800,
      seed: intFlag(args, 'seed') ?? 7,
      asOf: env.ctx.today()
    })
    return {
      data,
      human: () =>
        `示例店已载入: ${data.customers} 位顾客, ${data.orders} 笔订单, ${data.lines} 行, 销售额 ${formatFen(data.revenueFen)} (${data.from} – ${data.to})`
    }
  }
}
