import type { Command } from '../command'
import { formatFen } from '../../../shared/domain/money'

export const statsCommand: Command = {
  name: 'stats',
  usage: 'stats --db PATH [--as-of YYYY-MM-DD] [--json]',
  summary: '总览数字 / headline figures: customers, orders, lines, revenue, lifecycle',
  options: {},
  async run(_args, env) {
    const s = await env.call('stats.summary', { asOf: env.ctx.today() })
    const { asOf, ...data } = s
    return {
      data,
      human: () =>
        [
          `截至 ${asOf}: 顾客 ${s.customers}, 订单 ${s.orders}, 明细 ${s.lines}, 销售额 ${formatFen(s.revenueFen)}`,
          `潜在 ${s.ladder.prospect} · 目标 ${s.ladder.target} · 首次 ${s.ladder.firstTime} · 重复 ${s.ladder.repeat} · 铁杆 ${s.ladder.core} · 宣传 ${s.ladder.advocate} · 有生日 ${s.withBirthday}（农历 ${s.lunarBirthdays}）`,
          `活跃 ${s.lifecycle.active} · 沉默 ${s.lifecycle.silent} · 睡眠 ${s.lifecycle.sleeping} · 流失预警 ${s.lifecycle.drifting} · 流失 ${s.lifecycle.lost}`
        ].join('\n')
    }
  }
}
