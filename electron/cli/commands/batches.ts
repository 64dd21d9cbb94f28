import type { Command } from '../command'
import { formatFen } from '../../../shared/domain/money'

export const batchesCommand: Command = {
  name: 'batches',
  usage: 'batches --db PATH [--json]',
  summary: '导入批次 / import batches, newest first',
  options: {},
  async run(_args, env) {
    const all = await env.call('imports.batches', {})
    const data = all.map((b) => ({ id: b.id, file: b.file, importedAt: b.importedAt, rowsImported: b.rowsImported, undone: b.undone }))
    return {
      data,
      human: () =>
        all.length === 0
          ? '还没有导入批次 (no batches yet)'
          : all.map((b) => `#${b.id} ${b.importedAt} ${b.file}: ${b.rowsImported} 行, ${formatFen(b.totalFen)}${b.undone ? ' (已撤销 undone)' : ''}`).join('\n')
    }
  }
}
