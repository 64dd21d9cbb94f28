/**
 * The online shop's order report as Tmall's seller centre exports it: an .xlsx with one row
 * per item, 19-digit order numbers kept as text (a number cell would round them), the buyer's
 * member name and the consignee's phone and address.
 */
import type { DemoSaleLine } from '../sales-plan'
import { exportTime, yuanText } from './export-text'
import { xlsxFromRows } from './xlsx-rows'

const HEADER = [
  '订单编号',
  '买家会员名',
  '收货人姓名',
  '联系手机',
  '收货地址',
  '订单付款时间',
  '商家编码',
  '宝贝标题',
  '购买数量',
  '单价',
  '买家实际支付金额',
  '订单状态',
  '店铺名称'
]

export async function onlineOrdersXlsx(lines: readonly DemoSaleLine[]): Promise<Buffer> {
  return xlsxFromRows('订单报表', HEADER, lines, (l) => [
    l.orderNo,
    l.buyer ?? '',
    l.name,
    l.phone ?? '',
    l.address,
    exportTime(l.at),
    l.product.code,
    l.product.name,
    l.quantity,
    yuanText(l.unitPriceFen),
    yuanText(l.amountFen),
    l.status,
    l.store
  ])
}
