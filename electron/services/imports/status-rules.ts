/**
 * Order statuses that mean the sale did not happen: closed, cancelled, unpaid, voided,
 * refunded in full. Such rows are counted and skipped; refunds of single lines come as
 * negative lines instead and are imported as returns.
 */
import { normalizeHeader } from './header-names'

const CHINESE = [
  '交易关闭',
  '已关闭',
  '订单关闭',
  '已取消',
  '取消',
  '等待买家付款',
  '待付款',
  '未付款',
  '未支付',
  '作废',
  '已作废',
  '退款成功',
  '全额退款',
  '已退款',
  '无效'
]
const ENGLISH = new Set([
  'cancelled',
  'canceled',
  'voided',
  'void',
  'pending',
  'unpaid',
  'refunded',
  'awaitingpayment',
  'failed',
  'expired',
  'closed',
  'deleted'
])

const seen = new Map<string, boolean>()

/** True when this status text says the order did not complete (exports repeat a handful of statuses: remembered). */
export function isExcludedStatus(raw: string): boolean {
  let known = seen.get(raw)
  if (known === undefined) {
    known = judge(raw)
    if (seen.size < 10_000) seen.set(raw, known)
  }
  return known
}

function judge(raw: string): boolean {
  const s = normalizeHeader(raw)
  if (s === '') return false
  if (ENGLISH.has(s)) return true
  return CHINESE.some((w) => s.includes(w))
}
