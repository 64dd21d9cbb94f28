import { describe, expect, it } from 'vitest'
import { addDays } from '../../../shared/domain/dates'
import { testContext, testDispatch } from '../../helpers/db'
import { importText } from '../imports/helpers'
import { importDemoShop } from '../../../electron/services/demo/demo-import'
import { callList } from '../../../electron/services/reminders/call-list'
import { unitRulesAsOf } from '../../../electron/services/reminders/unit-rules'
import { recordOutcome } from '../../../electron/services/reminders/record-outcome'
import type { Db } from '../../../electron/db/driver'
import type { UnitRow } from '../../../shared/schemas/reminders'
import { formatError } from '../../../shared/errors/messages'

const DAY = '2026-11-23'

/**
 * A formula shop made of two files. The product list sets 一段 at 8 days a can and leaves 二段
 * and 三段 empty (奶粉 ships with a default of 8 days). Repeat buyers, one can each time:
 * 一段: 12 customers come back after 25 days, 12 after 27 (learned: median 26, 24 buyers);
 * 二段: 20 customers after 30 days (learned 30, 20 buyers: enough to replace the default);
 * 三段: 5 customers after 12 days (learned 12, 5 buyers: too few, the default stays).
 * Z bought one can of 一段 on 20 Nov: at 8 days it runs out 28 Nov, the call falls due 23 Nov.
 */
async function formulaShop(db: Db): Promise<void> {
  const products = [
    '商品编码,商品名称,商品分类,单位,每件可用天数',
    'F1,一段奶粉 800g,奶粉,罐,8',
    'F2,二段奶粉 800g,奶粉,罐,',
    'F3,三段奶粉 800g,奶粉,罐,'
  ].join('\n')
  expect((await importText(db, products + '\n')).errors).toEqual([])
  const lines = ['单据号,销售时间,会员卡号,商品编码,商品名称,数量,实收金额']
  let n = 0
  const names: Record<string, string> = { F1: '一段奶粉 800g', F2: '二段奶粉 800g', F3: '三段奶粉 800g' }
  const twice = (card: string, code: string, gap: number) => {
    lines.push(`S${++n},2026-09-01 10:00,${card},${code},${names[code]},1,200.00`)
    lines.push(`S${++n},${addDays('2026-09-01', gap)} 10:00,${card},${code},${names[code]},1,200.00`)
  }
  for (let i = 1; i <= 24; i++) twice(`C${i}`, 'F1', i <= 12 ? 25 : 27)
  for (let i = 1; i <= 20; i++) twice(`D${i}`, 'F2', 30)
  for (let i = 1; i <= 5; i++) twice(`E${i}`, 'F3', 12)
  lines.push(`S${++n},2026-11-20 10:00,Z,F1,${names.F1},1,200.00`)
  const r = await importText(db, lines.join('\n') + '\n')
  expect(r.errors).toEqual([])
  expect(r.rowsImported).toBe(99)
}

const byCode = (rows: UnitRow[]) => Object.fromEntries(rows.map((r) => [r.code, r]))

describe('days per unit: the table against the shop’s own repeat buyers', () => {
  it('questions a figure the shop set, replaces a shipped default once 20 repeat buyers exist, and keeps the default with fewer', async () => {
    const ctx = testContext(DAY)
    await formulaShop(ctx.db)
    const dispatch = testDispatch(ctx)
    const units = await dispatch('reminders.units', {})
    if (!units.ok) throw new Error('reminders.units failed')
    const u = byCode(units.data as UnitRow[])
    expect(u.F1).toMatchObject({ productDays: 8, shippedDays: 8, learnedDays: 26, repeatBuyers: 24, effectiveDays: 8, source: 'product' })
    expect(u.F1.evidence).toEqual({
      kind: 'offer',
      tableDays: 8,
      learnedDays: 26,
      repeatBuyers: 24,
      words: {
        zh: '本店顾客实际约 26 天用完一罐，表里写的是 8 天（24 位回头客）',
        en: "this shop's customers take about 26 days a unit, the table says 8 (24 repeat buyers)"
      }
    })
    expect(u.F2).toMatchObject({ productDays: null, categoryDays: null, learnedDays: 30, repeatBuyers: 20, effectiveDays: 30, source: 'learned' })
    expect(u.F2.evidence).toMatchObject({ kind: 'yielded', tableDays: 8, learnedDays: 30, repeatBuyers: 20 })
    expect(u.F2.evidence?.words.zh).toBe('按本店 20 位回头客的实际间隔约 30 天用完一罐，已代替软件自带的 8 天')
    expect(u.F3).toMatchObject({ learnedDays: 12, repeatBuyers: 5, effectiveDays: 8, source: 'default', evidence: null })
  })

  it('learns the rules once for call lists read one after another, keeps them over a call outcome, and learns again after a product’s days change', async () => {
    const ctx = testContext(DAY)
    await formulaShop(ctx.db)
    const f1 = ctx.db.prepare("SELECT id FROM products WHERE code = 'F1'").pluck().get() as number
    const first = unitRulesAsOf(ctx.db, DAY)
    const z = callList(ctx.db, DAY, { all: true }).entries.find((e) => e.reasons.some((r) => r.key.includes(':2026-11-20')))!
    recordOutcome(ctx.db, { customerId: z.customerId, key: z.reasons[0].key, outcome: 'no_answer', at: `${DAY}T10:00:00`, staff: null })
    expect(unitRulesAsOf(ctx.db, DAY)).toBe(first)
    expect(first.get(f1)?.days).toBe(8)
    ctx.db.prepare('UPDATE products SET days_per_unit = 26 WHERE id = ?').run(f1)
    const after = unitRulesAsOf(ctx.db, DAY)
    expect(after).not.toBe(first)
    expect(after.get(f1)).toMatchObject({ days: 26, source: 'product' })
  })

  it('says so on the reminder built on the questioned row, and taking the offer (then undoing it) moves the call', async () => {
    const ctx = testContext(DAY)
    await formulaShop(ctx.db)
    const z = () => callList(ctx.db, DAY, { all: true }).entries.find((e) => e.name === null && e.reasons.some((r) => r.key.includes(':2026-11-20')))
    const before = z()
    expect(before?.reasons.map((r) => [r.reason, r.dueDate, r.lastDay])).toEqual([['replenish', '2026-11-23', '2026-12-05']])
    expect(before?.reasons[0].detail.zh).toBe(
      '一段奶粉 800g：11月20日买了 1 罐，按每罐 8 天估算（商品设置）；本店顾客实际约 26 天用完一罐，表里写的是 8 天（24 位回头客），可在「提醒设置」里改用，约 11月28日用完'
    )
    const dispatch = testDispatch(ctx)
    const f1 = (ctx.db.prepare("SELECT id FROM products WHERE code = 'F1'").pluck().get() as number) ?? 0
    const taken = await dispatch('reminders.adoptLearned', { productId: f1 })
    expect(taken).toEqual({ ok: true, data: { previous: 8, daysPerUnit: 26 } })
    // 20 Nov + 26 days = 16 Dec, due 11 Dec: not today's call any more, and nothing left to offer
    expect(z()).toBeUndefined()
    const again = await dispatch('reminders.adoptLearned', { productId: f1 })
    const name = ctx.db.prepare("SELECT name FROM products WHERE code = 'F1'").pluck().get() as string
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', key: 'noLearnedProductDays', params: { product: name } })
    expect(formatError('noLearnedProductDays', { product: name }, 'zh-CN')).toBe(`${name}：本店顾客的回购间隔与表里的天数没有明显差别，没有可采用的推算值`)
    expect(formatError('noLearnedProductDays', { product: name }, 'en')).toBe(
      `${name}: the shop’s repurchase intervals do not differ clearly from the table’s days, so there is no learned figure to adopt`
    )
    // undo: the figure it replaced goes back
    expect((await dispatch('reminders.setProductDays', { productId: f1, daysPerUnit: 8 })).ok).toBe(true)
    expect(z()?.reasons[0].dueDate).toBe('2026-11-23')
  })

  it('questions a category figure against the whole category’s repeat buyers and takes it for the category', async () => {
    const ctx = testContext(DAY)
    await formulaShop(ctx.db)
    const dispatch = testDispatch(ctx)
    await dispatch('reminders.setCategoryDays', { category: '奶粉', daysPerUnit: 8 })
    const u = byCode(((await dispatch('reminders.units', {})) as { data: UnitRow[] }).data)
    // pooled: 5 × 12, 12 × 25, 12 × 27, 20 × 30 days — the 25th of 49 is 27; 49 repeat buyers
    expect(u.F2.categoryEvidence).toMatchObject({ kind: 'offer', tableDays: 8, learnedDays: 27, repeatBuyers: 49 })
    // staff's category figure now stands over the default: 二段 is questioned, not replaced
    expect(u.F2).toMatchObject({ effectiveDays: 8, source: 'category', evidence: { kind: 'offer', learnedDays: 30 } })
    expect(u.F3).toMatchObject({ effectiveDays: 8, source: 'category', evidence: null })
    expect(await dispatch('reminders.adoptLearned', { category: '奶粉' })).toEqual({ ok: true, data: { previous: 8, daysPerUnit: 27 } })
    const after = byCode(((await dispatch('reminders.units', {})) as { data: UnitRow[] }).data)
    expect(after.F3).toMatchObject({ categoryDays: 27, effectiveDays: 27, categoryEvidence: null })
  })
})

describe('days per unit on the demo shop imported from its files', () => {
  it('lets the buyers of stage-1 formula replace the shipped 8 days, and questions 8 days once the shop’s product list says so', async () => {
    const ctx = testContext(DAY)
    await importDemoShop(ctx.db, { customers: 800, seed: 7, asOf: DAY, importedAt: `${DAY}T09:00:00` })
    const stage1 = () => (listed() as UnitRow[]).find((r) => r.name.startsWith('婴儿配方奶粉 1段'))!
    const dispatch = testDispatch(ctx)
    let rows: UnitRow[] = []
    const listed = () => rows
    rows = ((await dispatch('reminders.units', {})) as { data: UnitRow[] }).data
    const s = stage1()
    expect(s).toMatchObject({ category: '奶粉', productDays: null, shippedDays: 8, source: 'learned', evidence: { kind: 'yielded', tableDays: 8 } })
    expect(s.repeatBuyers).toBeGreaterThanOrEqual(20)
    expect(s.learnedDays! / 8).toBeGreaterThan(1.5)
    expect(s.effectiveDays).toBe(s.learnedDays)
    // the shop's own product list writes 8 days a can for it: now it is the shop's figure, questioned
    expect((await importText(ctx.db, `商品编码,商品名称,商品分类,每件可用天数\n${s.code},${s.name},奶粉,8\n`)).errors).toEqual([])
    rows = ((await dispatch('reminders.units', {})) as { data: UnitRow[] }).data
    const t = stage1()
    expect(t).toMatchObject({ productDays: 8, effectiveDays: 8, source: 'product', evidence: { kind: 'offer', tableDays: 8, learnedDays: s.learnedDays } })
    expect(t.evidence?.words.zh).toBe(`本店顾客实际约 ${s.learnedDays} 天用完一罐，表里写的是 8 天（${s.repeatBuyers} 位回头客）`)
  }, 120_000)
})
