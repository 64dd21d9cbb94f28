/**
 * An independent reading of the journey's export files (tests/fixtures/journey): plain papaparse
 * and iconv-lite, none of the importer's code, so the figures the app answers are checked
 * against the files themselves rather than against what the importer happened to do.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import Papa from 'papaparse'

export const journeyDir = join(__dirname, '../../fixtures/journey')
export const journeyFile = (name: string) => join(journeyDir, name)

/** One purchase as the file states it: who (card, phone or buyer id), when, how much. */
export interface FileSale {
  order: string
  day: string
  card: string
  phone: string
  buyer: string
  product: string
  fen: number
}

const fen = (yuan: string) => Math.round(Number(yuan) * 100)
const rowsOf = (text: string) => Papa.parse<string[]>(text, { skipEmptyLines: true }).data

/** Rows of a table after the row whose first cell is `firstHeader`, keyed by the header. */
function table(text: string, firstHeader: string): Record<string, string>[] {
  const rows = rowsOf(text)
  const at = rows.findIndex((r) => r[0].replace(/^\ufeff/, '') === firstHeader)
  const header = rows[at].map((h) => h.replace(/^\ufeff/, '').trim())
  return rows.slice(at + 1).map((r) => Object.fromEntries(header.map((h, i) => [h, (r[i] ?? '').trim()])))
}

/** The members: card, name, phone, address. */
export function fileMembers() {
  return table(iconv.decode(readFileSync(journeyFile('members.csv')), 'gb18030'), '会员卡号').map((r) => ({
    card: r['会员卡号'],
    name: r['会员姓名'],
    phone: r['手机号码'],
    address: r['地址'],
    birthday: r['生日'],
    lunar: r['生日类型'] === '农历'
  }))
}

/** A counter export's completed receipts of known people (walk-ins and cancelled ones left out, 合计 row skipped). */
export function filePosSales(name: string): FileSale[] {
  return table(iconv.decode(readFileSync(journeyFile(name)), 'gbk'), '单据号')
    .filter((r) => r['单据号'] !== '合计' && r['订单状态'] === '已完成' && (r['会员卡号'] || r['手机号']))
    .map((r) => {
      const [date] = r['销售时间'].split(' ')
      const [y, m, d] = date.split('/')
      return {
        order: r['单据号'],
        day: `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`,
        card: r['会员卡号'],
        phone: r['手机号'],
        buyer: '',
        product: r['商品名称'],
        fen: fen(r['实收金额'])
      }
    })
}

/** The Taobao export's successful orders, with the ship-to address. */
export function fileOnlineSales(name: string): (FileSale & { address: string; name: string })[] {
  return table(readFileSync(journeyFile(name), 'utf8'), '订单编号')
    .filter((r) => r['订单状态'] === '交易成功')
    .map((r) => ({
      order: r['订单编号'],
      day: r['订单付款时间'].slice(0, 10),
      card: '',
      phone: r['联系手机'],
      buyer: r['买家会员名'],
      product: r['宝贝标题'],
      fen: fen(r['买家实际支付金额']),
      address: r['收货地址'],
      name: r['收货人姓名']
    }))
}

/** Who a sale belongs to, as a shop would say it: the member's card, else the online buyer id. */
export function personOf(sale: FileSale, members: ReturnType<typeof fileMembers>): string {
  const m = members.find((x) => (sale.card && x.card === sale.card) || (sale.phone && x.phone === sale.phone))
  return m ? m.card : sale.buyer
}
