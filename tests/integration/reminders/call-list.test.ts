import { describe, expect, it } from 'vitest'
import { cliJson, withShopFile } from '../../helpers/cli'
import { LedgerWriter } from '../../../electron/services/ledger/ledger-writer'
import { callList } from '../../../electron/services/reminders/call-list'
import { testContext, testDispatch } from '../../helpers/db'
import type { Db } from '../../../electron/db/driver'
import type { CallList } from '../../../shared/schemas/reminders'

/**
 * A small mother-and-baby shop on 2026-11-23:
 * Wang bought 3 cans of formula (7 days a can) on 1 Nov: out 22 Nov, reminder due 17 Nov.
 * Li's lunar birthday 十月十八 falls on 26 Nov. Zhao last bought 27 Aug (88 days: slides to
 * silent in 3 days) and has an open complaint. Qian declined phone calls (SMS allowed) and her
 * solar birthday is 25 Nov. Sun allows no contact at all and has a birthday on 24 Nov.
 */
function shop(db: Db) {
  const batch = LedgerWriter.createBatch(db, { fileName: 't.csv', fileSize: 1, fileHash: 'h', importedAt: '2026-11-01T09:00:00', format: 'csv' })
  const w = new LedgerWriter(db, batch)
  const formula = w.productId('690001', '奶粉 1段 700g', '奶粉')
  const wipes = w.productId('690002', '湿巾', '洗护')
  let n = 0
  const sale = (cid: number, at: string, pid: number, qty: number, fen: number) => {
    const oid = w.orderId({ externalId: `R${++n}`, orderedAt: at, customerId: cid })
    w.addLine({ orderId: oid, customerId: cid, productId: pid, quantity: qty, unitPriceFen: null, amountFen: fen, contentKey: `R${n}` })
  }
  const person = (card: string, phone: string, name: string) =>
    w.resolveCustomer(
      [
        { kind: 'card', value: card },
        { kind: 'phone', value: phone }
      ],
      { name, seenAt: '2026-01-01' }
    ).customerId
  const wang = person('VIP1', '13800000001', '王静')
  const li = person('VIP2', '13800000002', '李丽')
  const zhao = person('VIP3', '13800000003', '赵敏')
  const qian = person('VIP4', '13800000004', '钱芳')
  const sun = person('VIP5', '13800000005', '孙红')
  sale(wang, '2026-10-10T10:00:00', formula, 2, 53600)
  sale(wang, '2026-11-01T10:00:00', formula, 3, 80400)
  sale(li, '2026-11-20T10:00:00', wipes, 1, 5900)
  sale(zhao, '2026-08-27T10:00:00', wipes, 1, 5900)
  sale(qian, '2026-11-15T10:00:00', wipes, 1, 5900)
  sale(sun, '2026-11-15T10:00:00', wipes, 1, 5900)
  w.finish()
  db.prepare('UPDATE products SET days_per_unit = 7 WHERE id = ?').run(formula)
  db.prepare("UPDATE customers SET birthday = '1990-10-18', birthday_lunar = 1 WHERE id = ?").run(li)
  db.prepare("UPDATE customers SET birthday = '1992-11-25', consent_phone = 0 WHERE id = ?").run(qian)
  db.prepare("UPDATE customers SET birthday = '1980-11-24', consent_phone = 0, consent_sms = 0, consent_wechat = 0 WHERE id = ?").run(sun)
  db.prepare("INSERT INTO contact_log (customer_id, at, kind, outcome, note) VALUES (?, '2026-11-20T15:00:00', 'complaint', 'open', '纸尿裤漏了')").run(zhao)
  return { wang, li, zhao, qian, sun, formula, wipes }
}

const summary = (l: CallList) => l.entries.map((e) => `${e.reasons.map((r) => r.reason).join('+')}:${e.name}`)

describe("today's call list", () => {
  it('combines a complaint, a replenishment, birthdays and a slide, one row per customer, and counts who may not be contacted', () => {
    const ctx = testContext()
    shop(ctx.db)
    const list = callList(ctx.db, '2026-11-23')
    // 王静 68 (ran out yesterday) + 30 value (the year's biggest spender); 赵敏 80 + 5 for the slide; 钱芳 50; 李丽 45
    expect(summary(list)).toEqual(['replenish:王静', 'complaint+slide:赵敏', 'birthday:钱芳', 'birthday:李丽'])
    expect(list.entries.map((e) => e.score)).toEqual([98, 85, 50, 45])
    expect(list.counts).toEqual({ replenish: 1, birthday: 2, slide: 1, complaint: 1 })
    expect(list.skippedNoConsent).toBe(1)
  })

  it('explains each entry and suggests a script', () => {
    const ctx = testContext()
    const ids = shop(ctx.db)
    const list = callList(ctx.db, '2026-11-23')
    const wang = list.entries.find((e) => e.reason === 'replenish')!
    expect(wang).toMatchObject({ key: `replenish:${ids.wang}:${ids.formula}:2026-11-01`, dueDate: '2026-11-17', phone: '13800000001', callable: true })
    expect(wang.detail.zh).toBe('奶粉 1段 700g：11月1日买了 3 件，按每件 7 天估算（商品设置），约 11月22日用完')
    expect(wang.script.zh).toContain('11月22日就用完了')
    const li = list.entries.find((e) => e.name === '李丽')!
    expect(li.detail.zh).toBe('生日 农历十月十八，11月26日（3 天后）')
    const slide = list.entries.flatMap((e) => e.reasons).find((r) => r.reason === 'slide')!
    expect(slide.detail.zh).toBe('上次购买是 88 天前，再过 3 天从活跃期进入沉默期')
    expect(slide.detail.en).toBe('last bought 88 days ago; moves from active to silent in 3 days')
  })

  it('flags a customer who declined phone calls instead of offering the call', () => {
    const ctx = testContext()
    shop(ctx.db)
    const qian = callList(ctx.db, '2026-11-23').entries.find((e) => e.name === '钱芳')!
    expect(qian.callable).toBe(false)
    expect(qian.consent).toEqual({ phone: false, sms: true, wechat: true })
  })

  it('announces the member day on the 29th', () => {
    const ctx = testContext()
    shop(ctx.db)
    const notices = callList(ctx.db, '2026-11-29').notices
    expect(notices.map((n) => n.key)).toEqual(['member-day:2026-11-30'])
    expect(notices[0].audience).toBe(4)
  })

  it('takes an entry off the list once an outcome is recorded, through the channels', async () => {
    const ctx = testContext()
    const ids = shop(ctx.db)
    const call = testDispatch(ctx)
    const before = (await call('reminders.calls', { date: '2026-11-23' })) as { ok: true; data: CallList }
    const entry = before.data.entries.find((e) => e.reason === 'replenish')!
    const r = await call('reminders.record', { customerId: ids.wang, key: entry.key, outcome: 'bought', note: '要了 2 罐' })
    expect(r).toMatchObject({ ok: true, data: { at: '2026-11-23T12:00:00' } })
    const after = (await call('reminders.calls', { date: '2026-11-23' })) as { ok: true; data: CallList }
    expect(after.data.entries.some((e) => e.key === entry.key)).toBe(false)
    expect(ctx.db.prepare('SELECT kind, outcome, note, topic FROM contact_log WHERE customer_id = ? AND kind = ?').get(ids.wang, 'call')).toEqual({
      kind: 'call',
      outcome: 'bought',
      note: '要了 2 罐',
      topic: entry.key
    })
  })

  it('brings a no-answer back the next day with the last outcome shown', () => {
    const ctx = testContext()
    const ids = shop(ctx.db)
    const key = `birthday:${ids.li}:2026-11-26`
    ctx.db.prepare("INSERT INTO contact_log (customer_id, at, kind, outcome, topic) VALUES (?, '2026-11-23T10:00:00', 'call', 'no_answer', ?)").run(ids.li, key)
    expect(callList(ctx.db, '2026-11-23').entries.some((e) => e.key === key)).toBe(false)
    const tomorrow = callList(ctx.db, '2026-11-24').entries.find((e) => e.key === key)
    expect(tomorrow?.lastOutcome).toEqual({ at: '2026-11-23T10:00:00', outcome: 'no_answer' })
  })

  it('withdraws every channel when the customer opts out, and records the change as one edit', async () => {
    const ctx = testContext()
    const ids = shop(ctx.db)
    const r = await testDispatch(ctx)('reminders.record', { customerId: ids.zhao, key: `slide:${ids.zhao}:silent:2026-08-27`, outcome: 'opted_out' })
    expect(r.ok).toBe(true)
    expect(ctx.db.prepare('SELECT consent_phone FROM customers WHERE id = ?').pluck().get(ids.zhao)).toBe(0)
    expect(ctx.db.prepare('SELECT field, old_value, new_value, edit FROM change_history WHERE customer_id = ? ORDER BY id').all(ids.zhao)).toEqual(
      ['consentPhone', 'consentSms', 'consentWechat', 'consentMail'].map((field) => ({ field, old_value: '1', new_value: '0', edit: 1 }))
    )
    // no channel left: 赵敏 leaves the list and counts with 孙红 among those who accept no contact
    const after = callList(ctx.db, '2026-11-23')
    expect(after.entries.some((e) => e.customerId === ids.zhao)).toBe(false)
    expect(after.skippedNoConsent).toBe(2)
  })

  it('refuses an unknown outcome and an unknown customer', async () => {
    const ctx = testContext()
    shop(ctx.db)
    const call = testDispatch(ctx)
    expect(await call('reminders.record', { customerId: 1, key: 'x', outcome: 'maybe' })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await call('reminders.record', { customerId: 999, key: 'x', outcome: 'reached' })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      key: 'customerNotFound',
      params: { id: 999 }
    })
  })
})

describe('days per unit', () => {
  it('lists products with the figure set on the product, its category, or learned', async () => {
    const ctx = testContext()
    const ids = shop(ctx.db)
    const call = testDispatch(ctx)
    expect(await call('reminders.setCategoryDays', { category: '洗护', daysPerUnit: 10 })).toEqual({ ok: true, data: { ok: true } })
    const r = (await call('reminders.units', {})) as { ok: true; data: { productId: number; effectiveDays: number | null; source: string | null }[] }
    const byId = new Map(r.data.map((u) => [u.productId, u]))
    expect(byId.get(ids.formula)).toMatchObject({ effectiveDays: 7, source: 'product' })
    expect(byId.get(ids.wipes)).toMatchObject({ effectiveDays: 10, source: 'category' })
    expect(await call('reminders.setProductDays', { productId: 999, daysPerUnit: 3 })).toMatchObject({
      ok: false,
      code: 'NOT_FOUND',
      key: 'productNotFound',
      params: { id: 999 }
    })
  })

  it('puts wipes on the list once their category says how long a pack lasts', () => {
    const ctx = testContext()
    shop(ctx.db)
    ctx.db.prepare("INSERT INTO categories (name, days_per_unit) VALUES ('洗护', 7)").run()
    // Qian and Sun bought 15 Nov: out 22 Nov, due 17 Nov (Sun allows no contact); Li bought 20 Nov: out 27 Nov,
    // due 22 Nov; Zhao's pack from 27 Aug ran out on 3 Sep, long past the 7 days' grace
    // (Qian's and Li's birthdays share their rows: one call each)
    expect(summary(callList(ctx.db, '2026-11-23')).filter((s) => s.startsWith('replenish'))).toEqual([
      'replenish:王静',
      'replenish+birthday:钱芳',
      'replenish+birthday:李丽'
    ])
  })
})

describe('the calls command', () => {
  it('prints the call list as JSON', async () => {
    const data = await withShopFile(shop, (path) => cliJson<CallList>(['calls', '--db', path, '--date', '2026-11-23', '--json']))
    expect(data.date).toBe('2026-11-23')
    expect(data.entries).toHaveLength(4)
  })
})
