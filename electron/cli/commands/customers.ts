/**
 * `customers`: the customer list, its export, and a PIPL erase, over the same channels as the
 * customers page. --json output: `customers` → {total, rows} (rows as customers.list answers),
 * `customers export FILE` → {rows, path}, `customers erase REF` → {id, erasedAt, matched},
 * `customers edit REF --patch JSON` → the customer file after the edit (customers.update).
 */
import { resolve } from 'node:path'
import type { Command } from '../command'
import type { ParsedArgs } from '../args'
import { formatFen } from '../../../shared/domain/money'
import { regionLabel } from '../../../shared/domain/region'
import { intFlag, stringFlag } from './flags'
import { refuse } from '../../../shared/errors/refuse'

type Env = Parameters<Command['run']>[1]

async function list(args: ParsedArgs, env: Env) {
  const data = await env.call('customers.list', {
    search: stringFlag(args, 'search') ?? '',
    limit: intFlag(args, 'limit') ?? 50,
    offset: intFlag(args, 'offset') ?? 0
  })
  return {
    data,
    human: () =>
      [
        `共 ${data.total} 位顾客 (showing ${data.rows.length})`,
        ...data.rows.map((r) =>
          [
            `#${r.id}`,
            r.name ?? '—',
            r.phone ?? '',
            r.memberCard ?? '',
            r.lifecycle ?? '',
            `${r.orders} 单`,
            formatFen(r.spendFen),
            r.lastPurchase?.slice(0, 10) ?? '',
            regionLabel(r.region.province, r.region.city)
          ].join('\t')
        )
      ].join('\n')
  }
}

async function exportFile(args: ParsedArgs, env: Env) {
  const file = args.command[1]
  if (!file) throw refuse('cliNeeds', { command: 'customers export', what: 'FILE (customers.xlsx)' })
  const path = resolve(file)
  const format = path.toLowerCase().endsWith('.xlsx') ? 'xlsx' : 'csv'
  const r = await env.call('customers.export', { format, path, search: stringFlag(args, 'search') ?? '', fullPhones: args.flags['full-phones'] === true })
  const data = { rows: r.rows, path: r.path }
  return { data, human: () => `已导出 ${r.rows} 位顾客到 ${r.path} (exported)` }
}

async function erase(args: ParsedArgs, env: Env) {
  const ref = args.command[1]
  if (!ref) throw refuse('customerRefNeeded')
  const found = await env.call('customers.findByRef', { ref })
  if (!found) throw refuse('customerRefNotFound', { ref })
  const r = await env.call('customers.erase', { id: found.id, confirm: true })
  const data = { ...r, matched: found.kind }
  return { data, human: () => `顾客 #${r.id} 的个人信息已永久删除，销售记录以匿名方式保留 (erased ${r.erasedAt})` }
}

/** One save of the edit form: the patch is JSON, checked by the contract like the form's (children included). */
async function edit(args: ParsedArgs, env: Env) {
  const ref = args.command[1]
  if (!ref) throw refuse('customerRefNeeded')
  const text = stringFlag(args, 'patch')
  if (!text) throw refuse('cliNeeds', { command: 'customers edit', what: '--patch JSON ({"pointsBalance":1500})' })
  let patch: unknown
  try {
    patch = JSON.parse(text)
  } catch (e) {
    throw refuse('cliFlagNotJson', { flag: 'patch', reason: (e as Error).message })
  }
  const found = await env.call('customers.findByRef', { ref })
  if (!found) throw refuse('customerRefNotFound', { ref })
  const data = await env.call('customers.update', { id: found.id, patch: patch as never })
  return { data, human: () => `顾客 #${found.id} 已修改 (saved)` }
}

export const customersCommand: Command = {
  name: 'customers',
  usage:
    'customers --db PATH [--search TEXT] [--limit N] [--offset N] [--json] | customers export FILE [--search TEXT] [--full-phones] | customers erase REF | customers edit REF --patch JSON',
  summary: '顾客档案 / list and search customers, export them to CSV or xlsx, erase one (PIPL)',
  options: { search: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' }, patch: { type: 'string' } },
  async run(args, env) {
    const sub = args.command[0]
    if (sub === undefined) return list(args, env)
    if (sub === 'export') return exportFile(args, env)
    if (sub === 'erase') return erase(args, env)
    if (sub === 'edit') return edit(args, env)
    throw refuse('cliUnknownSubcommand', { sub, choices: 'export, erase, edit' })
  }
}
