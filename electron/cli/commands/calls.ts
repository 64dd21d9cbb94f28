import type { Command } from '../command'
import { stringFlag } from './flags'

const REASON_ZH = { replenish: '补货提醒', birthday: '生日', slide: '即将降级', complaint: '投诉回访' } as const

export const callsCommand: Command = {
  name: 'calls',
  usage: 'calls --db PATH [--date YYYY-MM-DD] [--all] [--json]',
  summary: "今日回访 / the call list: one row per customer, the day's capacity best first (--all: every row), missed calls apart",
  options: { date: { type: 'string' }, all: { type: 'boolean' } },
  async run(args, env) {
    const data = await env.call('reminders.calls', { date: stringFlag(args, 'date') ?? env.ctx.today(), all: args.flags.all === true })
    return {
      data,
      human: () =>
        [
          `${data.date} 今日回访: ${data.entries.length} 位` +
            (data.total > data.entries.length ? ` (共 ${data.total} 位到期，每天 ${data.capacity} 位；--all 看全部)` : '') +
            (data.skippedNoConsent ? ` (另有 ${data.skippedNoConsent} 位不接受联系)` : ''),
          ...data.notices.map((n) => `  [通知] ${n.title.zh}`),
          ...data.entries.map(
            (e) =>
              `  [${e.reasons.map((r) => REASON_ZH[r.reason]).join('+')}] ${e.name ?? '#' + e.customerId} ${e.phone ?? ''}${e.callable ? '' : ' (勿电话)'} — ${e.detail.zh}`
          ),
          ...(data.missedTotal ? [`已错过 ${data.missedTotal} 位:`] : []),
          ...data.missed.map((e) => `  [已错过·${e.reasons.map((r) => REASON_ZH[r.reason]).join('+')}] ${e.name ?? '#' + e.customerId} — ${e.detail.zh}`)
        ].join('\n')
    }
  }
}
