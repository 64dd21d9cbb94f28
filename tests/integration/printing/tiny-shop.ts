/** A handful of customers with known facts, written through the ledger like an import. */
import type { Db } from '../../../electron/db/driver'
import { LedgerWriter } from '../../../electron/services/ledger/ledger-writer'

export interface TinyShop {
  batchId: number
  /** 王芳: two purchases, active, repeat, phone and address */
  wang: number
  /** 李雷: one purchase 3 days ago, first-time, no phone */
  li: number
  /** 张敏: one purchase 267 days ago, sleeping */
  zhang: number
  /** a prospect with no name, no phone, no address and no purchase */
  nobody: number
}

export function tinyShop(db: Db): TinyShop {
  return db.transaction(() => {
    const batchId = LedgerWriter.createBatch(db, { fileName: 'pos-2026-11.csv', fileSize: 1, fileHash: 'h', importedAt: '2026-11-22T20:00:00', format: 'csv' })
    const w = new LedgerWriter(db, batchId)
    const formula = w.productId('6900000000001', '婴儿配方奶粉1段 800g', '奶粉')
    const nappies = w.productId('6900000000002', '纸尿裤 M 码 60 片', '纸尿裤')
    const wipes = w.productId('6900000000003', '婴儿湿巾 80 抽', '洗护')
    const cust = (ids: { kind: 'card' | 'phone'; value: string }[], name: string, address: string | null, at: string) =>
      w.resolveCustomer(ids, { name, address, seenAt: at }).customerId
    const wang = cust([{ kind: 'phone', value: '13812348000' }], '王芳', '上海市徐汇区漕溪北路88号3幢1201室', '2026-10-01T10:00:00')
    const li = cust([{ kind: 'card', value: 'VIP00000002' }], '李雷', '杭州市西湖区文三路9号', '2026-11-20T10:00:00')
    const zhang = cust([{ kind: 'phone', value: '13900001111' }], '张敏', '南京市鼓楼区中山路1号', '2026-03-01T10:00:00')
    const sale = (no: string, at: string, customerId: number, productId: number, fen: number) => {
      const orderId = w.orderId({ externalId: no, orderedAt: at, customerId, address: null })
      w.addLine({ orderId, customerId, productId, quantity: 1, unitPriceFen: fen, amountFen: fen, contentKey: `${no}:${productId}` })
    }
    sale('PS001', '2026-10-01T10:00:00', wang, formula, 26_800)
    sale('PS002', '2026-11-01T10:00:00', wang, nappies, 9_900)
    sale('PS003', '2026-11-20T10:00:00', li, formula, 26_800)
    sale('PS004', '2026-03-01T10:00:00', zhang, wipes, 1_500)
    w.finish()
    db.prepare("UPDATE customers SET gender = 'f' WHERE id IN (?, ?)").run(wang, zhang)
    db.prepare("UPDATE customers SET gender = 'm' WHERE id = ?").run(li)
    const nobody = Number(db.prepare("INSERT INTO customers (name, created_at, updated_at) VALUES (NULL, '2026-11-01', '2026-11-01')").run().lastInsertRowid)
    return { batchId, wang, li, zhang, nobody }
  })()
}
