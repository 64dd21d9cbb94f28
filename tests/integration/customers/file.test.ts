import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { seedCustomers } from './seed'
import type { CustomerDetail, DuplicatePair, MergeEntry } from '../../../shared/schemas/customers'

function shop() {
  const ctx = testContext('2026-11-23')
  const ids = seedCustomers(ctx.db, [
    {
      identities: [
        { kind: 'card', value: 'VIP001' },
        { kind: 'phone', value: '13812348000' }
      ],
      name: '王静',
      address: '浙江省杭州市西湖区文三路12号',
      province: '浙江省',
      city: '杭州市',
      orders: [
        ['2026-09-01T10:00:00', 30000, '奶粉'],
        ['2026-09-11T10:00:00', 10000, '纸尿裤'],
        ['2026-10-01T10:00:00', 20000, '奶粉'],
        ['2026-10-03T10:00:00', -5000, '奶粉']
      ]
    },
    {
      identities: [
        { kind: 'buyer', value: 'tb_wj' },
        { kind: 'phone', value: '13912348000' }
      ],
      name: '王静',
      address: '杭州市西湖区文三路12号',
      channel: 'online',
      orders: [['2026-11-20T10:00:00', 8000, '辅食']]
    },
    { identities: [{ kind: 'card', value: 'VIP003' }], name: '李娜' }
  ])
  const call = testDispatch(ctx)
  async function ok<T>(channel: string, input: object): Promise<T> {
    const r = await call(channel, input)
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`)
    return r.data as T
  }
  return { ctx, ids, call, ok }
}

describe('customers.get', () => {
  it('answers profile, figures and a timeline with the return marked', async () => {
    const { ids, ok, ctx } = shop()
    ctx.db.prepare("INSERT INTO customer_children (customer_id, name, birthday) VALUES (?, '豆豆', '2025-05-30')").run(ids[0])
    ctx.db.prepare('UPDATE customers SET referred_by = ? WHERE id = ?').run(ids[0], ids[2])
    const d = await ok<CustomerDetail>('customers.get', { id: ids[0] })
    expect(d.profile.identities).toEqual([
      { kind: 'card', value: 'VIP001', display: 'VIP001' },
      { kind: 'phone', value: '13812348000', display: '138****8000' }
    ])
    expect(d.profile.region).toEqual({ province: '浙江省', city: '杭州市', district: null })
    expect(d.profile.children).toEqual([{ id: expect.any(Number), name: '豆豆', birthday: '2025-05-30', gender: null, age: { years: 1, months: 5 } }])
    expect(d.profile.referrals).toEqual([{ id: ids[2], name: '李娜', bought: false }])
    expect(d.profile.consent).toEqual({ phone: true, sms: true, wechat: true, mail: true })
    expect(d.figures).toEqual({
      orders: 3,
      spendFen: 55000,
      returnsFen: -5000,
      averageOrderFen: 18333,
      firstPurchase: '2026-09-01T10:00:00',
      lastPurchase: '2026-10-01T10:00:00',
      daysSinceLast: 53,
      lifecycle: 'active',
      averageDaysBetween: 15,
      categories: [
        { category: '奶粉', lines: 2, spendFen: 50000 },
        { category: '纸尿裤', lines: 1, spendFen: 10000 }
      ]
    })
    expect(d.timeline.map((o) => [o.orderedAt.slice(0, 10), o.totalFen, o.isReturn])).toEqual([
      ['2026-10-03', -5000, true],
      ['2026-10-01', 20000, false],
      ['2026-09-11', 10000, false],
      ['2026-09-01', 30000, false]
    ])
    expect(d.timeline[0].lines[0]).toMatchObject({ category: '奶粉', amountFen: -5000, isReturn: true })
  })

  it('answers NOT_FOUND for an unknown id', async () => {
    const { call } = shop()
    expect(await call('customers.get', { id: 999 })).toMatchObject({ ok: false, code: 'NOT_FOUND', key: 'customerNotFound', params: { id: 999 } })
  })

  it('adds a contact entry dated today by the staff member in the settings', async () => {
    const { ids, ok, call } = shop()
    await call('settings.update', { staffName: '小周' })
    const entry = await ok('customers.addContact', { id: ids[0], kind: 'call', outcome: 'reached', note: '奶粉快吃完了' })
    expect(entry).toEqual({ id: expect.any(Number), at: '2026-11-23', kind: 'call', outcome: 'reached', note: '奶粉快吃完了', staff: '小周', campaignId: null })
    expect((await ok<CustomerDetail>('customers.get', { id: ids[0] })).contacts).toHaveLength(1)
  })
})

describe('customers.update and undoLastChange', () => {
  it('normalises the phone, keeps every changed field in the history and undoes the last save whole', async () => {
    const { ids, ok, call } = shop()
    await call('settings.update', { maskPhones: false })
    await ok('customers.update', { id: ids[0], patch: { birthday: '1990-02-03' } })
    const d = await ok<CustomerDetail>('customers.update', {
      id: ids[0],
      patch: { phone: '+86 137-0000-1111', address: '上海市浦东新区世纪大道1号', tags: ['新手妈妈'], name: '王静' }
    })
    expect(d.profile.identities.find((i) => i.kind === 'phone')?.value).toBe('13700001111')
    expect(d.profile.region).toEqual({ province: '上海市', city: '上海市', district: '浦东新区' })
    // the unchanged name is not written down
    expect(d.history.map((h) => [h.field, h.oldValue, h.newValue, h.at])).toEqual([
      ['tags', '[]', '["新手妈妈"]', '2026-11-23'],
      ['phone', '13812348000', '13700001111', '2026-11-23'],
      ['address', '浙江省杭州市西湖区文三路12号', '上海市浦东新区世纪大道1号', '2026-11-23'],
      ['birthday', null, '1990-02-03', '2026-11-23']
    ])
    const back = await ok<CustomerDetail>('customers.undoLastChange', { id: ids[0] })
    expect(back.profile.identities.find((i) => i.kind === 'phone')?.value).toBe('13812348000')
    expect(back.profile.address).toBe('浙江省杭州市西湖区文三路12号')
    expect(back.profile.tags).toEqual([])
    expect(back.profile.birthday).toBe('1990-02-03')
    expect(back.history.filter((h) => h.undoneAt !== null)).toHaveLength(3)
  })

  it.each([
    [{ phone: '12345' }, 'BAD_INPUT', () => ({ key: 'phoneInvalid', params: { value: '12345' } })],
    [{ birthday: '1990-02-30' }, 'BAD_INPUT', () => ({})],
    [{ gender: 'x' }, 'BAD_INPUT', () => ({})],
    [{ phone: '13912348000' }, 'CONFLICT', (ids: number[]) => ({ key: 'phoneTaken', params: { value: '13912348000', owner: ids[1] } })]
  ])('refuses %j with %s', async (patch, code, refusal) => {
    const { ids, call } = shop()
    expect(await call('customers.update', { id: ids[0], patch })).toMatchObject({ ok: false, code, ...refusal(ids) })
  })

  it('masks phones in the history when the setting says so', async () => {
    const { ids, ok } = shop()
    const d = await ok<CustomerDetail>('customers.update', { id: ids[0], patch: { phone: '13700001111' } })
    expect(d.history.map((h) => [h.oldValue, h.newValue])).toEqual([['138****8000', '137****1111']])
  })

  it('says there is nothing to undo on a fresh file', async () => {
    const { ids, call } = shop()
    expect(await call('customers.undoLastChange', { id: ids[2] })).toMatchObject({ ok: false, code: 'NOT_FOUND', key: 'nothingToUndo' })
  })
})

describe('duplicates, merge and undoMerge', () => {
  it('suggests two customers with the same name and phone tail', async () => {
    const { ids, ok } = shop()
    const pairs = await ok<DuplicatePair[]>('customers.duplicates', {})
    expect(pairs).toEqual([{ aId: ids[0], bId: ids[1], aName: '王静', bName: '王静', reason: 'name_phone_tail', detail: expect.stringContaining('8000') }])
  })

  it("suggests a phone written in another customer's notes and a buyer id used as a card", async () => {
    const { ids, ok, ctx } = shop()
    ctx.db.prepare("UPDATE customers SET notes = '她女儿的电话 139 1234 8000' WHERE id = ?").run(ids[2])
    ctx.db.prepare("INSERT INTO customer_identities (customer_id, kind, value) VALUES (?, 'buyer', 'VIP001')").run(ids[2])
    const pairs = await ok<DuplicatePair[]>('customers.duplicates', {})
    expect(pairs.map((p) => [p.aId, p.bId, p.reason])).toEqual([
      [ids[0], ids[2], 'buyer_across_kinds'],
      [ids[0], ids[1], 'name_phone_tail'],
      [ids[1], ids[2], 'phone_in_notes']
    ])
  })

  it('moves sales and identities to the keeper, and the undo restores both files exactly', async () => {
    const { ids, ok, ctx } = shop()
    ctx.db.prepare("INSERT INTO customer_tags (customer_id, tag) VALUES (?, '网购')").run(ids[1])
    ctx.db.prepare("INSERT INTO contact_log (customer_id, at, kind) VALUES (?, '2026-11-01', 'sms')").run(ids[1])
    ctx.db.prepare("UPDATE customers SET consent_sms = 0, birthday = '1991-01-01' WHERE id = ?").run(ids[1])
    const snapshot = () =>
      JSON.stringify(
        [
          'customers',
          'customer_identities',
          'customer_names',
          'customer_addresses',
          'customer_tags',
          'orders',
          'order_lines',
          'contact_log',
          'customer_summaries'
        ].map((t) => ctx.db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all())
      )
    const before = snapshot()
    const m = await ok<MergeEntry>('customers.merge', { keepId: ids[0], mergeId: ids[1] })
    const kept = await ok<CustomerDetail>('customers.get', { id: ids[0] })
    expect(kept.figures.orders).toBe(4)
    expect(kept.figures.spendFen).toBe(63000)
    expect(kept.profile.identities.map((i) => i.value).sort()).toEqual(['13812348000', '13912348000', 'VIP001', 'tb_wj'])
    expect(kept.profile.tags).toEqual(['网购'])
    expect(kept.profile.birthday).toBe('1991-01-01')
    expect(kept.profile.consent.sms).toBe(false)
    expect(kept.profile.channels).toEqual(['online', 'store'])
    expect(kept.contacts).toHaveLength(1)
    const list = await ok<{ total: number }>('customers.list', {})
    expect(list.total).toBe(2)
    const undone = await ok<MergeEntry>('customers.undoMerge', { mergeId: m.id })
    expect(undone.undoneAt).toBe('2026-11-23')
    expect(snapshot()).toBe(before)
    expect((await ok<{ total: number }>('customers.list', { search: 'tb_wj' })).total).toBe(1)
  })

  it('writes the merge and its undo to the audit trail by id, with no name or phone', async () => {
    const { ids, ok, ctx, call } = shop()
    await call('settings.update', { staffName: '小周' })
    const m = await ok<MergeEntry>('customers.merge', { keepId: ids[0], mergeId: ids[1] })
    await ok('customers.undoMerge', { mergeId: m.id })
    const audit = ctx.db.prepare('SELECT at, staff, action, detail FROM audit_log ORDER BY id').all()
    expect(audit).toEqual([
      { at: '2026-11-23T12:00:00', staff: '小周', action: 'settings', detail: 'staffName' },
      { at: '2026-11-23T12:00:00', staff: '小周', action: 'merge', detail: `merge ${m.id}: customer ${ids[1]} into ${ids[0]}, 1 orders moved` },
      { at: '2026-11-23T12:00:00', staff: '小周', action: 'undo-merge', detail: `merge ${m.id} undone: customer ${ids[1]} separated from ${ids[0]}` }
    ])
  })

  it('refuses to merge a customer into itself or undo a merge twice', async () => {
    const { ids, call, ok } = shop()
    expect(await call('customers.merge', { keepId: ids[0], mergeId: ids[0] })).toMatchObject({ ok: false, code: 'BAD_INPUT', key: 'selfMerge' })
    const m = await ok<MergeEntry>('customers.merge', { keepId: ids[0], mergeId: ids[1] })
    await ok('customers.undoMerge', { mergeId: m.id })
    expect(await call('customers.undoMerge', { mergeId: m.id })).toMatchObject({ ok: false, code: 'CONFLICT', key: 'mergeAlreadyUndone' })
  })
})

describe('customers.erase', () => {
  it('deletes personal data for good, keeps anonymous sales and writes an audit line without personal data', async () => {
    const { ids, ok, ctx, call } = shop()
    await ok('customers.addContact', { id: ids[0], kind: 'call', note: '住在文三路' })
    await ok('customers.update', { id: ids[0], patch: { notes: '对牛奶过敏' } })
    const revenue = () => ctx.db.prepare('SELECT sum(amount_fen) FROM order_lines').pluck().get()
    const before = revenue()
    expect(await call('customers.erase', { id: ids[0] })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    await ok('customers.erase', { id: ids[0], confirm: true })
    expect(revenue()).toBe(before)
    const row = ctx.db.prepare('SELECT name, address, province, notes, birthday, erased_at FROM customers WHERE id = ?').get(ids[0])
    expect(row).toEqual({ name: null, address: null, province: null, notes: null, birthday: null, erased_at: '2026-11-23' })
    for (const t of ['customer_identities', 'customer_names', 'customer_addresses', 'customer_tags', 'customer_children']) {
      expect(ctx.db.prepare(`SELECT count(*) FROM ${t} WHERE customer_id = ?`).pluck().get(ids[0])).toBe(0)
    }
    expect(ctx.db.prepare('SELECT note FROM contact_log WHERE customer_id = ?').pluck().all(ids[0])).toEqual([null])
    expect(ctx.db.prepare('SELECT old_value, new_value FROM change_history WHERE customer_id = ?').all(ids[0])).toEqual([{ old_value: null, new_value: null }])
    expect(ctx.db.prepare('SELECT count(*) FROM orders WHERE customer_id = ?').pluck().get(ids[0])).toBe(4)
    const audit = ctx.db.prepare('SELECT action, detail FROM audit_log').all()
    // one line per action, none with the note's or the profile's text
    expect(audit).toEqual([
      { action: 'contact', detail: `customer ${ids[0]}: call logged as contact 1` },
      { action: 'customer-edit', detail: `customer ${ids[0]}: notes edited` },
      { action: 'erase', detail: JSON.stringify({ customerId: ids[0], orders: 4 }) }
    ])
    expect(JSON.stringify(ctx.db.prepare('SELECT * FROM customer_search').all())).not.toContain('王静'.repeat(1) + '\u001f' + '13812348000')
    expect((await ok<{ total: number }>('customers.list', { search: '13812348000' })).total).toBe(0)
    expect((await ok<{ total: number }>('customers.list', {})).total).toBe(2)
  })
})

describe('customers.export', () => {
  it('writes CSV with a BOM, masked phones and neutralised formula cells', async () => {
    const { ids, ok, ctx } = shop()
    ctx.db.prepare('UPDATE customers SET name = \'=HYPERLINK("x")\' WHERE id = ?').run(ids[2])
    const r = await ok<{ rows: number; base64: string; fileName: string }>('customers.export', { format: 'csv' })
    const bytes = Buffer.from(r.base64, 'base64')
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = bytes.subarray(3).toString('utf8').trim().split('\r\n')
    expect(r.rows).toBe(3)
    expect(r.fileName).toBe('顾客-2026-11-23.csv')
    expect(lines[0]).toBe('编号,姓名,手机,会员卡号,生命周期,订单数,消费金额(元),最近购买,省份,城市,标签,渠道')
    expect(lines[1]).toBe(`${ids[1]},王静,139****8000,,活跃期,1,80.00,2026-11-20,浙江省,杭州市,,网店`)
    expect(lines[3]).toBe(`${ids[2]},"'=HYPERLINK(""x"")",,VIP003,,0,0.00,,,,,`)
  })

  it('carries whole phone numbers only when this export asks, and the audit log says which each file carried', async () => {
    const { ids, ok, ctx } = shop()
    const whole = await ok<{ base64: string }>('customers.export', { format: 'csv', fullPhones: true })
    const lines = Buffer.from(whole.base64, 'base64').subarray(3).toString('utf8').trim().split('\r\n')
    expect(lines[1]).toBe(`${ids[1]},王静,13912348000,,活跃期,1,80.00,2026-11-20,浙江省,杭州市,,网店`)
    await ok('customers.export', { format: 'xlsx', search: '李娜' })
    const audit = ctx.db.prepare("SELECT detail FROM audit_log WHERE action = 'export' ORDER BY id").pluck().all()
    expect(audit).toEqual(['customer list: 3 rows, csv, whole phone numbers 完整手机号', 'customer list: 1 rows, xlsx, phones masked 手机号已打码'])
    // the screen keeps masking
    const list = await ok<{ rows: { phone: string | null }[] }>('customers.list', { search: '王静' })
    expect(list.rows.map((r) => r.phone).sort()).toEqual(['138****8000', '139****8000'])
  })

  it('writes an xlsx a spreadsheet can read back, filtered like the list', async () => {
    const { ok } = shop()
    const r = await ok<{ rows: number; base64: string }>('customers.export', { format: 'xlsx', search: '李娜' })
    const ExcelJS = (await import('exceljs')).default
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(r.base64, 'base64') as never)
    const sheet = book.getWorksheet('顾客')!
    expect(r.rows).toBe(1)
    expect(sheet.getRow(2).getCell(2).value).toBe('李娜')
    expect(sheet.getRow(2).getCell(4).value).toBe('VIP003')
  })
})
