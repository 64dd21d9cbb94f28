/**
 * Small hand-built shops for campaign tests: customers with known orders, written as a POS sales
 * export (one CSV) and imported through the pipeline, so addresses are parsed into province, city
 * and district by the importer as they are for a shop's own files.
 */
import type { Db } from '../../../electron/db/driver'
import type { Channel, ChannelInput, ChannelOutput } from '../../../shared/ipc-contract'
import type { Result } from '../../../shared/result'
import { importBytes } from '../imports/helpers'

export interface ShopCustomer {
  card: string
  name?: string
  phone?: string
  /** the 收货地址 as the export writes it; defaults to one in 浙江省杭州市西湖区, null for none */
  address?: string | null
  /** purchase dates (YYYY-MM-DD), each one order of `amountFen` in `category` */
  orders: string[]
  amountFen?: number
  category?: string
}

const HEADER = ['单据号', '销售时间', '会员卡号', '手机号', '会员姓名', '收货地址', '商品编码', '商品名称', '商品分类', '数量', '实收金额']

/** One CSV cell, quoted when it holds a comma, a quote or a line break. */
const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v)

/** The customers as a POS sales export: one line per order. */
export function salesCsv(customers: ShopCustomer[]): string {
  const lines = [HEADER.join(',')]
  for (const c of customers) {
    const address = c.address === null ? '' : (c.address ?? `浙江省杭州市西湖区文三路${c.card.length}号`)
    const category = c.category ?? '奶粉'
    const yuan = ((c.amountFen ?? 10000) / 100).toFixed(2)
    c.orders.forEach((day, i) => {
      const row = [`${c.card}-${day}-${i}`, `${day} 10:00`, c.card, c.phone ?? '', c.name ?? `顾客${c.card}`, address, category, category, category, '1', yuan]
      lines.push(row.map(cell).join(','))
    })
  }
  return lines.join('\n') + '\n'
}

/** Import the customers' orders as one sales file named `batchName`; answers card → customer id. */
export async function buildShop(db: Db, customers: ShopCustomer[], batchName = 'pos.csv'): Promise<Map<string, number>> {
  const r = await importBytes(db, batchName, Buffer.from(salesCsv(customers)))
  if (r.errors.length) throw new Error(`the shop's file did not import: ${JSON.stringify(r.errors.slice(0, 3))}`)
  const byCard = db.prepare("SELECT customer_id FROM customer_identities WHERE kind = 'card' AND value = ?").pluck()
  return new Map(customers.map((c) => [c.card, byCard.get(c.card) as number]))
}

/** testDispatch with the contract's types, so tests read outputs without casts. */
export function typedCall(dispatch: (channel: string, input: unknown) => Promise<Result<unknown>>) {
  return <C extends Channel>(channel: C, input: ChannelInput<C>) => dispatch(channel, input) as Promise<Result<ChannelOutput<C>>>
}
