/** Small hand-made shops for the customer tests, written through the ledger like a real import. */
import type { Db } from '../../../electron/db/driver'
import { LedgerWriter } from '../../../electron/services/ledger/ledger-writer'
import type { Identity } from '../../../electron/services/ledger/identities'

export interface SeedCustomer {
  identities: Identity[]
  name?: string
  address?: string
  province?: string
  city?: string
  /** [orderedAt, amountFen, category?] per order; a negative amount is a return */
  orders?: [string, number, string?][]
  channel?: 'store' | 'online'
}

/** Write these customers and their orders in one batch; answers their ids in order. */
export function seedCustomers(db: Db, customers: SeedCustomer[], batchName = 'seed.csv'): number[] {
  const ids: number[] = []
  db.transaction(() => {
    const batchId = LedgerWriter.createBatch(db, { fileName: batchName, fileSize: 1, fileHash: batchName, importedAt: '2026-11-01T00:00:00', format: 'csv' })
    const w = new LedgerWriter(db, batchId)
    customers.forEach((c, i) => {
      const firstAt = c.orders?.[0]?.[0] ?? '2026-01-01T10:00:00'
      const { customerId } = w.resolveCustomer(c.identities, {
        name: c.name ?? null,
        address: c.address ?? null,
        province: c.province ?? null,
        city: c.city ?? null,
        seenAt: firstAt
      })
      ids.push(customerId)
      ;(c.orders ?? []).forEach(([at, amount, category], k) => {
        const orderId = w.orderId({ externalId: `${batchName}-${i}-${k}`, orderedAt: at, customerId, channel: c.channel ?? 'store' })
        const productId = w.productId(`P${category ?? 'x'}`, `商品${category ?? 'x'}`, category ?? null)
        w.addLine({
          orderId,
          customerId,
          productId,
          quantity: amount < 0 ? -1 : 1,
          unitPriceFen: Math.abs(amount),
          amountFen: amount,
          contentKey: `${batchName}:${i}:${k}`
        })
      })
    })
    w.finish()
  })()
  return ids
}
