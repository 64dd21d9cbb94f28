/**
 * Member lists (会员资料, issue 17): detected by their columns, resolved through the same
 * identities as sales in either order, re-imported field by field, staff edits kept and
 * listed, undone as a whole. Figures worked out by hand from tests/fixtures/imports/members-gbk.csv.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import iconv from 'iconv-lite'
import { freshDb, testContext, testDispatch } from '../../helpers/db'
import type { Db } from '../../../electron/db/driver'
import { undoBatch } from '../../../electron/services/imports/batches'
import { updateCustomer } from '../../../electron/services/customers/edit-service'
import { previewTable } from '../../../electron/services/imports/preview'
import { openTable } from '../../../electron/services/imports/table-source'
import type { StatsSummary } from '../../../shared/schemas/stats'
import { fixture, importBytes, importFixture, importText } from './helpers'

const byCard = (db: Db, card: string) =>
  db
    .prepare(
      `SELECT c.id, c.name, c.gender, c.birthday, c.birthday_lunar AS lunar, c.member_since AS since, c.pos_tier AS tier, c.points_balance AS points,
              c.stored_value_fen AS stored, c.member_as_of AS asOf, c.notes, c.consent_sms AS sms, c.consent_mail AS mail,
              (SELECT value FROM customer_identities r WHERE r.customer_id = c.referred_by AND r.kind = 'card') AS referrer
       FROM customers c JOIN customer_identities i ON i.customer_id = c.id AND i.kind = 'card' WHERE i.value = ?`
    )
    .get(card) as Record<string, unknown> | undefined

const people = (db: Db) =>
  db
    .prepare(
      `SELECT i.value AS card, c.name, (SELECT value FROM customer_identities r WHERE r.customer_id = c.referred_by AND r.kind = 'card') AS referrer
       FROM customers c JOIN customer_identities i ON i.customer_id = c.id AND i.kind = 'card' ORDER BY i.value`
    )
    .all()

/** The GBK member list with one cell changed. */
function editedList(from: string, to: string): Buffer {
  const text = iconv.decode(readFileSync(fixture('members-gbk.csv')), 'gb18030').replace(from, to)
  return iconv.encode(text, 'gb18030')
}

const SALES = '会员卡号,销售时间,商品名称,实收金额\nK001,2026-01-05 10:00,奶粉,268\nK999,2026-02-01 10:00,湿巾,20\n'

describe('a member list (GBK, title row, lunar birthdays)', () => {
  it('is detected as members, says why, and maps the member fields', async () => {
    const table = await openTable(readFileSync(fixture('members-gbk.csv')), {})
    const p = previewTable(null, table, 'members-gbk.csv', {}, '2026-11-23')
    expect(p.kind).toBe('members')
    expect(p.kindReason.zh).toContain('会员资料')
    expect(p.kindReason.zh).toContain('“会员卡号”')
    expect(p.headerRow).toBe(2)
    expect(p.mapping).toMatchObject({
      card: '会员卡号',
      birthday: '生日',
      birthdayCalendar: '生日类型',
      memberSince: '开卡日期',
      posTier: '会员等级',
      points: '可用积分',
      storedValue: '储值余额',
      referrer: '推荐人',
      childName: '宝宝姓名'
    })
  })

  it('creates the five members, rejects the 2月30日 row, links two referrers, keeps one pending and ignores a self-referral', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'members-gbk.csv')
    expect(r).toMatchObject({
      kind: 'members',
      rowsRead: 6,
      rowsImported: 5,
      rowsRejected: 1,
      customersCreated: 5,
      customersUpdated: 0,
      birthdays: { solar: 3, lunar: 2 },
      children: 2,
      referrersLinked: 2,
      referrersPending: 1,
      fieldConflicts: 0,
      totalFen: 0
    })
    expect(r.errors).toEqual([{ row: 6, column: '生日', value: '2月30日', reason: '日期不存在：2月30日 (no such date)' }])
    expect(r.notices).toEqual([{ row: 7, column: '推荐人', value: 'K005', reason: '推荐人是会员本人，已忽略 (a member cannot refer itself: ignored)' }])
    expect(byCard(db, 'K001')).toMatchObject({
      name: '王芳',
      gender: 'f',
      birthday: '1990-03-05',
      lunar: 1,
      since: '2020-01-02',
      tier: '金卡',
      points: 1200,
      stored: 38850,
      asOf: '2026-11-23',
      notes: '爱买奶粉'
    })
    expect(byCard(db, 'K002')).toMatchObject({ gender: 'f', birthday: '1988-07-21', lunar: 0, referrer: 'K001' })
    // 推荐人 13800138000 is K001's phone
    expect(byCard(db, 'K003')).toMatchObject({ gender: 'm', birthday: '08-15', lunar: 1, referrer: 'K001' })
    expect(byCard(db, 'K005')).toMatchObject({ referrer: null })
    expect(byCard(db, 'K004')).toBeUndefined()
    const k1 = byCard(db, 'K001')!.id
    expect(db.prepare('SELECT name, birthday FROM customer_children WHERE customer_id = ? ORDER BY birthday').all(k1)).toEqual([
      { name: '小宝', birthday: '2022-05-06' },
      { name: '二宝', birthday: '2024-08-01' }
    ])
    expect(db.prepare('SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY tag').pluck().all(k1)).toEqual(['宝妈', '常客'].sort())
    expect(db.prepare('SELECT kind, value FROM pending_referrers').all()).toEqual([{ kind: 'card', value: 'K999' }])
    // a member list never writes sales
    expect(db.prepare('SELECT count(*) FROM order_lines').pluck().get()).toBe(0)
  })

  it('lands on the same people whether the sales come before or after it', async () => {
    const a = freshDb()
    await importFixture(a, 'members-gbk.csv')
    const salesAfter = await importText(a, SALES)
    expect(salesAfter).toMatchObject({ customersCreated: 1, customersMatched: 1, referrersLinked: 1 })

    const b = freshDb()
    await importText(b, SALES)
    const membersAfter = await importFixture(b, 'members-gbk.csv')
    expect(membersAfter).toMatchObject({ customersCreated: 4, customersMatched: 1, referrersLinked: 3, referrersPending: 0 })
    expect(people(a)).toEqual(people(b))
    expect(people(a)).toHaveLength(6)
    expect(byCard(b, 'K006')).toMatchObject({ referrer: 'K999' })
  })

  it('re-imported with one cell changed updates exactly that field, and undo restores it', async () => {
    const db = freshDb()
    await importFixture(db, 'members-gbk.csv')
    const again = await importBytes(db, 'members-gbk.csv', editedList('银卡,350,0', '银卡,400,0'))
    expect(again).toMatchObject({ customersCreated: 0, customersUpdated: 1, customersUnchanged: 4, fieldConflicts: 0, children: 0 })
    expect(byCard(db, 'K002')).toMatchObject({ points: 400 })
    expect(db.prepare('SELECT field, old_value, new_value FROM batch_field_changes WHERE batch_id = ?').all(again.batchId)).toEqual([
      { field: 'pointsBalance', old_value: '350', new_value: '400' }
    ])
    const u = undoBatch(db, again.batchId, '2026-11-23T12:00:00')
    expect(u).toMatchObject({ customersRemoved: 0, fieldsRestored: 1 })
    expect(byCard(db, 'K002')).toMatchObject({ points: 350 })
  })

  it('keeps a value staff edited after the import and lists the file value as a conflict; an empty cell erases nothing', async () => {
    const db = freshDb()
    await importFixture(db, 'members-gbk.csv')
    const id = byCard(db, 'K001')!.id as number
    updateCustomer(db, id, { name: '王芳芳' }, { at: '2026-11-23T11:00:00', staff: '店长' })
    const again = await importBytes(db, 'members-gbk.csv', editedList(',爱买奶粉,', ',,'))
    expect(again.fieldConflicts).toBe(1)
    expect(again.conflicts).toEqual([
      { row: 3, customerId: id, field: '会员姓名', fileValue: '王芳', keptValue: '王芳芳', reason: 'staffEdit', take: { name: '王芳' } }
    ])
    expect(byCard(db, 'K001')).toMatchObject({ name: '王芳芳', notes: '爱买奶粉' })
  })

  it('undoing the first import removes the customers it created, their children, tags and pending referrers', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'members-gbk.csv')
    const u = undoBatch(db, r.batchId, '2026-11-23T12:00:00')
    expect(u).toMatchObject({ customersRemoved: 5, customersKept: 0, linesRemoved: 0 })
    for (const t of ['customers', 'customer_children', 'customer_tags', 'pending_referrers', 'customer_identities', 'customer_names']) {
      expect(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()).toBe(0)
    }
  })

  it('undoing a member list that filled in customers from sales gives their old fields back and keeps them', async () => {
    const db = freshDb()
    await importText(db, SALES)
    const r = await importFixture(db, 'members-gbk.csv')
    undoBatch(db, r.batchId, '2026-11-23T12:00:00')
    expect(byCard(db, 'K001')).toMatchObject({ name: null, birthday: null, points: null, tier: null })
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(2)
  })
})

describe('bad member rows', () => {
  it('imports a row whose phone has 10 digits or is no mainland number, and names the row and phone in the notices', async () => {
    const db = freshDb()
    const text = iconv
      .decode(readFileSync(fixture('members-gbk.csv')), 'gb18030')
      .replace('13900139000', '88886666')
      .replace('13400134000', '1340013400')
    const r = await importBytes(db, 'members-odd-phones.csv', iconv.encode(text, 'gb18030'))
    expect(r).toMatchObject({ rowsImported: 5, rowsRejected: 1, customersCreated: 5 })
    expect(r.notices).toEqual([
      {
        row: 4,
        column: '手机号码',
        value: '88886666',
        reason: '不像中国大陆手机号或带区号的座机号，请核对 (not a mainland mobile or a landline with area code)'
      },
      { row: 8, column: '手机号码', value: '1340013400', reason: '手机号应为 11 位，这里是 10 位，请核对 (a mobile number has 11 digits, this one 10)' },
      { row: 7, column: '推荐人', value: 'K005', reason: '推荐人是会员本人，已忽略 (a member cannot refer itself: ignored)' }
    ])
    expect(byCard(db, 'K006')).toMatchObject({ name: '刘洋' })
  })
  const head = '会员卡号,会员姓名,生日\n'
  it('rejects impossible birthdays with row, column, value and reason, and imports the rest', async () => {
    const db = freshDb()
    const r = await importText(db, head + 'A1,甲,农历十三月初一\nA2,乙,2030-01-01\nA3,丙,1990-02-29\nA4,丁,农历1990年三月初五\nA5,戊,1990-03-05(农历)\n')
    expect(r.errors.map((e) => [e.row, e.column, e.value, e.reason])).toEqual([
      [2, '生日', '农历十三月初一', '农历没有13月 (no lunar month 13)'],
      [3, '生日', '2030-01-01', '生日在将来 (birthday in the future)'],
      [4, '生日', '1990-02-29', '日期不存在：2月29日 (no such date)']
    ])
    expect(r).toMatchObject({ rowsImported: 2, birthdays: { solar: 0, lunar: 2 } })
    expect(byCard(db, 'A4')).toMatchObject({ birthday: '1990-03-05', lunar: 1 })
    expect(byCard(db, 'A5')).toMatchObject({ birthday: '1990-03-05', lunar: 1 })
  })

  it('updates one customer when one card carries two names, and lists the second name', async () => {
    const db = freshDb()
    const r = await importText(db, head + 'B1,周杰,\nB1,周洁,\n')
    expect(r).toMatchObject({ customersCreated: 1, fieldConflicts: 1 })
    expect(r.conflicts[0]).toMatchObject({
      row: 3,
      field: '会员姓名',
      fileValue: '周洁',
      keptValue: '周杰',
      reason: 'sameCardOtherName',
      take: { name: '周洁' }
    })
    expect(db.prepare('SELECT count(*) FROM customers').pluck().get()).toBe(1)
    expect(byCard(db, 'B1')).toMatchObject({ name: '周杰' })
  })

  it('imports as sales when told to, and then says which column is missing', async () => {
    const db = freshDb()
    await expect(importFixture(db, 'members-gbk.csv', { kind: 'sales' })).rejects.toMatchObject({ code: 'BAD_INPUT', key: 'noDateColumn' })
  })
})

describe('English member exports', () => {
  it("reads Shopify's customers export: names, email marketing and SMS consent, tags, note, address", async () => {
    const db = freshDb()
    const r = await importFixture(db, 'shopify-customers.csv')
    expect(r).toMatchObject({ kind: 'members', rowsImported: 3, customersCreated: 3, rowsRejected: 0 })
    // the email, not Customer ID, is the identity: Shopify's orders export carries only the email
    expect(r.mapping.externalId).toBe('Email')
    const emma = db
      .prepare(
        "SELECT c.* FROM customers c JOIN customer_identities i ON i.customer_id = c.id WHERE i.kind = 'external' AND i.value = 'emma.wilson@example.com'"
      )
      .get() as Record<string, unknown>
    expect(emma).toMatchObject({ name: 'Emma Wilson', consent_mail: 1, consent_sms: 0, notes: 'Prefers email', address: '12 Oak Street' })
    expect(db.prepare('SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY tag').pluck().all(emma.id)).toEqual(['VIP', 'newsletter'])
    const liam = db.prepare("SELECT c.* FROM customers c WHERE name = 'Liam Chen'").get() as Record<string, unknown>
    expect(liam).toMatchObject({ consent_mail: 0, consent_sms: 1 })
  })

  it("reads Square's customer directory: birthdays with and without a year, creation date, email subscription", async () => {
    const db = freshDb()
    const r = await importFixture(db, 'square-customers.csv')
    expect(r).toMatchObject({ kind: 'members', rowsImported: 2, customersCreated: 2, rowsRejected: 1, birthdays: { solar: 2, lunar: 0 } })
    expect(r.errors[0]).toMatchObject({ row: 3, column: 'Birthday', value: '1987-13-02' })
    expect(r.mapping).toMatchObject({
      externalId: 'Square Customer ID',
      phone: 'Phone Number',
      birthday: 'Birthday',
      memberSince: 'Creation Date',
      consentEmail: 'Email Subscription Status'
    })
    const rows = db.prepare('SELECT name, birthday, member_since AS since, consent_mail AS mail, notes FROM customers ORDER BY id').all()
    expect(rows).toEqual([
      { name: 'Olivia Brown', birthday: '1991-02-14', since: '2023-01-05', mail: 1, notes: 'Likes oat milk' },
      { name: 'Ava Miller', birthday: '04-22', since: '2025-06-01', mail: 0, notes: null }
    ])
  })
})

describe('what a member list brings to the rest of the app', () => {
  it('puts never-buying members on the prospect step, a referrer of a buyer on the advocate step, and counts birthdays', async () => {
    const ctx = testContext('2026-11-23')
    await importFixture(ctx.db, 'members-gbk.csv')
    await importText(ctx.db, '会员卡号,销售时间,商品名称,实收金额\nK002,2026-10-05 10:00,奶粉,268\n')
    const call = testDispatch(ctx)
    const s = await call('stats.summary', {})
    if (!s.ok) throw new Error(s.message)
    const data = s.data as StatsSummary
    // K002 bought and was referred by K001 → K001 advocate; K002 first-time; K003, K005, K006 prospects
    expect(data.ladder).toEqual({ prospect: 3, target: 0, firstTime: 1, repeat: 0, core: 0, advocate: 1 })
    expect(data).toMatchObject({ customers: 5, withBirthday: 5, lunarBirthdays: 2 })
  })

  it('answers rules on points, stored value, member-since days and the POS tier', async () => {
    const ctx = testContext('2026-11-23')
    await importFixture(ctx.db, 'members-gbk.csv')
    const call = testDispatch(ctx)
    const count = async (rule: unknown) => {
      const r = await call('segments.count', { rule })
      if (!r.ok) throw new Error(r.message)
      return (r.data as { count: number }).count
    }
    expect(await count({ field: 'pointsBalance', op: '>=', value: 350 })).toBe(2) // K001 1200, K002 350
    expect(await count({ field: 'storedValueFen', op: '>', value: 0 })).toBe(2) // K001 388.50, K003 50
    // K006 opened 2023-05-05: 1,298 days before 2026-11-23; the others longer ago
    expect(await count({ field: 'memberSinceDays', op: '<', value: 1299 })).toBe(1)
    expect(await count({ field: 'posTier', op: '=', value: '普通会员' })).toBe(3)
    expect(await count({ field: 'birthdayMonth', op: '=', value: 8 })).toBe(1) // K003's year-less 08-15
  })
})

describe('the customer file after a member list', () => {
  it('shows the POS figures with their date, and a staff edit of points wins over the next list', async () => {
    const ctx = testContext('2026-11-23')
    await importFixture(ctx.db, 'members-gbk.csv')
    const call = testDispatch(ctx)
    const k1 = byCard(ctx.db, 'K001')!.id as number
    const got = await call('customers.get', { id: k1 })
    if (!got.ok) throw new Error(got.message)
    const profile = (got.data as { profile: Record<string, unknown> }).profile
    expect(profile.member).toEqual({
      since: '2020-01-02',
      posTier: '金卡',
      pointsBalance: 1200,
      storedValueFen: 38850,
      asOf: '2026-11-23',
      pendingReferrer: null
    })
    const k6 = byCard(ctx.db, 'K006')!.id as number
    const six = await call('customers.get', { id: k6 })
    if (!six.ok) throw new Error(six.message)
    expect((six.data as { profile: { member: { pendingReferrer: string | null } } }).profile.member.pendingReferrer).toBe('K999')

    const upd = await call('customers.update', { id: k1, patch: { pointsBalance: 1500 } })
    if (!upd.ok) throw new Error(upd.message)
    const again = await importFixture(ctx.db, 'members-gbk.csv')
    expect(again.conflicts).toEqual([
      { row: 3, customerId: k1, field: '可用积分', fileValue: '1200', keptValue: '1500', reason: 'staffEdit', take: { pointsBalance: 1200 } }
    ])
    expect(byCard(ctx.db, 'K001')).toMatchObject({ points: 1500 })

    // staff take the file's value from the result page: the edit channel with the conflict's patch
    const took = await call('customers.update', { id: k1, patch: again.conflicts[0].take })
    if (!took.ok) throw new Error(took.message)
    expect(byCard(ctx.db, 'K001')).toMatchObject({ points: 1200 })
    const third = await importFixture(ctx.db, 'members-gbk.csv')
    expect(third).toMatchObject({ fieldConflicts: 0, customersUpdated: 0 })
  })
})
