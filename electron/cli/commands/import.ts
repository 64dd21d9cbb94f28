import { resolve } from 'node:path'
import type { Command } from '../command'
import { formatFen } from '../../../shared/domain/money'
import type { ImportOptions, ImportResult } from '../../../shared/schemas/imports'
import { DomainError } from '../../../shared/result'
import { intFlag, stringFlag } from './flags'

/** The stable keys of `import --json`, one object per file (README documents them). */
function stable(file: string, r: ImportResult) {
  return {
    file,
    batchId: r.batchId,
    encoding: r.encoding,
    delimiter: r.delimiter,
    headerRow: r.headerRow,
    mapping: r.mapping,
    rowsRead: r.rowsRead,
    rowsImported: r.rowsImported,
    rowsRejected: r.rowsRejected,
    walkIn: r.walkIn,
    excludedByStatus: r.excludedByStatus,
    duplicates: r.duplicates,
    customersCreated: r.customersCreated,
    customersMatched: r.customersMatched,
    totalFen: r.totalFen,
    errors: r.errors
  }
}

const DELIMITERS: Record<string, ImportOptions['delimiter']> = { ',': ',', comma: ',', tab: '\t', '\\t': '\t', ';': ';', semicolon: ';', '|': '|', pipe: '|' }

export const importCommand: Command = {
  name: 'import',
  usage: 'import FILE... --db PATH [--encoding utf-8|gb18030|utf-16le|utf-16be] [--delimiter comma|tab|semicolon|pipe] [--header-row N] [--json]',
  summary: '导入 POS 导出文件 / import POS exports (CSV, TSV, xlsx), one batch per file',
  options: { encoding: { type: 'string' }, delimiter: { type: 'string' }, 'header-row': { type: 'string' } },
  async run(args, env) {
    if (args.command.length === 0) throw new DomainError('BAD_INPUT', '请给出要导入的文件 (name at least one FILE)')
    const options: ImportOptions = {}
    const encoding = stringFlag(args, 'encoding')
    if (encoding) options.encoding = encoding.toLowerCase() as ImportOptions['encoding']
    const delimiter = stringFlag(args, 'delimiter')
    if (delimiter) {
      options.delimiter = DELIMITERS[delimiter.toLowerCase()]
      if (!options.delimiter) throw new DomainError('BAD_INPUT', `--delimiter: comma, tab, semicolon or pipe (got ${delimiter})`)
    }
    const headerRow = intFlag(args, 'header-row')
    if (headerRow !== undefined) options.headerRow = headerRow
    const results: ReturnType<typeof stable>[] = []
    for (const file of args.command) {
      env.progress(`导入 ${file} …`)
      const r = await env.call('imports.commit', { file: { path: resolve(file) }, options })
      results.push(stable(file, r))
    }
    return {
      data: results,
      human: () =>
        results
          .map(
            (r) =>
              `${r.file}: 批次 #${r.batchId} · 读取 ${r.rowsRead} 行 · 导入 ${r.rowsImported} · 散客 ${r.walkIn} · 状态排除 ${r.excludedByStatus} · 重复 ${r.duplicates} · 拒收 ${r.rowsRejected} · 新客户 ${r.customersCreated} · 老客户 ${r.customersMatched} · 金额 ${formatFen(r.totalFen)}` +
              r.errors
                .slice(0, 10)
                .map((e) => `\n    第 ${e.row} 行 [${e.column}] “${e.value}”: ${e.reason}`)
                .join('')
          )
          .join('\n')
    }
  }
}
