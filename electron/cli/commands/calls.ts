import type { Command } from '../command'
import { stringFlag } from './flags'

const REASON_ZH = { replenish: '补货提醒', birthday: '生日', slide: '即将降级', complaint: '投诉回访' } as const

export const callsCommand: Command = {
  name: 'calls',
  usage: 'calls --db PATH [--date YYYY-MM-DD] [--json]',
  summary: '今日回访 / the call list: replenishment due, birthdays, customers about to slide, complaints, notices',
  options: { date: { type: 'string' } },
  async run(args, env) {
    const data = await env.call('reminders.calls', { date: stringFlag(args, 'date') ?? env.ctx.today() })
    return {
      data,
      human: () =>
        [
          `${data.date} 今日回访: ${data.entries.length} 条` + (data.skippedNoConsent ? ` (另有 ${data.skippedNoConsent} 位不接受联系)` : ''),
          ...data.notices.map((n) => `  [通知] ${n.title.zh}`),
          ...data.entries.map((e) => `  [${REASON_ZH[e.reason]}] ${e.name ?? '#' + e.customerId} ${e.phone ?? ''}${e.callable ? '' : ' (勿电话)'} — ${e.detail.zh}`)
        ].join('\n')
    }
  }
}
