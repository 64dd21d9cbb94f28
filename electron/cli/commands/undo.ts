import type { Command } from '../command'
import { refuse } from '../../../shared/errors/refuse'

export const undoCommand: Command = {
  name: 'undo',
  usage: 'undo BATCH_ID --db PATH [--json]',
  summary: '撤销一个导入批次 / undo an import batch as a whole',
  options: {},
  async run(args, env) {
    const batchId = Number(args.command[0])
    if (!Number.isInteger(batchId) || batchId < 1) throw refuse('cliBatchIdNeeded', { value: String(args.command[0]) })
    const data = await env.call('imports.undo', { batchId })
    return {
      data,
      human: () =>
        `批次 #${data.batchId} 已撤销: 删除 ${data.linesRemoved} 行明细, ${data.ordersRemoved} 笔订单, ${data.customersRemoved} 位客户, ${data.productsRemoved} 个商品` +
        (data.customersKept ? `; ${data.customersKept} 位客户因有后续数据而保留` : '')
    }
  }
}
