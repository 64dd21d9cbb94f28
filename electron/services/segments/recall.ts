/**
 * Recall (the Costco case): every customer who bought a product, matched by a fragment of its
 * code or name, within a date window, with quantity, last purchase date, a phone and consent,
 * so the shop can tell each of them. Phones are returned in full: the UI masks them when the
 * shop asks it to; a call list needs them whole.
 */
import type { Db } from '../../db/driver'
import type { RecallRow } from '../../../shared/schemas/segments'
import { addDays } from '../../../shared/domain/dates'
import { LIVE_CUSTOMER } from '../stats/stats-service'
import { spreadsheetCsv } from '../backups/csv-cells'

export interface RecallQuery {
  product: string
  from: string
  to: string
}

/** Buyers of the product in the window (returns net out), most recent buyers first. */
export function recall(db: Db, q: RecallQuery): RecallRow[] {
  const rows = db
    .prepare(
      `WITH hit AS (
         SELECT o.customer_id, l.quantity, o.ordered_at, p.name
         FROM products p
         CROSS JOIN order_lines l ON l.product_id = p.id
         CROSS JOIN orders o ON o.id = l.order_id
         WHERE (instr(p.code, @text) > 0 OR instr(p.name, @text) > 0)
           AND o.ordered_at >= @from AND o.ordered_at < @next AND o.customer_id IS NOT NULL
       )
       SELECT c.id AS customerId, c.name AS customer,
              (SELECT min(i.value) FROM customer_identities i INDEXED BY customer_identities_customer
                WHERE i.customer_id = c.id AND i.kind = 'phone') AS phone,
              sum(h.quantity) AS quantity, substr(max(h.ordered_at), 1, 10) AS lastBought,
              json_group_array(DISTINCT h.name) AS products,
              c.consent_phone, c.consent_sms, c.consent_wechat, c.consent_mail
       FROM hit h JOIN customers c ON c.id = h.customer_id
       WHERE ${LIVE_CUSTOMER}
       GROUP BY c.id
       HAVING max(h.quantity) > 0
       ORDER BY lastBought DESC, c.id`
    )
    .all({ text: q.product, from: q.from, next: addDays(q.to, 1) }) as (Omit<RecallRow, 'products' | 'consent'> & {
    /** a JSON array: product names may hold commas (「羊奶粉,900g」), so no separator is safe */
    products: string
    consent_phone: number
    consent_sms: number
    consent_wechat: number
    consent_mail: number
  })[]
  return rows.map((r) => ({
    customerId: r.customerId,
    customer: r.customer,
    phone: r.phone,
    quantity: r.quantity,
    lastBought: r.lastBought,
    products: JSON.parse(r.products) as string[],
    consent: { phone: !!r.consent_phone, sms: !!r.consent_sms, wechat: !!r.consent_wechat, mail: !!r.consent_mail }
  }))
}

/**
 * The recall list as CSV (with a byte-order mark so Excel reads the Chinese), or a call
 * list: only customers with a phone who accept calls, with columns to note the outcome.
 */
export function recallExport(db: Db, q: RecallQuery & { kind: 'csv' | 'callList' }): { fileName: string; content: string } {
  const rows = recall(db, q)
  const yes = (b: boolean) => (b ? '是' : '否')
  let lines: (string | number | null)[][]
  if (q.kind === 'callList') {
    lines = [['顾客', '电话', '商品', '数量', '最后购买', '已联系', '结果', '备注']]
    for (const r of rows) if (r.phone && r.consent.phone) lines.push([r.customer, r.phone, r.products.join(' / '), r.quantity, r.lastBought, '', '', ''])
  } else {
    lines = [['顾客编号', '顾客', '电话', '商品', '数量', '最后购买', '可致电', '可短信', '可微信', '可邮寄']]
    for (const r of rows) {
      lines.push([
        r.customerId,
        r.customer,
        r.phone,
        r.products.join(' / '),
        r.quantity,
        r.lastBought,
        yes(r.consent.phone),
        yes(r.consent.sms),
        yes(r.consent.wechat),
        yes(r.consent.mail)
      ])
    }
  }
  const slug = q.product.replace(/[^\p{L}\p{N}]+/gu, '').slice(0, 20) || 'product'
  const fileName = `${q.kind === 'callList' ? '召回电话单' : '召回名单'}-${slug}-${q.from}-${q.to}.csv`
  return { fileName, content: spreadsheetCsv(lines) }
}
