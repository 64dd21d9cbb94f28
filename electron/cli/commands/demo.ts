import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Command } from '../command'
import { formatFen } from '../../../shared/domain/money'
import { intFlag, positional, stringFlag } from './flags'
import { refuse } from '../../../shared/errors/refuse'

const USAGE =
  'demo --db PATH --customers N [--seed S] [--as-of YYYY-MM-DD] [--json] | demo remove --db PATH [--json] | demo files --out DIR [--customers N] [--seed S]'

export const demoCommand: Command = {
  name: 'demo',
  usage: USAGE,
  summary: '载入 / 移除示例母婴店，或写出它的导出文件 / load or remove the demo mother-and-baby shop, or write its export files',
  options: { customers: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' } },
  async run(args, env) {
    const sub = args.command[0]
    if (sub === 'remove') {
      const data = await env.call('demo.remove', {})
      return { data, human: () => `示例店已移除: 撤销批次 ${data.batchesUndone.join(', ')}; 剩余 ${data.customers} 位顾客, ${data.orders} 笔订单` }
    }
    if (sub === 'files') {
      // the same files the demo imports, to try the import page with (「保存示例文件」 on the page); DIR as a positional still works
      const folder = stringFlag(args, 'out') ?? positional(args, 1, USAGE)
      const demo = await env.call('demo.files', { customers: intFlag(args, 'customers') ?? 200, seed: intFlag(args, 'seed') ?? 7 })
      mkdirSync(folder, { recursive: true })
      const files = demo.files.map((f) => {
        const path = join(folder, f.name)
        writeFileSync(path, Buffer.from(f.dataBase64, 'base64'))
        return path
      })
      return { data: { files }, human: () => files.join('\n') }
    }
    if (sub !== undefined) throw refuse('cliUnknownSubcommand', { sub, choices: USAGE })
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
