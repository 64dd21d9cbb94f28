import { describe, expect, it } from 'vitest'
import { addDays } from '../../../shared/domain/dates'
import { testContext } from '../../helpers/db'
import { importText } from '../imports/helpers'
import { customerByCard, reasonsWithCustomer } from '../../helpers/call-reasons'
import { callList } from '../../../electron/services/reminders/call-list'
import { shopRhythm } from '../../../electron/services/reminders/customer-rhythm'
import type { Db } from '../../../electron/db/driver'

const DAY = '2026-11-23'
const HEAD = '单据号,销售时间,会员卡号,商品编码,商品名称,数量,实收金额'

/**
 * 120 regulars who come every 15–19 days (the pattern turns with the customer), eight visits,
 * the last 12 days before the list's date. Every visit they buy wipes, 1–3 packs; every third,
 * fourth or fifth visit (by customer) one big can of formula, on the last visit too — so the can's
 * repurchase interval is 45–95 days a can, while the customer's rhythm is 17 days. Two more
 * (K1, K2, a big family) buy the can on each of their last three visits.
 */
async function visitsAndCans(db: Db): Promise<void> {
  const lines = [HEAD]
  let n = 0
  const visits = (i: number) => {
    let day = addDays(DAY, -12)
    const days = [day]
    for (let j = 0; j < 7; j++) days.unshift((day = addDays(day, -(15 + ((i + j) % 5)))))
    return days
  }
  for (let i = 1; i <= 120; i++) {
    const every = 3 + (i % 3)
    visits(i).forEach((d, j) => {
      const packs = 1 + ((i + j) % 3)
      lines.push(`S${++n},${d} 10:00,C${i},W1,湿巾 80抽,${packs},${packs * 20}.00`)
      if ((7 - j) % every === 0) lines.push(`S${n},${d} 10:00,C${i},F2,大罐奶粉 1.6kg,1,300.00`)
    })
  }
  for (const k of [1, 2]) {
    visits(k).forEach((d, j) => {
      lines.push(`K${++n},${d} 10:00,K${k},W1,湿巾 80抽,2,40.00`)
      if (j >= 5) lines.push(`K${n},${d} 10:00,K${k},F2,大罐奶粉 1.6kg,1,300.00`)
    })
  }
  await importText(db, lines.join('\n') + '\n')
}

describe('rhythm or rule: a regular buyer’s visit rhythm dates a product only where the product agrees', () => {
  it('dates the wipes bought every visit by the 17-day rhythm, but not the big can (45–95 days a can): no can falls due on the next visit', async () => {
    const ctx = testContext(DAY)
    await visitsAndCans(ctx.db)
    const list = callList(ctx.db, DAY, { all: true })
    expect(list.rhythm.zh).toMatch(/^本店顾客买得有规律（BG\/CNBD-k，k = 12，平均约每 17 天一次）/)
    expect(list.rhythm.zh).toContain('又落在这件商品的回购间隔里')
    const reasons = reasonsWithCustomer(list)
    const wipes = reasons.filter((r) => r.detail.zh.startsWith('湿巾'))
    const cans = reasons.filter((r) => r.detail.zh.startsWith('大罐奶粉'))
    // everyone bought wipes 12 days ago; the rhythm says next on 28 Nov, due today, inside the wipes' spread
    expect(wipes).toHaveLength(122)
    expect(wipes.every((r) => r.basis === 'model' && r.dueDate === DAY)).toBe(true)
    // the 17-day rhythm is narrower than the can's spread but dates a visit, not a can that lasts 54 days:
    // only the two whose own cans came every visit are dated by it (the others would all be due today)
    expect(cans.map((r) => r.customerId).sort()).toEqual([customerByCard(ctx.db, 'K1'), customerByCard(ctx.db, 'K2')].sort())
    expect(cans.every((r) => r.basis === 'model')).toBe(true)
    expect(cans[0].detail.zh).toBe(
      '大罐奶粉 1.6kg：11月11日买了 1 件；按顾客自己的购买节奏（约每 17 天一次）预计 11月28日再买（八成在 11月22日至12月5日之间，比按每件 54 天估算更有把握）'
    )
  }, 60_000)

  it('dates the can by days per unit and says why the rhythm was not used', async () => {
    const ctx = testContext(DAY)
    await visitsAndCans(ctx.db)
    const c3 = customerByCard(ctx.db, 'C3')
    // 11 Nov + 54 days = 4 Jan, due 5 days before
    const later = callList(ctx.db, '2026-12-30', { all: true })
    const can = later.entries.find((e) => e.customerId === c3)!.reasons.find((r) => r.detail.zh.startsWith('大罐奶粉'))!
    expect(can.basis).toBe('rule')
    expect(can.dueDate).toBe('2026-12-30')
    expect(can.detail.zh).toBe(
      '大罐奶粉 1.6kg：11月11日买了 1 件，按每件 54 天估算（按本店顾客回购间隔），约 1月4日用完（顾客约每 17 天来一次，但本店顾客买 1 件要隔 48–85 天才再买这件商品，所以不按来店节奏估算）'
    )
    expect(can.detail.en).toContain(
      "(the customer comes about every 17 days, but the shop's buyers come back for 1 of it after 48–85 days, so it is not dated by their visits)"
    )
    expect(shopRhythm(ctx.db, DAY).nextFor(c3)?.date).toBe('2026-11-28')
  }, 60_000)
})
