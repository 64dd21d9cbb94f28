/**
 * One data row → what it means: a sale line, a walk-in, an order that did not complete, or
 * a row that cannot be read (with the column, value and reason).
 */
import type { Identity, IdentityKind } from '../ledger/identities'
import type { ColumnIndex, ImportField } from './fields'
import { parseDateTime, parseTimeOfDay, type DayOrder } from './date-parse'
import { parseMoneyFen, parseNumber } from './money-parse'
import { cleanId, nfkc, rowIdentities } from './identity-values'
import { isExcludedStatus } from './status-rules'
import { fallbackColumns } from './synonyms'
import { MAX_LINE_FEN } from './limits'

export interface Sale {
  orderId: string | null
  orderedAt: string
  identities: Identity[]
  name: string | null
  address: string | null
  productCode: string
  productName: string
  category: string | null
  quantity: number
  unitPriceFen: number | null
  amountFen: number
  status: string | null
  paymentMethod: string | null
  store: string | null
  channel: 'store' | 'online' | 'other'
  coupon: string | null
}

export type RowMeaning =
  | { kind: 'sale'; sale: Sale }
  | { kind: 'walkIn'; amountFen: number | null }
  | { kind: 'excluded'; amountFen: number | null }
  | { kind: 'rejected'; column: string; value: string; reason: string; amountFen: number | null }

const ONLINE = /(online|web|网店|线上|淘宝|天猫|京东|拼多多|抖音|快手|微信|小程序|有赞|微店|shopify|电商|taobao|tmall)/i
const STORE = /(store|pos|门店|线下|店内|实体|收银)/i
const TOO_BIG = '金额超出范围，单行不能超过 999,999,999.99 元 (amount out of range: more than 999,999,999.99 on one line)'

/** Within what one line may hold (NaN and ±Infinity are not). */
const inRange = (fen: number) => Math.abs(fen) <= MAX_LINE_FEN

export class RowReader {
  private readonly fallbacks: Partial<Record<ImportField, number[]>>

  constructor(
    private readonly columns: ColumnIndex,
    private readonly headers: string[],
    private readonly dayOrder: DayOrder
  ) {
    this.fallbacks = fallbackColumns(headers, columns)
  }

  /** The raw text of a field in this row ('' when the field is not mapped); empty cells fall back to sibling columns. */
  cell(cells: string[], field: ImportField): string {
    const i = this.columns[field]
    if (i === undefined) return ''
    const v = cells[i] ?? ''
    const more = this.fallbacks[field]
    if (more === undefined || v.trim() !== '') return v
    for (const j of more) if ((cells[j] ?? '').trim() !== '') return cells[j]
    return v
  }

  private text(cells: string[], field: ImportField): string | null {
    const t = nfkc(this.cell(cells, field)).trim().replace(/\s+/g, ' ')
    return t === '' ? null : t
  }

  private header(field: ImportField): string {
    const i = this.columns[field]
    return i === undefined ? field : (this.headers[i] ?? field)
  }

  /** The order id as text, or null. */
  orderId(cells: string[]): string | null {
    const id = cleanId(this.cell(cells, 'orderId'))
    return id.ok ? id.value : null
  }

  /** The row's identities (problems ignored): the cheap part used by the first pass. */
  identities(cells: string[]): Identity[] {
    return rowIdentities(this.rawIdentities(cells)).identities
  }

  private rawIdentities(cells: string[]): Partial<Record<IdentityKind, string>> {
    const raw: Partial<Record<IdentityKind, string>> = {}
    if (this.columns.card !== undefined) raw.card = this.cell(cells, 'card')
    if (this.columns.phone !== undefined) raw.phone = this.cell(cells, 'phone')
    if (this.columns.buyerId !== undefined) raw.buyer = this.cell(cells, 'buyerId')
    if (this.columns.externalId !== undefined) raw.external = this.cell(cells, 'externalId')
    return raw
  }

  excluded(cells: string[]): boolean {
    return isExcludedStatus(this.cell(cells, 'status'))
  }

  /** The text holding the date, for the day/month vote. */
  dateText(cells: string[]): string {
    return this.cell(cells, 'orderedAt') || this.cell(cells, 'date') || this.cell(cells, 'timeOfDay')
  }

  /** The amount without judging anything else (for totals rows and counts). */
  amountOnly(cells: string[]): number | null {
    const raw = this.cell(cells, 'amount')
    let fen: number | null
    if (raw.trim() !== '') fen = parseMoneyFen(raw)
    else {
      const q = parseNumber(this.cell(cells, 'quantity'))
      const p = parseMoneyFen(this.cell(cells, 'unitPrice'))
      fen = q !== null && p !== null ? Math.round(q * p) : null
    }
    return fen !== null && inRange(fen) ? fen : null
  }

  private time(cells: string[]): { at: string } | { field: ImportField; value: string; reason: string } {
    const full = this.cell(cells, 'orderedAt')
    if (full.trim() !== '') {
      const at = parseDateTime(full, this.dayOrder)
      return at ? { at } : { field: 'orderedAt', value: full, reason: '无法识别的日期时间 (unreadable date/time)' }
    }
    const date = this.cell(cells, 'date')
    const tod = this.cell(cells, 'timeOfDay')
    if (date.trim() !== '') {
      const d = parseDateTime(date, this.dayOrder)
      if (!d) return { field: 'date', value: date, reason: '无法识别的日期 (unreadable date)' }
      if (tod.trim() === '' || d.includes('T')) return { at: d }
      const t = parseTimeOfDay(tod)
      return t ? { at: `${d}T${t}` } : { field: 'timeOfDay', value: tod, reason: '无法识别的时间 (unreadable time)' }
    }
    if (tod.trim() !== '') {
      const at = parseDateTime(tod, this.dayOrder)
      return at ? { at } : { field: 'timeOfDay', value: tod, reason: '无法识别的日期时间 (unreadable date/time)' }
    }
    const field: ImportField = this.columns.orderedAt !== undefined ? 'orderedAt' : this.columns.date !== undefined ? 'date' : 'orderedAt'
    return { field, value: '', reason: '缺少日期 (no date)' }
  }

  /** What this row means. `excludedOrders` holds order ids whose status elsewhere in the file excluded them. */
  read(cells: string[], excludedOrders: Set<string>): RowMeaning {
    const orderId = this.orderId(cells)
    if (this.excluded(cells) || (orderId !== null && excludedOrders.has(orderId))) {
      return { kind: 'excluded', amountFen: this.amountOnly(cells) }
    }
    const reject = (field: ImportField, value: string, reason: string): RowMeaning => ({
      kind: 'rejected',
      column: this.header(field),
      value,
      reason,
      amountFen: this.amountOnly(cells)
    })
    const ids = rowIdentities(this.rawIdentities(cells))
    if (ids.identities.length === 0) {
      if (ids.problems.length > 0) {
        const p = ids.problems[0]
        const field: ImportField = p.kind === 'buyer' ? 'buyerId' : p.kind === 'external' ? 'externalId' : p.kind
        return reject(field, p.value, p.reason)
      }
      return { kind: 'walkIn', amountFen: this.amountOnly(cells) }
    }
    const rawOrder = this.cell(cells, 'orderId')
    if (rawOrder.trim() !== '' && orderId === null) {
      const id = cleanId(rawOrder)
      if (!id.ok) return reject('orderId', rawOrder, id.reason)
    }
    const when = this.time(cells)
    if (!('at' in when)) return reject(when.field, when.value, when.reason)

    const qtyRaw = this.cell(cells, 'quantity')
    let quantity = 1
    if (qtyRaw.trim() !== '') {
      const q = parseNumber(qtyRaw)
      if (q === null) return reject('quantity', qtyRaw, '无法识别的数量 (unreadable quantity)')
      quantity = q
    }
    const priceRaw = this.cell(cells, 'unitPrice')
    let unitPriceFen: number | null = null
    if (priceRaw.trim() !== '') {
      unitPriceFen = parseMoneyFen(priceRaw)
      if (unitPriceFen === null) return reject('unitPrice', priceRaw, '无法识别的单价 (unreadable unit price)')
      if (!inRange(unitPriceFen)) return reject('unitPrice', priceRaw, TOO_BIG)
    }
    const amountRaw = this.cell(cells, 'amount')
    let amountFen: number
    if (amountRaw.trim() !== '') {
      const a = parseMoneyFen(amountRaw)
      if (a === null) return reject('amount', amountRaw, '无法识别的金额 (unreadable amount)')
      if (!inRange(a)) return reject('amount', amountRaw, TOO_BIG)
      amountFen = a
    } else if (unitPriceFen !== null) {
      amountFen = Math.round(quantity * unitPriceFen)
      if (!inRange(amountFen)) return reject('quantity', qtyRaw, TOO_BIG)
    } else {
      return reject(this.columns.amount !== undefined ? 'amount' : 'unitPrice', amountRaw, '缺少金额 (no amount)')
    }
    // a return written as a negative quantity with a positive amount
    if (quantity < 0 && amountFen > 0) amountFen = -amountFen

    const store = this.text(cells, 'store')
    const channelText = this.text(cells, 'channel')
    let channel: Sale['channel']
    if (channelText && ONLINE.test(channelText)) channel = 'online'
    else if (channelText && STORE.test(channelText)) channel = 'store'
    // Tmall's report names the shop (店铺名称 天猫旗舰店): a platform's shop is an online channel
    else if (store && ONLINE.test(store)) channel = 'online'
    else if (store) channel = 'store'
    else if (ids.identities.some((i) => i.kind === 'buyer')) channel = 'online'
    else if (channelText) channel = 'other'
    else channel = 'store'

    const productCode = cleanId(this.cell(cells, 'productCode'))
    const code = productCode.ok ? (productCode.value ?? '') : this.cell(cells, 'productCode').trim()
    return {
      kind: 'sale',
      sale: {
        orderId,
        orderedAt: when.at,
        identities: ids.identities,
        name: this.text(cells, 'name'),
        address: this.text(cells, 'address'),
        productCode: code,
        productName: this.text(cells, 'productName') ?? (code || '未命名商品'),
        category: this.text(cells, 'category'),
        quantity,
        unitPriceFen,
        amountFen,
        status: this.text(cells, 'status'),
        paymentMethod: this.text(cells, 'paymentMethod'),
        store,
        channel,
        coupon: this.text(cells, 'coupon')
      }
    }
  }
}
