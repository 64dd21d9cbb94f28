import type { Command } from '../command'
import { formatFen } from '../../../shared/domain/money'
import { stringFlag } from './flags'
import { refuse } from '../../../shared/errors/refuse'

/** Parse --rule JSON; a clear error when it is not JSON at all (the schema checks the rest). */
function ruleFlag(raw: string | undefined): unknown {
  if (raw === undefined) throw refuse('cliNeeds', { command: 'segments', what: '--rule JSON' })
  try {
    return JSON.parse(raw)
  } catch (e) {
    throw refuse('cliFlagNotJson', { flag: 'rule', reason: (e as Error).message })
  }
}

export const segmentsCommand: Command = {
  name: 'segments',
  usage: [
    'segments --db PATH [--as-of YYYY-MM-DD] [--json]',
    '  segments create --db PATH --name NAME --rule JSON',
    '  segments members NAME --db PATH [--as-of YYYY-MM-DD] [--limit N] [--offset N] [--json]',
    '  segments list | delete NAME --db PATH'
  ].join('\n'),
  summary: '客户分组 / segments: lifecycle, ladder, tiers, RFM and saved segments as of a date',
  options: { name: { type: 'string' }, rule: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
  async run(args, env) {
    const [verb, arg] = args.command
    const asOf = env.ctx.today()
    if (verb === undefined) {
      const o = await env.call('segments.overview', { asOf })
      const data = { lifecycle: o.lifecycle, ladder: o.ladder, tiers: o.tiers, rfm: o.rfm, custom: o.custom }
      const line = (title: string, counts: Record<string, number>) =>
        `${title}: ${Object.entries(counts)
          .map(([k, n]) => `${k} ${n}`)
          .join(' · ')}`
      return {
        data,
        human: () =>
          [
            `截至 ${o.asOf}: 顾客 ${o.customers}, 有购买 ${o.buyers}`,
            line('生命周期 lifecycle', o.lifecycle),
            line('忠诚度阶梯 ladder', o.ladder),
            line('会员等级 tiers', o.tiers),
            line(`RFM (${o.rfm.scheme})`, o.rfm.segments),
            line('自定义 custom', o.custom)
          ].join('\n')
      }
    }
    if (verb === 'create') {
      const name = stringFlag(args, 'name')
      if (!name) throw refuse('cliNeeds', { command: 'segments create', what: '--name NAME' })
      const seg = await env.call('segments.create', { name, rule: ruleFlag(stringFlag(args, 'rule')) })
      const { count } = await env.call('segments.count', { rule: seg.rule, asOf })
      return { data: { ...seg, count }, human: () => `已保存分组 ${seg.name} (#${seg.id}): 截至 ${asOf} 共 ${count} 位顾客` }
    }
    if (verb === 'members') {
      if (!arg) throw refuse('cliNeeds', { command: 'segments members', what: 'NAME' })
      const limit = args.flags.limit === undefined ? 100 : Number(args.flags.limit)
      const offset = args.flags.offset === undefined ? 0 : Number(args.flags.offset)
      const m = await env.call('segments.members', { name: arg, asOf, limit, offset })
      return {
        data: m,
        human: () =>
          [
            `${arg}: ${m.total} 位顾客 (截至 ${asOf})`,
            ...m.rows.map((r) => `  #${r.id} ${r.name ?? ''} ${r.phone ?? ''} 订单 ${r.orders} 消费 ${formatFen(r.spendFen)} 最后 ${r.lastPurchase ?? '-'}`)
          ].join('\n')
      }
    }
    if (verb === 'list') {
      const list = await env.call('segments.list', {})
      return { data: list, human: () => list.map((s) => `#${s.id} ${s.name}: ${JSON.stringify(s.rule)}`).join('\n') || '(没有分组 no segments)' }
    }
    if (verb === 'delete') {
      const list = await env.call('segments.list', {})
      const seg = list.find((s) => s.name === arg)
      if (!seg) throw refuse('segmentNotFound', { segment: arg ?? '' })
      const r = await env.call('segments.delete', { id: seg.id })
      return { data: r, human: () => `已删除分组 ${seg.name}` }
    }
    throw refuse('cliUnknownSubcommand', { sub: String(verb), choices: 'create, members, list, delete' })
  }
}
