import { describe, expect, it } from 'vitest'
import { addDays } from '../../../shared/domain/dates'
import { testContext } from '../../helpers/db'
import { importText } from '../imports/helpers'
import { customerByCard, reasonsWithCustomer } from '../../helpers/call-reasons'
import { callList } from '../../../electron/services/reminders/call-list'
import { shopRhythm } from '../../../electron/services/reminders/customer-rhythm'
import type { Db } from '../../../electron/db/driver'
import type { CallList } from '../../../shared/schemas/reminders'
import { cliJson, withShopFile } from '../../helpers/cli'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const DAY = '2026-11-23'

/**
 * 120 regular formula buyers, six purchases each, 28–32 days apart (the pattern turns with the
 * customer), the last one 25 days before the list's date; customer i buys 3 cans on the even
 * purchases and 1 on the odd ones when i is even, the other way round when i is odd.
 */
function purchaseDays(i: number): string[] {
  let day = addDays(DAY, -25)
  const days = [day]
  for (const g of [0, 1, 2, 3, 4].map((j) => 28 + ((i + j) % 5))) days.unshift((day = addDays(day, -g)))
  return days
}

async function rhythmShop(db: Db): Promise<void> {
  const lines = ['单据号,销售时间,会员卡号,商品编码,商品名称,数量,实收金额']
  let n = 0
  for (let i = 1; i <= 120; i++) {
    purchaseDays(i).forEach((d, j) => {
      const qty = (i + j) % 2 === 1 ? 3 : 1
      lines.push(`S${++n},${d} 10:00,C${i},F1,一段奶粉 800g,${qty},${qty * 200}.00`)
    })
  }
  expect((await importText(db, lines.join('\n') + '\n')).rowsImported).toBe(720)
}

describe('replenishment reminders by each regular buyer’s own rhythm', () => {
  it('dates a reminder by the customer’s own next purchase where its 80% interval is narrower than the rule’s, and says which was used', async () => {
    const ctx = testContext(DAY)
    await rhythmShop(ctx.db)
    const list = callList(ctx.db, DAY, { all: true })
    expect(list.rhythm.zh).toMatch(/^本店顾客买得有规律（BG\/CNBD-k，k = 12，平均约每 30 天一次）/)
    const reasons = reasonsWithCustomer(list)
    // even customers last bought 3 cans: the rule's spread (10th–90th percentile per can, × 3) is
    // wider than their own 80% interval, so the model dates them; odd ones bought 1 can: the rule
    const model = reasons.filter((r) => r.basis === 'model')
    const rule = reasons.filter((r) => r.basis === 'rule')
    expect(model.map((r) => r.customerId % 2)).toEqual(Array(60).fill(0))
    expect(rule.map((r) => r.customerId % 2)).toEqual(Array(60).fill(1))
    // the rule: 29 Oct + 1 can × 19.3 days (the learned median) = 17 Nov, due 5 days before
    expect(rule[0].dueDate).toBe('2026-11-12')
    expect(rule[0].detail.zh).toBe('一段奶粉 800g：10月29日买了 1 件，按每件 19.3 天估算（按本店顾客回购间隔），约 11月17日用完')
    // the model: C2 bought on gaps of 30, 31, 32, 28 and 29 days (mean 30), last on 29 Oct; BG/CNBD-k's
    // median wait from then is 30 days (28 Nov), its 80% interval 18 Nov – 11 Dec (22.5 days, narrower
    // than 3 cans × the per-can spread); due 5 days before, today
    expect(model[0].customerId).toBe(customerByCard(ctx.db, 'C2'))
    const next = shopRhythm(ctx.db, DAY).nextFor(model[0].customerId)!
    expect([next.date, next.from, next.to, next.gapDays]).toEqual(['2026-11-28', '2026-11-18', '2026-12-11', 30])
    expect(next.widthDays).toBeCloseTo(22.5, 1)
    expect(model[0].dueDate).toBe('2026-11-23')
    expect(model[0].detail.zh).toBe(
      '一段奶粉 800g：10月29日买了 3 件；按顾客自己的购买节奏（约每 30 天一次）预计 11月28日再买（八成在 11月18日至12月11日之间，比按每件 19.3 天估算更有把握）'
    )
  }, 60_000)

  it('dates only what was bought on the last visit by the customer’s rhythm: wipes bought on the first two visits keep their own run-out, long past', async () => {
    const ctx = testContext(DAY)
    await rhythmShop(ctx.db)
    // every customer also bought wipes on their first two purchase days (same days: the fit is unchanged),
    // 1–5 packs then 3: a per-pack interval of 6–32 days, a rule's spread wider than the rhythm's interval
    const lines = ['单据号,销售时间,会员卡号,商品编码,商品名称,数量,实收金额']
    for (let i = 1; i <= 120; i++) {
      purchaseDays(i)
        .slice(0, 2)
        .forEach((d, j) => lines.push(`W${i}-${j},${d} 10:00,C${i},W1,湿巾 80抽,${j === 0 ? 1 + (i % 5) : 3},20.00`))
    }
    expect((await importText(ctx.db, lines.join('\n') + '\n')).rowsImported).toBe(240)
    const reasons = callList(ctx.db, DAY, { all: true }).entries.flatMap((e) => e.reasons)
    expect(reasons.filter((r) => r.detail.zh.startsWith('湿巾'))).toEqual([])
    expect(reasons.filter((r) => r.basis === 'model')).toHaveLength(60)
    expect(reasons.filter((r) => r.basis === 'rule')).toHaveLength(60)
  }, 60_000)

  it('fits once per date and data version: the same answer until something is written', async () => {
    const ctx = testContext(DAY)
    await rhythmShop(ctx.db)
    const first = shopRhythm(ctx.db, DAY)
    expect(shopRhythm(ctx.db, DAY)).toBe(first)
    await importText(ctx.db, '单据号,销售时间,会员卡号,商品编码,商品名称,数量,实收金额\nX1,2026-11-22 10:00,C1,F1,一段奶粉 800g,1,200.00\n')
    expect(shopRhythm(ctx.db, DAY)).not.toBe(first)
  }, 60_000)

  it('keeps the rule, and says why, where there are too few repeat buyers for the model', async () => {
    const ctx = testContext(DAY)
    await importText(
      ctx.db,
      '单据号,销售时间,会员卡号,商品编码,商品名称,数量,实收金额\nA1,2026-10-01 10:00,K1,F1,奶粉,1,200.00\nA2,2026-10-31 10:00,K1,F1,奶粉,1,200.00\nA3,2026-11-20 10:00,K1,F1,奶粉,1,200.00\n'
    )
    const list = callList(ctx.db, DAY, { all: true })
    expect(list.rhythm.zh).toBe('只有 1 位回头客，少于购买节奏模型需要的 100 位：补货提醒都按每件天数估算')
    expect(list.entries.flatMap((e) => e.reasons.filter((r) => r.reason === 'replenish').map((r) => r.basis))).not.toContain('model')
  })

  it('prints each replenishment’s basis (model|rule) and the shop’s rhythm note through `calls --json`, as the README’s calls row says', async () => {
    const data = await withShopFile(rhythmShop, (path) => cliJson<CallList>(['calls', '--db', path, '--date', DAY, '--all', '--json']))
    const bases = data.entries.flatMap((e) => e.reasons.filter((r) => r.reason === 'replenish').map((r) => r.basis))
    expect(bases.filter((b) => b === 'model')).toHaveLength(60)
    expect(bases.filter((b) => b === 'rule')).toHaveLength(60)
    expect(data.rhythm.en).toMatch(/^this shop's customers buy on a rhythm \(BG\/CNBD-k, k = 12, about every 30 days\)/)
    const row = readFileSync(join(__dirname, '../../../README.md'), 'utf8')
      .split('\n')
      .find((l) => l.startsWith('| `calls --db'))!
    expect(row).toContain('`basis`')
    expect(row).toContain('`model`')
    expect(row).toContain('`rule`')
    expect(row).toContain('`rhythm`')
  }, 60_000)
})
