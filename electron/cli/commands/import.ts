import { resolve } from 'node:path'
import type { CliEnv, Command } from '../command'
import { formatFen } from '../../../shared/domain/money'
import { ImportKind, type ImportOptions, type ImportResult } from '../../../shared/schemas/imports'
import { DomainError, errorCodes, type ErrorCode } from '../../../shared/result'
import { intFlag, stringFlag } from './flags'
import { refuse } from '../../../shared/errors/refuse'

/**
 * Import one file the way the app does: as a job in the import worker, with its heap limit, so a
 * million-line file stays within the worker's memory from the command line too. Progress goes to
 * stderr about once a second. (Under vitest, where no built worker exists, the job runs in-process.)
 */
async function importAsJob(env: CliEnv, path: string, options: ImportOptions): Promise<ImportResult> {
  const { jobId } = await env.call('imports.start', { file: { path }, options })
  let told = 0
  for (;;) {
    const p = await env.call('imports.progress', { jobId })
    if (p.state === 'done' && p.result) return p.result
    if (p.state !== 'running') {
      const code = (errorCodes as readonly string[]).includes(p.error?.code ?? '') ? (p.error!.code as ErrorCode) : 'INTERNAL'
      if (!p.error) throw refuse('importUnfinished', { state: p.state })
      // the job's refusal as the worker gave it, key and parameters kept for the reader's language
      throw new DomainError(code, p.error.message, p.error.key === undefined ? undefined : { key: p.error.key, params: p.error.params ?? {} })
    }
    if (p.rowsTotal > 0 && Date.now() - told >= 1000) {
      told = Date.now()
      env.progress(`  ${p.phase} ${p.rowsDone.toLocaleString('en-US')} / ${p.rowsTotal.toLocaleString('en-US')}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** The stable keys of `import --json`, one object per file (README documents them). */
function stable(file: string, r: ImportResult) {
  return {
    file,
    batchId: r.batchId,
    kind: r.kind,
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
    customersUpdated: r.customersUpdated,
    fieldConflicts: r.fieldConflicts,
    birthdays: r.birthdays,
    children: r.children,
    referrersLinked: r.referrersLinked,
    referrersPending: r.referrersPending,
    productsCreated: r.productsCreated,
    productsUpdated: r.productsUpdated,
    linesCategorised: r.linesCategorised,
    errors: r.errors
  }
}

const DELIMITERS: Record<string, ImportOptions['delimiter']> = { ',': ',', comma: ',', tab: '\t', '\\t': '\t', ';': ';', semicolon: ';', '|': '|', pipe: '|' }

export const importCommand: Command = {
  name: 'import',
  usage:
    'import FILE... --db PATH [--encoding utf-8|gb18030|utf-16le|utf-16be] [--delimiter comma|tab|semicolon|pipe] [--header-row N] [--kind sales|members|products] [--json]',
  summary: '导入 POS 导出文件 / import POS exports (CSV, TSV, xlsx, xls, et, ods), one batch per file',
  options: { encoding: { type: 'string' }, delimiter: { type: 'string' }, 'header-row': { type: 'string' }, kind: { type: 'string' } },
  async run(args, env) {
    if (args.command.length === 0) throw refuse('cliFilesNeeded')
    const options: ImportOptions = {}
    const encoding = stringFlag(args, 'encoding')
    if (encoding) options.encoding = encoding.toLowerCase() as ImportOptions['encoding']
    const delimiter = stringFlag(args, 'delimiter')
    if (delimiter) {
      options.delimiter = DELIMITERS[delimiter.toLowerCase()]
      if (!options.delimiter) throw refuse('cliFlagChoice', { flag: 'delimiter', choices: 'comma, tab, semicolon, pipe', value: delimiter })
    }
    const headerRow = intFlag(args, 'header-row')
    if (headerRow !== undefined) options.headerRow = headerRow
    const kind = stringFlag(args, 'kind')
    if (kind) {
      const parsed = ImportKind.safeParse(kind.toLowerCase())
      if (!parsed.success) throw refuse('cliFlagChoice', { flag: 'kind', choices: 'sales, members, products', value: kind })
      options.kind = parsed.data
    }
    const results: ReturnType<typeof stable>[] = []
    for (const file of args.command) {
      env.progress(`导入 ${file} …`)
      const r = await importAsJob(env, resolve(file), options)
      results.push(stable(file, r))
    }
    return {
      data: results,
      human: () =>
        results
          .map((r) =>
            r.kind !== 'sales'
              ? `${r.file}: 批次 #${r.batchId} · ${r.kind === 'members' ? '会员资料' : '商品资料'} · 读取 ${r.rowsRead} 行 · 导入 ${r.rowsImported} · 拒收 ${r.rowsRejected} · ` +
                (r.kind === 'members'
                  ? `新客户 ${r.customersCreated} · 更新 ${r.customersUpdated} · 冲突 ${r.fieldConflicts} · 生日 ${r.birthdays.solar + r.birthdays.lunar}（农历 ${r.birthdays.lunar}）· 宝宝 ${r.children} · 推荐人 已关联 ${r.referrersLinked} / 待关联 ${r.referrersPending}`
                  : `新商品 ${r.productsCreated} · 更新 ${r.productsUpdated} · 归类的销售行 ${r.linesCategorised}`) +
                r.errors
                  .slice(0, 10)
                  .map((e) => `\n    第 ${e.row} 行 [${e.column}] “${e.value}”: ${e.reason}`)
                  .join('')
              : `${r.file}: 批次 #${r.batchId} · 读取 ${r.rowsRead} 行 · 导入 ${r.rowsImported} · 散客 ${r.walkIn} · 状态排除 ${r.excludedByStatus} · 重复 ${r.duplicates} · 拒收 ${r.rowsRejected} · 新客户 ${r.customersCreated} · 老客户 ${r.customersMatched} · 金额 ${formatFen(r.totalFen)}` +
                r.errors
                  .slice(0, 10)
                  .map((e) => `\n    第 ${e.row} 行 [${e.column}] “${e.value}”: ${e.reason}`)
                  .join('')
          )
          .join('\n')
    }
  }
}
