import type { Command } from '../command'
import { stringFlag } from './flags'
import { refuse } from '../../../shared/errors/refuse'

export const recallCommand: Command = {
  name: 'recall',
  usage: 'recall --db PATH --product TEXT --from YYYY-MM-DD --to YYYY-MM-DD [--json]',
  summary: '商品召回 / every customer who bought a product (code or name fragment) in a window, phones in full',
  options: { product: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' } },
  async run(args, env) {
    const product = stringFlag(args, 'product')
    const from = stringFlag(args, 'from')
    const to = stringFlag(args, 'to')
    if (!product || !from || !to) throw refuse('cliNeeds', { command: 'recall', what: '--product, --from, --to' })
    const rows = await env.call('segments.recall', { product, from, to })
    const data = rows.map((r) => ({ customer: r.customer, phone: r.phone, quantity: r.quantity, lastBought: r.lastBought }))
    return {
      data,
      human: () =>
        [
          `${product} (${from} – ${to}): ${rows.length} 位顾客`,
          ...rows.map(
            (r) =>
              `  ${r.customer ?? '#' + r.customerId}  ${r.phone ?? '(无电话)'}  数量 ${r.quantity}  最后 ${r.lastBought}${r.consent.phone ? '' : '  (不接受电话)'}`
          )
        ].join('\n')
    }
  }
}
