import { mkdirSync } from 'node:fs'
import type { Command } from '../command'
import { formatFen } from '../../../shared/domain/money'
import { DomainError } from '../../../shared/result'
import { buildDemoFiles, writeDemoFiles } from '../../services/demo/demo-files'
import { intFlag, positional } from './flags'

const USAGE =
  'demo --db PATH --customers N [--seed S] [--as-of YYYY-MM-DD] [--json] | demo remove --db PATH [--json] | demo files DIR [--customers N] [--seed S]'

export const demoCommand: Command = {
  name: 'demo',
  usage: USAGE,
  summary: '载入 / 移除示例母婴店，或写出它的导出文件 / load or remove the demo mother-and-baby shop, or write its export files',
  options: { customers: { type: 'string' }, seed: { type: 'string' } },
  async run(args, env) {
    const sub = args.command[0]
    if (sub === 'remove') {
      const data = await env.call('demo.remove', {})
      return { data, human: () => `示例店已移除: 撤销批次 ${data.batchesUndone.join(', ')}; 剩余 ${data.customers} 位顾客, ${data.orders} 笔订单` }
    }
    if (sub === 'files') {
      // the same files the demo imports, to try the import page with
      const folder = positional(args, 1, USAGE)
      mkdirSync(folder, { recursive: true })
      const demo = await buildDemoFiles(intFlag(args, 'customers') ?? 800, intFlag(args, 'seed') ?? 7, env.ctx.today())
      const files = writeDemoFiles(folder, demo.files)
      return { data: { files }, human: () => files.join('\n') }
    }
    if (sub !== undefined) throw new DomainError('BAD_INPUT', `unknown demo subcommand: ${sub} — usage: ${USAGE}`)
    const data = await env.call('demo.load', {
      customers: intFlag(args, 'customers') ?? 800,
      seed: intFlag(args, 'seed') ?? 7,
      asOf: env.ctx.today()
    })
    return {
      data,
      human: () =>
        `示例店已载入: ${data.customers} 位顾客, ${data.orders} 笔订单, ${data.lines} 行, 销售额 ${formatFen(data.revenueFen)} (${data.from} – ${data.to}); 导入批次 ${data.batches.join(', ')}`
    }
  }
}
