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
    '单据号',
    '小票号',
    '订单编号',
    '订单号',
    '流水号',
    '销售单号',
    '单号',
    '交易号',
    '交易单号',
    '收银单号',
    '主订单编号',
    'transaction id',
    'order id',
    'order number',
    'order no',
    'invoiceno',
    'invoice no',
    'invoice',
    'receipt number',
    'receipt no',
    'receipt'
  ],
  orderedAt: [
    '销售时间',
    '下单时间',
    '消费时间',
    '订单付款时间',
    '付款时间',
    '交易时间',
    '成交时间',
    '支付时间',
    '订单创建时间',
    '创建时间',
    '收银时间',
    '结账时间',
    'invoicedate',
    'invoice date',
    'paid at',
    'created at',
    'order date',
    'transaction date',
    'datetime',
    'timestamp',
    'sale time'
  ],
  date: ['日期', '销售日期', '消费日期', '交易日期', '下单日期', 'date'],
  timeOfDay: ['时间', 'time'],
  card: ['会员卡号', '卡号', '会员号', '会员编号', '会员卡', 'vip卡号', 'member card', 'member no', 'card number', 'membership number'],
  phone: [
    '手机号',
    '手机',
    '手机号码',
    '联系手机',
    '联系电话',
    '电话',
    '会员手机',
    '会员手机号',
    '收货人手机',
    '收货人电话',
    'phone',
    'mobile',
    'phone number',
    'billing phone',
    'shipping phone',
    'customer phone'
  ],
  name: [
    '会员姓名',
    '收货人姓名',
    '顾客姓名',
    '客户姓名',
    '姓名',
    '会员名称',
    '收货人',
    '客户名称',
    'customer name',
    'billing name',
    'shipping name',
    'customer'
  ],
  buyerId: ['买家会员名', '买家昵称', '买家账号', '买家id', '旺旺', '买家旺旺', 'buyer id', 'buyer', 'buyer nick'],
  externalId: [
    'customer id',
    'customerid',
    'customer_id',
    'square customer id',
    'customer reference id',
    'email',
    'email address',
    'reference id',
    '客户编号',
    '顾客编号',
    '客户id'
  ],
  productCode: [
    '商品条码',
    '条码',
    '商品编码',
    '商品编号',
    '货号',
    '商家编码',
    'sku',
    'stockcode',
    'stock code',
    'lineitem sku',
    'barcode',
    'item code',
    'product code'
  ],
  productName: [
    '商品名称',
    '宝贝标题',
    '商品',
    '品名',
    '商品名',
    '宝贝名称',
    '货品名称',
    'item',
    'description',
    'lineitem name',
    'product',
    'product name',
    'item name'
  ],
  category: ['商品类别', '类别', '品类', '分类', '商品分类', 'category', 'product type'],
  quantity: ['数量', '宝贝总数量', '购买数量', '销售数量', '件数', 'qty', 'quantity', 'lineitem quantity'],
  unitPrice: ['单价', '销售单价', '零售价', '售价', '价格', 'unitprice', 'unit price', 'lineitem price', 'price'],
  amount: [
    '实收金额',
    '实付金额',
    '买家实际支付金额',
    '实收',
    '实付',
    '消费金额',
    '成交金额',
    '销售金额',
    '支付金额',
    '金额',
    '小计金额',
    'net sales',
    'amount',
    'line total',
    'net amount',
    'sales',
    '应收金额',
    '总金额',
    '总价',
    '订单金额',
    'gross sales'
  ],
  status: ['订单状态', '状态', '交易状态', '单据状态', 'event type', 'financial status', 'status', 'order status'],
  address: [
    '收货地址',
    '地址',
    '联系地址',
    '详细地址',
    '家庭住址',
    '住址',
    '通讯地址',
    '会员地址',
    'address',
    'shipping address1',
    'billing address1',
    'shipping street',
    'default address address1',
    'address1',
    'street address 1'
  ],
  paymentMethod: ['支付方式', '付款方式', '结算方式', 'payment method', 'payment', 'tender'],
  store: ['门店', '店铺', '门店名称', '店铺名称', '销售门店', 'store', 'location', 'shop'],
  channel: ['渠道', '销售渠道', '来源', '订单来源', 'channel', 'source', 'sales channel'],
  coupon: ['优惠券', '优惠码', '券码', '优惠券码', 'coupon', 'discount code', 'coupon code'],
  remark: ['备注', '订单备注', '买家留言', 'notes', 'note', 'remark', 'memo'],
  // member lists (会员资料): 银豹, 有赞, 思迅, 秦丝 exports, Shopify customers, Square customer directory
  firstName: ['名', 'first name', 'firstname', 'given name'],
  lastName: ['姓', 'last name', 'lastname', 'surname', 'family name'],
  gender: ['性别', '会员性别', '客户性别', 'gender', 'sex'],
  birthday: ['生日', '会员生日', '出生日期', '出生年月日', '生日日期', '客户生日', 'birthday', 'date of birth', 'birth date', 'dob'],
  birthdayCalendar: ['生日类型', '生日历法', '历法', '公历/农历', '公历农历', '生日类别', '农历/公历', 'birthday calendar'],
  age: ['年龄', 'age'],
  ageBand: ['年龄段', '年龄层', '年龄区间', 'age band', 'age group', 'age range'],
  memberSince: [
    '开卡日期',
    '开卡时间',
    '入会时间',
    '入会日期',
    '注册时间',
    '注册日期',
    '办卡日期',
    '办卡时间',
    '加入时间',
    '成为会员时间',
    'creation date',
    'member since',
    'signup date',
    'sign up date',
    'joined'
  ],
  posTier: ['会员等级', '等级', '会员级别', '会员卡类型', '卡类型', '卡类别', '会员类型', 'tier', 'member tier', 'membership level', 'level'],
  points: ['积分', '可用积分', '当前积分', '剩余积分', '积分余额', '会员积分', 'points', 'points balance', 'loyalty points'],
  storedValue: ['储值余额', '余额', '卡内余额', '账户余额', '可用余额', '储值卡余额', '储值', 'stored value', 'store credit', 'balance'],
  referrer: ['推荐人', '推荐人卡号', '推荐人手机', '推荐人手机号', '推荐会员', '推荐人会员卡号', '介绍人', 'referrer', 'referred by'],
  tags: ['标签', '会员标签', '客户标签', '顾客标签', 'tags', 'groups'],
  notes: ['会员备注', '客户备注', '顾客备注'],
  childName: ['宝宝姓名', '宝宝名字', '宝宝昵称', '孩子姓名', '小孩姓名', '宝宝', 'child name', 'baby name'],
  childBirthday: ['宝宝生日', '宝宝出生日期', '孩子生日', '小孩生日', '宝宝出生日', 'child birthday', 'baby birthday'],
  childGender: ['宝宝性别', '孩子性别', '小孩性别', 'child gender', 'baby gender'],
  consentSms: ['是否接收短信', '短信订阅', '接收短信', '是否接受短信', '短信通知', 'accepts sms marketing', 'sms subscription status', 'sms consent'],
  consentEmail: ['是否接收邮件', '邮件订阅', '接收邮件', 'accepts email marketing', 'accepts marketing', 'email subscription status', 'email consent'],
  // product lists (商品资料). A shelf life (保质期, shelf life) is not how long one unit lasts: never a synonym here.
  barcode: ['国际条码', '条形码', '商品条形码', '69码', 'upc', 'ean', 'gtin'],
  spec: ['规格', '商品规格', '规格型号', 'spec', 'specification', 'size', 'variant'],
  unit: ['单位', '计量单位', '销售单位', 'unit', 'uom'],
  retailPrice: ['零售价格', '建议零售价', '标准售价', '标准零售价', 'retail price', 'list price'],
  memberPrice: ['会员价', '会员价格', 'vip价', 'member price'],
  productStatus: ['商品状态', '上下架状态', '是否上架', '启用状态', '上架状态', 'product status'],
  daysPerUnit: ['每件可用天数', '可用天数', '使用天数', '单件使用天数', '每单位天数', '消耗天数', '使用周期天数', 'days per unit', 'days of use', 'days supply']
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
