/**
 * What a file holds, from its mapped columns: sale lines (a time and an amount), people
 * (会员资料: cards, phones, names, but no sales time and amount) or products (商品资料: codes and
 * names, nobody). The reason is said in words, naming the columns, so the user can judge it
 * and pick another kind in the preview.
 */
import { salesFields, type ImportKind } from '../../../shared/schemas/imports'
import type { ImportField, Mapping } from './fields'
import { fieldForHeader } from './synonyms'

/** The fields each kind reads; the others are left out of its mapping. */
export const kindFields: Record<ImportKind, readonly ImportField[]> = {
  sales: salesFields,
  members: [
    'card',
    'phone',
    'name',
    'firstName',
    'lastName',
    'buyerId',
    'externalId',
    'gender',
    'birthday',
    'birthdayCalendar',
    'age',
    'ageBand',
    'memberSince',
    'posTier',
    'points',
    'storedValue',
    'referrer',
    'tags',
    'notes',
    'remark',
    'address',
    'childName',
    'childBirthday',
    'childGender',
    'consentSms',
    'consentEmail'
  ],
  products: [
    'productCode',
    'barcode',
    'productName',
    'category',
    'spec',
    'unit',
    'retailPrice',
    'unitPrice',
    'memberPrice',
    'productStatus',
    'status',
    'daysPerUnit'
  ]
}

const PERSON: ImportField[] = ['card', 'phone', 'name', 'firstName', 'lastName', 'buyerId', 'externalId']
const MEMBER_ONLY: ImportField[] = kindFields.members.filter((f) => !kindFields.sales.includes(f))
const PRODUCT: ImportField[] = ['productCode', 'barcode', 'productName']
const SALE_ONLY: ImportField[] = [
  'orderId',
  'orderedAt',
  'date',
  'timeOfDay',
  'productCode',
  'productName',
  'quantity',
  'unitPrice',
  'amount',
  'coupon',
  'paymentMethod'
]
const PRODUCT_ONLY: ImportField[] = kindFields.products.filter((f) => !kindFields.sales.includes(f))

export interface KindVerdict {
  kind: ImportKind
  reason: { zh: string; en: string }
}

const quote = (mapping: Mapping, fields: ImportField[]) =>
  fields
    .filter((f) => mapping[f] !== undefined)
    .slice(0, 3)
    .map((f) => `“${mapping[f]}”`)
    .join('、')

/** The kind the columns point to, with the columns that say so. */
export function detectKind(mapping: Mapping): KindVerdict {
  const has = (fields: ImportField[]) => fields.some((f) => mapping[f] !== undefined)
  const time: ImportField[] = ['orderedAt', 'date', 'timeOfDay']
  const money: ImportField[] = ['amount', 'unitPrice']
  const sale = has(time) && has(money)
  if (sale && (has(PERSON) || has(['orderId', 'quantity']) || !has(PRODUCT_ONLY))) {
    const cols = quote(mapping, [...time, ...money])
    return { kind: 'sales', reason: { zh: `有时间和金额列（${cols}）：这是销售记录`, en: `time and amount columns (${cols}): sale lines` } }
  }
  // a card beside sale columns without a time is a broken sales file (its message names the missing column), not a member list
  if (has(MEMBER_ONLY) || (has(PERSON) && !has(SALE_ONLY))) {
    const cols = quote(mapping, [...PERSON, ...MEMBER_ONLY])
    return {
      kind: 'members',
      reason: { zh: `有顾客列（${cols}），没有销售的时间和金额列：这是会员资料`, en: `customer columns (${cols}) and no sale time and amount: a member list` }
    }
  }
  if (has(PRODUCT) && !has(PERSON)) {
    const cols = quote(mapping, [...PRODUCT, 'category', 'unitPrice', 'retailPrice'])
    return {
      kind: 'products',
      reason: { zh: `有商品列（${cols}），没有顾客列：这是商品资料`, en: `product columns (${cols}) and no customer: a product list` }
    }
  }
  return {
    kind: 'sales',
    reason: { zh: '看不出是会员资料或商品资料，按销售记录处理', en: 'neither a member list nor a product list: read as sales' }
  }
}

const BARCODE_WORDS = /条码|条形码|barcode|ean|upc/i

/**
 * The mapping with only the fields the kind reads. A product list with both 商品编码 and 条码
 * keeps both: the code as the code, the barcode as the barcode (sales take whichever is there).
 */
export function mappingForKind(mapping: Mapping, kind: ImportKind, headers: string[] = []): Mapping {
  const out: Mapping = {}
  for (const field of kindFields[kind]) if (mapping[field] !== undefined) out[field] = mapping[field]
  if (kind === 'products' && out.barcode === undefined && out.productCode !== undefined && BARCODE_WORDS.test(out.productCode)) {
    const code = headers.find((h) => h !== out.productCode && fieldForHeader(h)?.[0] === 'productCode' && !BARCODE_WORDS.test(h))
    if (code !== undefined) {
      out.barcode = out.productCode
      out.productCode = code
    }
  }
  // Shopify's customers export leads with Customer ID, but its orders export carries only the
  // email: the email is what lands a Shopify customer on the same person as their orders
  if (kind === 'members' && out.externalId !== undefined && /^customer[ _]?id$/i.test(out.externalId.trim())) {
    const email = headers.find((h) => /^e-?mail( address)?$/i.test(h.trim()))
    if (email !== undefined) out.externalId = email
  }
  return out
}
