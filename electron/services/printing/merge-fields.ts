/**
 * Merge fields: {{姓名}} and friends in text blocks and QR targets. A field with no value for
 * a customer merges as empty and is reported, so staff see "12 cards have no 地址" before
 * printing instead of after.
 */

/** Every field a template may use, with what it holds. */
export const mergeFields = {
  姓名: 'the customer’s name',
  称呼: 'surname + 女士/先生, e.g. 王女士',
  会员等级: 'member tier from purchase count and spend',
  生命周期: 'lifecycle stage (活跃期 …)',
  上次购买: 'the product of the last purchase (for a parcel: this parcel)',
  上次购买日期: 'date of the last purchase',
  推荐商品: 'a best seller from the customer’s favourite category they have not bought yet',
  推荐商品编码: 'that product’s code, for QR links',
  优惠码: 'the card’s unique coupon or scratch code',
  手机: 'phone, masked unless the template shows full numbers',
  地址: 'delivery address (for a parcel: the order’s address)',
  店名: 'the shop name from 设置 (one for every template)',
  店铺链接: 'the shop link set on the template',
  订单号: 'the order number (import-batch cards only)',
  主题标题: 'the theme’s heading (妇女节快乐 …)'
} as const

export type MergeField = keyof typeof mergeFields
export const mergeFieldNames = Object.keys(mergeFields) as MergeField[]
export type MergeValues = Partial<Record<MergeField, string | null>>

const FIELD = /\{\{\s*([^{}]+?)\s*\}\}/g

export interface Merged {
  text: string
  /** known fields that had no value */
  empty: MergeField[]
  /** names in braces that are not fields at all (a typo in the template) */
  unknown: string[]
}

/** Replace every {{field}} with its value; report the empty and the unknown ones. */
export function mergeText(template: string, values: MergeValues): Merged {
  const empty: MergeField[] = []
  const unknown: string[] = []
  const text = template.replace(FIELD, (_, raw: string) => {
    if (!(raw in mergeFields)) {
      if (!unknown.includes(raw)) unknown.push(raw)
      return ''
    }
    const v = values[raw as MergeField]
    if (v === null || v === undefined || v.trim() === '') {
      if (!empty.includes(raw as MergeField)) empty.push(raw as MergeField)
      return ''
    }
    return v
  })
  return { text, empty, unknown }
}

/** The fields a piece of template text uses. */
export function fieldsIn(template: string): string[] {
  return [...new Set([...template.matchAll(FIELD)].map((m) => m[1]))]
}
