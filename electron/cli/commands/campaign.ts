/**
 * `campaign plan|results|mail|export`: gift mailings from the command line, over the same
 * channels as the wizard. Output shapes for --json are documented in the usage and stable.
 */
import type { Command } from '../command'
import type { ParsedArgs } from '../args'
import { formatFen } from '../../../shared/domain/money'
import { intFlag, stringFlag } from './flags'
import { refuse } from '../../../shared/errors/refuse'

/** SKU:COST_FEN[:STOCK] → a plan gift. */
export function parseGiftFlag(raw: string): { sku: string; costFen: number; stock?: number } {
  const parts = raw.split(':')
  const [sku, cost, stock] = parts
  const bad = () => refuse('cliGiftFlag', { value: raw })
  if (parts.length < 2 || parts.length > 3 || !sku || !/^\d+$/.test(cost ?? '')) throw bad()
  if (stock !== undefined && !/^\d+$/.test(stock)) throw bad()
  return { sku, costFen: Number(cost), ...(stock !== undefined ? { stock: Number(stock) } : {}) }
}

function numberFlag(args: ParsedArgs, name: string): number | undefined {
  const raw = stringFlag(args, name)
  if (raw === undefined) return undefined
  const n = Number(raw)
  if (!Number.isFinite(n)) throw refuse('cliFlagNeedsNumber', { flag: name, value: raw })
  return n
}

function idArg(args: ParsedArgs): number {
  const raw = args.command[1]
  if (!raw || !/^\d+$/.test(raw)) throw refuse('cliCampaignIdNeeded')
  return Number(raw)
}

async function plan(args: ParsedArgs, env: Parameters<Command['run']>[1]) {
  const segment = stringFlag(args, 'segment')
  const suggestion = stringFlag(args, 'suggestion')
  if ((segment === undefined) === (suggestion === undefined)) throw refuse('cliCampaignTarget', { choices: 'sleeping, loyal, birthdays' })
  const budgetFen = intFlag(args, 'budget-fen')
  if (budgetFen === undefined) throw refuse('cliNeeds', { command: 'campaign plan', what: '--budget-fen FEN' })
  const gifts = ((args.flags.gift as string[] | undefined) ?? []).map(parseGiftFlag)
  const within = intFlag(args, 'gifted-within-days')
  const r = await env.call('campaigns.plan', {
    name: stringFlag(args, 'name') ?? `礼品寄送 ${env.ctx.today()}`,
    target: segment !== undefined ? { segment } : { suggestion: suggestion as 'sleeping' },
    budgetFen,
    perCustomerFen: intFlag(args, 'per-customer-fen'),
    postageFen: intFlag(args, 'postage-fen') ?? 0,
    gifts,
    giftRule: stringFlag(args, 'fixed-sku') ? 'fixed' : 'matched',
    fixedSku: stringFlag(args, 'fixed-sku'),
    exclusions: within !== undefined ? { giftedWithinDays: within } : {},
    holdout: numberFlag(args, 'holdout') ?? 0.1,
    seed: stringFlag(args, 'seed') ?? '1',
    asOf: env.ctx.today(),
    dryRun: args.flags['dry-run'] === true
  })
  for (const w of r.warnings) env.progress(`注意: ${w.message}`)
  const data = {
    campaignId: r.campaignId,
    mailed: r.treated.map((m) => ({ ref: m.ref, name: m.name, giftSku: m.giftSku, costFen: m.costFen })),
    control: r.control.map((m) => ({ ref: m.ref, name: m.name })),
    costFen: r.costFen,
    excluded: r.excluded
  }
  const excluded =
    Object.entries(r.excluded)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ') || '无'
  return {
    data,
    human: () =>
      [
        `${r.campaignId === null ? '试算（未保存）' : `活动 #${r.campaignId}`}: 寄 ${r.treated.length} 人, 对照 ${r.control.length} 人, 花费 ${formatFen(r.costFen)} / 预算 ${formatFen(r.budgetFen)}`,
        `候选 ${r.candidates}, 排除 ${excluded}`,
        ...r.pickList.map((p) => `  ${p.sku} ${p.name} × ${p.count}`)
      ].join('\n')
  }
}

async function results(args: ParsedArgs, env: Parameters<Command['run']>[1]) {
  const r = await env.call('campaigns.results', { id: idArg(args), asOf: env.ctx.today(), window: intFlag(args, 'window') ?? 30 })
  const data = {
    treated: r.treated,
    control: r.control,
    upliftRate: r.upliftRate,
    ci95: r.ci95,
    incrementalRevenueFen: r.incrementalRevenueFen,
    costFen: r.costFen,
    roi: r.roi
  }
  const pct = (x: number | null) => (x === null ? '—' : `${(x * 100).toFixed(1)}%`)
  return {
    data,
    human: () =>
      [
        `寄出 ${r.mailingDate}, ${r.window} 天窗口（已观察 ${r.daysObserved} 天）`,
        `寄礼组 ${r.treated.buyers}/${r.treated.n} 购买 (${pct(r.rateTreated)}), ${formatFen(r.treated.revenueFen)}`,
        `对照组 ${r.control.buyers}/${r.control.n} 购买 (${pct(r.rateControl)}), ${formatFen(r.control.revenueFen)}`,
        `提升 ${pct(r.upliftRate)}  95% 区间 ${r.ci95 ? `${pct(r.ci95[0])} … ${pct(r.ci95[1])}` : '—'}`,
        `增量收入 ${r.incrementalRevenueFen === null ? '—' : formatFen(r.incrementalRevenueFen)}, 成本 ${formatFen(r.costFen)}, ROI ${r.roi === null ? '—' : r.roi.toFixed(2)}`
      ].join('\n')
  }
}

export const campaignCommand: Command = {
  name: 'campaign',
  usage: [
    'campaign plan --db PATH (--segment NAME | --suggestion sleeping|loyal|birthdays) --budget-fen N --gift SKU:COST_FEN[:STOCK] ... [--postage-fen N]',
    '                 [--per-customer-fen N] [--fixed-sku SKU] [--gifted-within-days N] [--holdout 0.1] [--seed S] [--name TEXT] [--as-of DATE] [--dry-run] [--json]',
    '        → {campaignId, mailed:[{ref, name, giftSku, costFen}], control:[{ref, name}], costFen, excluded:{REASON: count}}',
    '  campaign results ID --db PATH [--as-of DATE] [--window DAYS] [--json]',
    '        → {treated:{n, buyers, revenueFen}, control:{n, buyers, revenueFen}, upliftRate, ci95:[lo, hi], incrementalRevenueFen, costFen, roi}',
    '  campaign mail ID --date DATE --db PATH [--json]     (mark mailed: contact log + stock)',
    '  campaign export ID --out FILE.csv [--encoding utf8|gbk] --db PATH [--json]   (courier CSV)'
  ].join('\n'),
  summary: '礼品寄送：按预算选人、留对照组、看效果 / gift mailings within a budget, with a holdout, and their results',
  options: {
    segment: { type: 'string' },
    suggestion: { type: 'string' },
    'budget-fen': { type: 'string' },
    'per-customer-fen': { type: 'string' },
    gift: { type: 'string', multiple: true },
    'postage-fen': { type: 'string' },
    'fixed-sku': { type: 'string' },
    'gifted-within-days': { type: 'string' },
    holdout: { type: 'string' },
    seed: { type: 'string' },
    name: { type: 'string' },
    'dry-run': { type: 'boolean' },
    window: { type: 'string' },
    date: { type: 'string' },
    out: { type: 'string' },
    encoding: { type: 'string' }
  },
  async run(args, env) {
    const sub = args.command[0]
    if (sub === 'plan') return plan(args, env)
    if (sub === 'results') return results(args, env)
    if (sub === 'mail') {
      const date = stringFlag(args, 'date') ?? env.ctx.today()
      const data = await env.call('campaigns.markMailed', { id: idArg(args), date })
      return { data, human: () => `已标记 ${data.mailingDate} 寄出, 记录 ${data.logged} 条联系` }
    }
    if (sub === 'export') {
      const out = stringFlag(args, 'out')
      if (!out) throw refuse('cliNeeds', { command: 'campaign export', what: '--out FILE.csv' })
      const encoding = stringFlag(args, 'encoding') ?? 'utf8'
      if (encoding !== 'utf8' && encoding !== 'gbk') throw refuse('cliFlagChoice', { flag: 'encoding', choices: 'utf8, gbk', value: encoding })
      const r = await env.call('campaigns.courierExport', { id: idArg(args), encoding, path: out })
      const data = { file: r.file, rows: r.rows, bytes: r.bytes }
      return { data, human: () => `快递单文件 ${r.file}: ${r.rows} 行, ${r.bytes} 字节` }
    }
    throw refuse('cliUnknownSubcommand', { sub: String(args.command[0] ?? ''), choices: 'plan, results, mail, export' })
  }
}
