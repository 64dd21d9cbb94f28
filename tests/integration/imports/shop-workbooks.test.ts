/**
 * Workbooks as a shop's counter software saves them (make-shop-workbooks.ts): a 思迅-style sales
 * export in Excel 97-2003 (BIFF8) and a WPS 会员资料 (.et), through the importer end to end, in
 * either order, to the figures worked by hand in that file.
 */
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../electron/db/driver'
import { freshDb } from '../../helpers/db'
import { importFixture } from './helpers'

const WANG = '6222021234567890123'
const LI = '6222029876543210456'

const customers = (db: Db) =>
  db
    .prepare(
      `SELECT c.name, c.birthday, c.birthday_lunar AS lunar, c.member_since AS since, c.pos_tier AS tier, c.points_balance AS points,
              c.stored_value_fen AS stored, (SELECT value FROM customer_identities r WHERE r.customer_id = c.referred_by AND r.kind = 'card') AS referrer,
              (SELECT group_concat(kind || ':' || value, ' ') FROM (SELECT kind, value FROM customer_identities i WHERE i.customer_id = c.id AND kind IN ('card', 'phone') ORDER BY kind, value)) AS ids,
              s.orders, s.spend_fen AS spend, s.returns_fen AS returns
       FROM customers c LEFT JOIN customer_summaries s ON s.customer_id = c.id ORDER BY c.name`
    )
    .all()

describe('a 思迅 sales export saved as .xls (BIFF8)', () => {
  it('finds the header under the title and 导出时间 rows and stores 6 lines of 747.40 on 4 receipts of 3 customers, a return and a walk-in', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'sixun-sales-biff8.xls')
    expect(r).toMatchObject({
      kind: 'sales',
      format: 'xls',
      headerRow: 3,
      rowsRead: 7,
      rowsImported: 6,
      walkIn: 1,
      rowsRejected: 0,
      customersCreated: 3,
      totalFen: 74740,
      readTotalFen: 75990,
      fileTotalFen: 75990,
      returns: 1
    })
    expect(r.mapping).toMatchObject({ orderId: '小票号', orderedAt: '销售时间', card: '会员卡号', name: '会员姓名', phone: '手机号', amount: '实收金额' })
    expect(db.prepare('SELECT external_id, ordered_at, total_fen FROM orders ORDER BY ordered_at').all()).toEqual([
      { external_id: '0001', ordered_at: '2026-10-03T10:15:00', total_fen: 29300 },
      { external_id: '0002', ordered_at: '2026-10-05T14:40:00', total_fen: 13900 },
      { external_id: '0004', ordered_at: '2026-10-12T16:20:00', total_fen: -1250 },
      { external_id: '0005', ordered_at: '2026-10-15T11:00:00', total_fen: 32790 }
    ])
    // the lines' products by their 13-digit barcodes (written as numbers), whole
    expect(db.prepare('SELECT code FROM products ORDER BY code').pluck().all()).toEqual(['6901234567892', '6901234567893', '6901234567894', '6901234567895'])
  })
})

describe('a WPS member list (.et)', () => {
  it('creates 3 members with their date-cell birthdays (1 solar, 1 lunar), 开卡日期, tiers, points and stored value, and links the referrer', async () => {
    const db = freshDb()
    const r = await importFixture(db, 'wps-members.et')
    expect(r).toMatchObject({
      kind: 'members',
      format: 'xls',
      rowsRead: 3,
      rowsImported: 3,
      rowsRejected: 0,
      customersCreated: 3,
      birthdays: { solar: 1, lunar: 1 },
      referrersLinked: 1,
      referrersPending: 0
    })
    expect(customers(db)).toMatchObject([
      { name: '张伟', birthday: null, since: '2022-06-01', tier: '普通会员', points: 0, stored: 5000, referrer: null },
      { name: '李娜', birthday: '1988-07-21', lunar: 1, since: '2021-03-15', tier: '银卡', points: 350, stored: 0, referrer: WANG },
      { name: '王芳', birthday: '1990-03-05', lunar: 0, since: '2020-01-02', tier: '金卡', points: 1200, stored: 38850, referrer: null }
    ])
  })
})

describe('the .xls sales and the .et member list together', () => {
  for (const order of [
    ['sixun-sales-biff8.xls', 'wps-members.et'],
    ['wps-members.et', 'sixun-sales-biff8.xls']
  ]) {
    // orders counts purchases: 王芳's receipt 0004 is a return (−12.50), in spend and returns
    it(`land on the same 3 customers, 张伟 by his phone, whichever comes first (${order.join(' then ')})`, async () => {
      const db = freshDb()
      for (const file of order) await importFixture(db, file)
      expect(customers(db)).toMatchObject([
        { name: '张伟', ids: 'card:6222020000000000789 phone:13700137000', orders: 1, spend: 32790, stored: 5000 },
        { name: '李娜', ids: `card:${LI} phone:13900139000`, orders: 1, spend: 13900, lunar: 1, referrer: WANG },
        { name: '王芳', ids: `card:${WANG} phone:13800138000`, orders: 1, spend: 28050, returns: -1250, tier: '金卡' }
      ])
    })
  }
})
