/**
 * The customer list (or a filtered view) as a file for Excel: CSV in UTF-8 with a BOM (so
 * Excel shows Chinese) or xlsx. Text cells that a spreadsheet would run as a formula
 * (= + - @, tab, carriage return first) get a leading apostrophe; phones follow the mask setting
 * unless this export asks for whole numbers, and the audit log says which it carried.
 */
import { writeFileSync } from 'node:fs'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import type { Db } from '../../db/driver'
import type { CustomerQuery, CustomerRow } from '../../../shared/schemas/customers'
import { customerRows, matchingIds, type ListOptions } from './list-service'
import { checkedWritePath } from '../backups/user-paths'

const STAGE: Record<string, string> = { active: '活跃期', silent: '沉默期', sleeping: '睡眠期', drifting: '流失预警', lost: '流失期' }
const CHANNEL: Record<string, string> = { store: '门店', online: '网店', other: '其他' }

const HEADERS = ['编号', '姓名', '手机', '会员卡号', '生命周期', '订单数', '消费金额(元)', '最近购买', '省份', '城市', '标签', '渠道']

/** A text cell made harmless for spreadsheets: a formula-looking start gets an apostrophe. */
export function neutralizeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}

function cells(r: CustomerRow): (string | number)[] {
  const text = (s: string | null) => neutralizeCell(s ?? '')
  return [
    r.id,
    text(r.name),
    text(r.phone),
    text(r.memberCard),
    r.lifecycle ? STAGE[r.lifecycle] : '',
    r.orders,
    r.spendFen / 100,
    text(r.lastPurchase ? r.lastPurchase.slice(0, 10) : null),
    text(r.region.province),
    text(r.region.city),
    text(r.tags.join('、')),
    text(r.channels.map((c) => CHANNEL[c] ?? c).join('、'))
  ]
}

/** Every row of the query, in list order, as spreadsheet cells (header first). */
export function exportTable(db: Db, query: CustomerQuery, o: ListOptions): (string | number)[][] {
  const ids = matchingIds(db, query, o)
  const table: (string | number)[][] = [HEADERS]
  for (let i = 0; i < ids.length; i += 2000) {
    for (const row of customerRows(db, ids.slice(i, i + 2000), o)) table.push(cells(row))
  }
  return table
}

/** CSV bytes: UTF-8 BOM, CRLF lines, quoted where needed. */
export function toCsv(table: (string | number)[][]): Buffer {
  // money (column 7) with two decimals as Excel users expect; other numbers as they are
  const body = Papa.unparse(
    table.map((r) => r.map((v, i) => (typeof v === 'number' ? (i === 6 ? v.toFixed(2) : String(v)) : v))),
    { newline: '\r\n' }
  )
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body + '\r\n', 'utf8')])
}

/** xlsx bytes: one sheet, a bold frozen header row, numbers as numbers. */
export async function toXlsx(table: (string | number)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('顾客')
  for (const row of table) sheet.addRow(row)
  sheet.getRow(1).font = { bold: true }
  sheet.views = [{ state: 'frozen', ySplit: 1 }]
  sheet.columns.forEach((col, i) => (col.width = [8, 12, 14, 14, 10, 8, 12, 12, 10, 10, 20, 12][i] ?? 12))
  sheet.getColumn(7).numFmt = '0.00'
  return Buffer.from(await book.xlsx.writeBuffer())
}

/** Build the file; write it to `path` when given, otherwise answer its bytes as base64. */
export async function exportCustomers(
  db: Db,
  input: CustomerQuery & { format: 'csv' | 'xlsx'; path?: string; fullPhones?: boolean },
  o: ListOptions
): Promise<{ rows: number; fileName: string; path: string | null; base64: string | null; wholePhones: boolean }> {
  // whole numbers only when asked for this file; the screen's mask setting stays as it is
  const whole = input.fullPhones === true || !o.maskPhones
  const table = exportTable(db, input, { ...o, maskPhones: !whole })
  const bytes = input.format === 'csv' ? toCsv(table) : await toXlsx(table)
  const fileName = `顾客-${o.asOf}.${input.format}`
  if (input.path) {
    // a path a user named: absolute, no system folders, the format's own extension
    const file = checkedWritePath(input.path, [`.${input.format}`])
    writeFileSync(file, bytes)
    return { rows: table.length - 1, fileName, path: file, base64: null, wholePhones: whole }
  }
  return { rows: table.length - 1, fileName, path: null, base64: bytes.toString('base64'), wholePhones: whole }
}
