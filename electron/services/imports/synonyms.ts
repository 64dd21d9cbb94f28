/**
 * The synonym table: header dialects of Chinese POS systems, Taobao/Tmall reports and
 * English exports (Square, Shopify, UCI Online Retail), each list in order of preference.
 * Where several columns match one field the most preferred wins: paid / net amounts beat
 * gross ones, payment time beats creation time.
 */
import type { ColumnIndex, ImportField } from './fields'
import { normalizeHeader } from './header-names'

export const synonyms: Record<ImportField, string[]> = {
  orderId: [
    '单据号', '小票号', '订单编号', '订单号', '流水号', '销售单号', '单号', '交易号', '交易单号', '收银单号', '主订单编号',
    'transaction id', 'order id', 'order number', 'order no', 'invoiceno', 'invoice no', 'invoice', 'receipt number', 'receipt no', 'receipt'
  ],
  orderedAt: [
    '销售时间', '下单时间', '消费时间', '订单付款时间', '付款时间', '交易时间', '成交时间', '支付时间', '订单创建时间', '创建时间', '收银时间', '结账时间',
    'invoicedate', 'invoice date', 'paid at', 'created at', 'order date', 'transaction date', 'datetime', 'timestamp', 'sale time'
  ],
  date: ['日期', '销售日期', '消费日期', '交易日期', '下单日期', 'date'],
  timeOfDay: ['时间', 'time'],
  card: ['会员卡号', '卡号', '会员号', '会员编号', '会员卡', 'vip卡号', 'member card', 'member no', 'card number', 'membership number'],
  phone: ['手机号', '手机', '手机号码', '联系手机', '联系电话', '电话', '会员手机', '会员手机号', '收货人手机', '收货人电话', 'phone', 'mobile', 'phone number', 'billing phone', 'shipping phone', 'customer phone'],
  name: ['会员姓名', '收货人姓名', '顾客姓名', '客户姓名', '姓名', '会员名称', '收货人', '客户名称', 'customer name', 'billing name', 'shipping name', 'customer'],
  buyerId: ['买家会员名', '买家昵称', '买家账号', '买家id', '旺旺', '买家旺旺', 'buyer id', 'buyer', 'buyer nick'],
  externalId: ['customer id', 'customerid', 'customer_id', 'customer reference id', 'email', '客户编号', '顾客编号', '客户id'],
  productCode: ['商品条码', '条码', '商品编码', '商品编号', '货号', '商家编码', 'sku', 'stockcode', 'stock code', 'lineitem sku', 'barcode', 'item code', 'product code'],
  productName: ['商品名称', '宝贝标题', '商品', '品名', '商品名', '宝贝名称', '货品名称', 'item', 'description', 'lineitem name', 'product', 'product name', 'item name'],
  category: ['商品类别', '类别', '品类', '分类', '商品分类', 'category', 'product type'],
  quantity: ['数量', '宝贝总数量', '购买数量', '销售数量', '件数', 'qty', 'quantity', 'lineitem quantity'],
  unitPrice: ['单价', '销售单价', '零售价', '售价', '价格', 'unitprice', 'unit price', 'lineitem price', 'price'],
  amount: [
    '实收金额', '实付金额', '买家实际支付金额', '实收', '实付', '消费金额', '成交金额', '销售金额', '支付金额', '金额', '小计金额',
    'net sales', 'amount', 'line total', 'net amount', 'sales',
    '应收金额', '总金额', '总价', '订单金额', 'gross sales'
  ],
  status: ['订单状态', '状态', '交易状态', '单据状态', 'event type', 'financial status', 'status', 'order status'],
  address: ['收货地址', '地址', '联系地址', '详细地址', 'address', 'shipping address1', 'billing address1', 'shipping street'],
  paymentMethod: ['支付方式', '付款方式', '结算方式', 'payment method', 'payment', 'tender'],
  store: ['门店', '店铺', '门店名称', '店铺名称', '销售门店', 'store', 'location', 'shop'],
  channel: ['渠道', '销售渠道', '来源', '订单来源', 'channel', 'source', 'sales channel'],
  coupon: ['优惠券', '优惠码', '券码', '优惠券码', 'coupon', 'discount code', 'coupon code'],
  remark: ['备注', '订单备注', '买家留言', 'notes', 'note', 'remark', 'memo']
}

/** normalised synonym → [field, preference rank] */
const lookup = new Map<string, [ImportField, number]>()
for (const [field, words] of Object.entries(synonyms) as [ImportField, string[]][]) {
  words.forEach((w, rank) => {
    const key = normalizeHeader(w)
    if (!lookup.has(key)) lookup.set(key, [field, rank])
  })
}

/** The field a header names by itself, with its preference rank; undefined when unknown. */
export function fieldForHeader(header: string): [ImportField, number] | undefined {
  return lookup.get(normalizeHeader(header))
}

/**
 * Map each field to the most preferred column that names it. With sample rows, a column
 * that is empty in all of them loses to one that holds data (Shopify's empty Receipt Number).
 */
export function autoMapColumns(headers: string[], sample: string[][] = []): ColumnIndex {
  const best = new Map<ImportField, [number, number]>() // field → [rank, column]
  const empty = (column: number) => sample.length > 0 && sample.every((r) => (r[column] ?? '').trim() === '')
  headers.forEach((h, column) => {
    const hit = fieldForHeader(h)
    if (!hit) return
    const [field, baseRank] = hit
    const rank = baseRank + (empty(column) ? 1000 : 0)
    const prev = best.get(field)
    if (!prev || rank < prev[0]) best.set(field, [rank, column])
  })
  const out: ColumnIndex = {}
  for (const [field, [, column]] of best) out[field] = column
  return out
}

/** Fields whose other candidate columns stand in, row by row, when the mapped one is empty. */
const FALLBACK_FIELDS: ImportField[] = ['orderedAt', 'orderId', 'name', 'phone']

/**
 * For a few fields, the other columns that also name them, best first: Shopify leaves
 * 'Paid at' empty on an order's second line but fills 'Created at'; Tmall leaves the
 * payment time empty where the creation time is there.
 */
export function fallbackColumns(headers: string[], columns: ColumnIndex): Partial<Record<ImportField, number[]>> {
  const out: Partial<Record<ImportField, number[]>> = {}
  for (const field of FALLBACK_FIELDS) {
    const mapped = columns[field]
    if (mapped === undefined) continue
    const ranked: [number, number][] = []
    headers.forEach((h, column) => {
      const hit = fieldForHeader(h)
      if (hit && hit[0] === field && column !== mapped && !Object.values(columns).includes(column)) ranked.push([hit[1], column])
    })
    if (ranked.length) out[field] = ranked.sort((a, b) => a[0] - b[0]).map(([, c]) => c)
  }
  return out
}
