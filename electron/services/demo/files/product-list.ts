/**
 * The product list (商品资料) as a POS back end exports it: an .xlsx, one row per product with
 * its code, name, category, spec, unit, retail and member price and status. Imported before
 * the sales, it is where the online orders' lines (which carry no category) get theirs.
 */
import ExcelJS from 'exceljs'
import type { DemoProduct } from '../sales-plan'
import { yuanText } from './export-text'

const HEADER = ['商品编码', '商品名称', '商品分类', '规格', '单位', '零售价', '会员价', '状态']

export async function productListXlsx(products: readonly DemoProduct[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('商品资料')
  sheet.addRow(HEADER)
  for (const p of products) sheet.addRow([p.code, p.name, p.category, p.spec, p.unit, yuanText(p.priceFen), yuanText(p.memberPriceFen), '在售'])
  return Buffer.from(await book.xlsx.writeBuffer())
}
