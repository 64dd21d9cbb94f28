/**
 * A hand-worked shop for the segment tests, as of 2026-11-23. Ten buyers A–J and three people
 * who never bought (K, L targeted, N tagged). Every figure below is worked out by hand in
 * schemes.test.ts.
 *
 *   name days-since-last orders spend(元) province  channel       notes
 *   A    5              6      1200      浙江省     store+online  3 categories, tag 新手妈妈, born 1990-03
 *   B    5              1        50      浙江省     store         referred D; tag 二胎妈妈; no SMS; born 1992-03
 *   C    20             3       300      浙江省     online        no phone calls; born 1988-12
 *   D    40             2       100      浙江省     online        referred by B
 *   E    100            4       800      浙江省     store
 *   F    100            1       900      江苏省     store
 *   G    200            2       150      江苏省     store         buys 米粉
 *   H    300            5       600      江苏省     store
 *   I    400            1      1000      江苏省     store
 *   J    700            3       300      江苏省     store         buys 纸尿裤
 *   K    –              0         0      –          –             referred by C (K never bought)
 *   L    –              0         0      –          –             targeted
 *   N    –              0         0      –          –             tag 价格敏感
 * Orders of one customer are 10 days apart, the newest `days-since-last` before the as-of date.
 */
import type { Db } from '../../../electron/db/driver'
import { LedgerWriter } from '../../../electron/services/ledger/ledger-writer'
import { addDays } from '../../../shared/domain/dates'

export const AS_OF = '2026-11-23'

interface Buyer {
  name: string
  days: number
  orders: number
  spendYuan: number
  province: string
  online?: 'all' | 'first'
  products?: ('P1' | 'P2' | 'P3')[]
}

export const buyers: Buyer[] = [
  { name: 'A', days: 5, orders: 6, spendYuan: 1200, province: '浙江省', online: 'first', products: ['P1', 'P2', 'P3'] },
  { name: 'B', days: 5, orders: 1, spendYuan: 50, province: '浙江省' },
  { name: 'C', days: 20, orders: 3, spendYuan: 300, province: '浙江省', online: 'all' },
  { name: 'D', days: 40, orders: 2, spendYuan: 100, province: '浙江省', online: 'all' },
  { name: 'E', days: 100, orders: 4, spendYuan: 800, province: '浙江省' },
  { name: 'F', days: 100, orders: 1, spendYuan: 900, province: '江苏省' },
  { name: 'G', days: 200, orders: 2, spendYuan: 150, province: '江苏省', products: ['P3'] },
  { name: 'H', days: 300, orders: 5, spendYuan: 600, province: '江苏省' },
  { name: 'I', days: 400, orders: 1, spendYuan: 1000, province: '江苏省' },
  { name: 'J', days: 700, orders: 3, spendYuan: 300, province: '江苏省', products: ['P2'] }
]

const products = {
  P1: { code: '690001', name: '婴儿配方奶粉 1段', category: '奶粉' },
  P2: { code: '690002', name: '纸尿裤 M码', category: '纸尿裤' },
  P3: { code: '690003', name: '婴儿米粉', category: '辅食' }
}

/** Load the fixture; answers customer ids by name. */
export function loadFixture(db: Db): Record<string, number> {
  const ids: Record<string, number> = {}
  db.transaction(() => {
    const batch = LedgerWriter.createBatch(db, { fileName: 'fixture', fileSize: 0, fileHash: 'fixture', importedAt: `${AS_OF}T00:00:00`, format: 'demo' })
    const w = new LedgerWriter(db, batch)
    const pid = Object.fromEntries(Object.entries(products).map(([k, p]) => [k, w.productId(p.code, p.name, p.category)]))
    for (const b of buyers) {
      const firstDay = addDays(AS_OF, -(b.days + 10 * (b.orders - 1)))
      const { customerId } = w.resolveCustomer(
        [
          { kind: 'card', value: `VIP-${b.name}` },
          { kind: 'phone', value: `1380000000${'ABCDEFGHIJ'.indexOf(b.name)}` }
        ],
        {
          name: b.name,
          province: b.province,
          city: b.province === '浙江省' ? '杭州市' : '南京市',
          district: b.province === '浙江省' ? '西湖区' : '鼓楼区',
          seenAt: `${firstDay}T09:00:00`
        }
      )
      ids[b.name] = customerId
      const each = (b.spendYuan * 100) / b.orders
      for (let i = 0; i < b.orders; i++) {
        const day = addDays(AS_OF, -(b.days + 10 * i))
        const online = b.online === 'all' || (b.online === 'first' && i === b.orders - 1)
        const orderId = w.orderId({ externalId: `${b.name}${i}`, orderedAt: `${day}T10:00:00`, customerId, channel: online ? 'online' : 'store' })
        const list = b.products ?? ['P1']
        const p = list[i % list.length]
        w.addLine({ orderId, customerId, productId: pid[p], quantity: 1, unitPriceFen: each, amountFen: each, contentKey: `${b.name}${i}` })
      }
    }
    for (const name of ['K', 'L', 'N']) {
      ids[name] = w.resolveCustomer([{ kind: 'card', value: `VIP-${name}` }], { name, seenAt: '2026-01-01T09:00:00' }).customerId
    }
    w.finish()
  })()
  const set = (sql: string, ...args: unknown[]) => db.prepare(sql).run(...args)
  set("UPDATE customers SET birthday = '1990-03-15', age_band = '26-35岁' WHERE id = ?", ids.A)
  set("UPDATE customers SET birthday = '1992-03-01', age_band = '26-35岁', consent_sms = 0 WHERE id = ?", ids.B)
  set("UPDATE customers SET birthday = '1988-12-30', age_band = '36-45岁', consent_phone = 0 WHERE id = ?", ids.C)
  set('UPDATE customers SET referred_by = ? WHERE id = ?', ids.B, ids.D)
  set('UPDATE customers SET referred_by = ? WHERE id = ?', ids.C, ids.K)
  set('UPDATE customers SET targeted = 1 WHERE id = ?', ids.L)
  const tag = db.prepare('INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)')
  tag.run(ids.A, '新手妈妈')
  tag.run(ids.B, '二胎妈妈')
  tag.run(ids.N, '价格敏感')
  return ids
}

/** Names for a list of ids, sorted: readable expectations. */
export function namesOf(ids: number[], byName: Record<string, number>): string[] {
  const byId = new Map(Object.entries(byName).map(([n, id]) => [id, n]))
  return ids.map((id) => byId.get(id) ?? `#${id}`).sort()
}
