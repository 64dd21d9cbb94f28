/**
 * The counter's sales export as a Chinese POS writes it: GBK, a title row and an export
 * time above the header, one row per line, and a 合计 totals row at the bottom (the importer
 * must find the header and skip the totals, as with a real shop's file).
 */
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import type { DemoSaleLine } from '../sales-plan'
import { exportTime, yuanText } from './export-text'

const HEADER = [
  '单据号',
  '销售时间',
  '会员卡号',
  '会员姓名',
  '手机号',
  '门店',
  '商品条码',
  '商品名称',
  '商品类别',
  '数量',
  '单价',
  '实收金额',
  '支付方式',
  '单据状态'
]

/** rows turned into text and GBK at a time: the 200,000-customer shop's million lines never sit in memory as one string */
const CHUNK_ROWS = 10_000

export function counterSalesCsv(lines: readonly DemoSaleLine[], shopName: string, exportedAt: string): Buffer {
  const parts: Buffer[] = []
  let rows: string[][] = [[`${shopName} 销售明细`], [`导出时间：${exportTime(exportedAt)}`], HEADER]
  const flush = () => {
    parts.push(iconv.encode(Papa.unparse(rows, { newline: '\r\n' }) + '\r\n', 'gbk'))
    rows = []
  }
  let quantity = 0
  let amount = 0
  for (const l of lines) {
    rows.push([
      l.orderNo,
      exportTime(l.at),
      l.card ?? '',
      l.name,
      l.phone ?? '',
      l.store,
      l.product.code,
      l.product.name,
      l.product.category,
      String(l.quantity),
      yuanText(l.unitPriceFen),
      yuanText(l.amountFen),
      l.payment,
      l.status
    ])
    quantity += l.quantity
    amount += l.amountFen
    if (rows.length >= CHUNK_ROWS) flush()
  }
  rows.push(['合计', '', '', '', '', '', '', '', '', String(quantity), '', yuanText(amount), '', ''])
  flush()
  return Buffer.concat(parts)
}
