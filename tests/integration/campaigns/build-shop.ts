/** Small hand-built shops for campaign tests: customers with known orders, written through the ledger. */
import type { Db } from '../../../electron/db/driver'
import { LedgerWriter } from '../../../electron/services/ledger/ledger-writer'
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc-contract'
import type { Result } from '../../../shared/result'

export interface ShopCustomer {
  card: string
  name?: string
  phone?: string
  /** full address; province/city/district default to 浙江省/杭州市/西湖区 when an address is given */
  address?: string | null
  province?: string | null
  city?: string | null
  district?: string | null
  /** purchase dates (YYYY-MM-DD), each one order of `amountFen` in `category` */
  orders: string[]
  amountFen?: number
  category?: string
}

let batchNo = 0

/** Write customers and their orders as one import batch; answers card → customer id. */
export function buildShop(db: Db, customers: ShopCustomer[], batchName = 'pos.csv'): Map<string, number> {
  const ids = new Map<string, number>()
  db.transaction(() => {
    const batchId = LedgerWriter.createBatch(db, {
      fileName: batchName,
      fileSize: 1,
      fileHash: `h${++batchNo}-${batchName}`,
      importedAt: '2026-11-23T09:00:00',
      format: 'csv'
    })
    const w = new LedgerWriter(db, batchId)
    for (const c of customers) {
      const identities = [{ kind: 'card' as const, value: c.card }, ...(c.phone ? [{ kind: 'phone' as const, value: c.phone }] : [])]
      const hasAddress = c.address !== null
      const address = hasAddress ? (c.address ?? `浙江省杭州市西湖区文三路${c.card.length}号`) : null
      const facts = {
        name: c.name ?? `顾客${c.card}`,
        address,
        province: hasAddress ? (c.province === undefined ? '浙江省' : c.province) : null,
        city: hasAddress ? (c.city === undefined ? '杭州市' : c.city) : null,
        district: hasAddress ? (c.district === undefined ? '西湖区' : c.district) : null,
        seenAt: `${c.orders[0] ?? '2025-01-01'}T10:00:00`
      }
      const { customerId } = w.resolveCustomer(identities, facts)
      ids.set(c.card, customerId)
      const product = w.productId(c.category ?? 'P1', c.category ?? '奶粉', c.category ?? '奶粉')
      c.orders.forEach((day, i) => {
        const orderId = w.orderId({ externalId: `${c.card}-${day}-${i}`, orderedAt: `${day}T10:00:00`, customerId })
        w.addLine({
          orderId,
          customerId,
          productId: product,
          quantity: 1,
          unitPriceFen: c.amountFen ?? 10000,
          amountFen: c.amountFen ?? 10000,
          contentKey: `${batchName}:${c.card}:${day}:${i}`
        })
      })
    }
    w.finish()
  })()
  return ids
}

/** testDispatch with the contract's types, so tests read outputs without casts. */
export function typedCall(dispatch: (channel: string, input: unknown) => Promise<Result<unknown>>) {
  return <C extends Channel>(channel: C, input: ChannelInput<C>) => dispatch(channel, input) as Promise<Result<ChannelOutput<C>>>
}
