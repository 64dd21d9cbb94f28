/**
 * Headline figures as of a date. Orders are purchase occasions (an order of returns only
 * is not one); revenue sums every line, returns included; the lifecycle counts customers
 * with a purchase by whole days since their last one.
 */
import type { Db } from '../../db/driver'
import type { LifecycleThresholds } from '../../../shared/domain/lifecycle'
import { addDays } from '../../../shared/domain/dates'
import { chartFrom } from '../../../shared/domain/chart-months'
import type { Overview, Stats } from '../../../shared/schemas/stats'

/** Customers the shop still knows: not erased, not merged into someone else. */
export const LIVE_CUSTOMER = 'c.erased_at IS NULL AND c.merged_into IS NULL'

/**
 * Customers `c` the shop knew before `next` (a bound parameter): created by then, or buying by
 * then — a member list imported before the sales creates its members on the import day, yet
 * they were the shop's customers from their first purchase. The purchase test only runs for
 * customers created later (a past as-of date), through orders_customer.
 */
export const knownBefore = (next: string) => `(c.created_at < ${next} OR EXISTS (SELECT 1 FROM orders o WHERE o.customer_id = c.id AND o.ordered_at < ${next}))`

export function summary(db: Db, asOf: string, t: LifecycleThresholds): Stats {
  const next = addDays(asOf, 1)
  const customers = db
    .prepare(`SELECT count(*) FROM customers c WHERE ${LIVE_CUSTOMER} AND ${knownBefore('@next')}`)
    .pluck()
    .get({ next }) as number
  const orders = db.prepare('SELECT count(*) FROM orders WHERE is_purchase = 1 AND ordered_at < ?').pluck().get(next) as number
  const lines = linesBefore(db, next)
  const lifecycle = db
    .prepare(
      `WITH last AS (
         SELECT o.customer_id, max(o.ordered_at) AS at FROM orders o
         JOIN customers c ON c.id = o.customer_id AND ${LIVE_CUSTOMER}
         WHERE o.is_purchase = 1 AND o.ordered_at < @next GROUP BY o.customer_id
       ), aged AS (SELECT CAST(julianday(@asOf) - julianday(substr(at, 1, 10)) AS INTEGER) AS days FROM last)
       SELECT coalesce(sum(days <= @active), 0) AS active,
              coalesce(sum(days > @active AND days <= @silent), 0) AS silent,
              coalesce(sum(days > @silent AND days <= @sleeping), 0) AS sleeping,
              coalesce(sum(days > @sleeping AND days <= @drifting), 0) AS drifting,
              coalesce(sum(days > @drifting), 0) AS lost
       FROM aged`
    )
    .get({ next, asOf, ...t }) as Stats['lifecycle']
  return { asOf, customers, orders, lines: lines.lines, revenueFen: lines.revenue, lifecycle }
}

interface LineFigures {
  lines: number
  revenue: number
}

/**
 * Order lines, and their amounts, on orders before `next`. Reaching the lines order by order
 * costs a seek a line (1.4 s for the 200,000-customer demo's 1,880,792 lines), a pass over the
 * whole lines index 0.2 s: so the lines of whichever side of the date has fewer orders are
 * sought, and the other side is the whole table less them. A shop mostly looks at today, when
 * no order is later and the answer is the whole table's.
 */
export function linesBefore(db: Db, next: string): LineFigures {
  const ordersBefore = db.prepare('SELECT count(*) FROM orders WHERE ordered_at < ?').pluck().get(next) as number
  const ordersFrom = db.prepare('SELECT count(*) FROM orders WHERE ordered_at >= ?').pluck().get(next) as number
  const of = (where: string) =>
    db
      .prepare(
        `SELECT count(*) AS lines, coalesce(sum(l.amount_fen), 0) AS revenue
         FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.ordered_at ${where} ?`
      )
      .get(next) as LineFigures
  if (ordersBefore <= ordersFrom) return of('<')
  const all = db.prepare('SELECT count(*) AS lines, coalesce(sum(amount_fen), 0) AS revenue FROM order_lines').get() as LineFigures
  if (ordersFrom === 0) return all
  const later = of('>=')
  return { lines: all.lines - later.lines, revenue: all.revenue - later.revenue }
}

/** Live customers with a birthday, and those whose birthday is kept by the lunar calendar. */
export function birthdayCounts(db: Db): { withBirthday: number; lunarBirthdays: number } {
  return db
    .prepare(
      `SELECT count(*) AS withBirthday, coalesce(sum(c.birthday_lunar = 1), 0) AS lunarBirthdays
       FROM customers c WHERE ${LIVE_CUSTOMER} AND c.birthday IS NOT NULL AND c.birthday <> ''`
    )
    .get() as { withBirthday: number; lunarBirthdays: number }
}

/** The overview page: the summary, repeat buyers, the last 24 months month by month, and where its chart starts. */
export function overview(db: Db, asOf: string, t: LifecycleThresholds): Overview {
  const head = summary(db, asOf, t)
  const next = addDays(asOf, 1)
  const repeatBuyers = db
    .prepare(
      `SELECT count(*) FROM (SELECT customer_id FROM orders WHERE is_purchase = 1 AND customer_id IS NOT NULL AND ordered_at < ?
        GROUP BY customer_id HAVING count(DISTINCT substr(ordered_at, 1, 10)) >= 2)`
    )
    .pluck()
    .get(next) as number
  const firstMonth = monthsBack(asOf, 23)
  const rows = db
    .prepare(
      `SELECT substr(ordered_at, 1, 7) AS month, sum(total_fen) AS revenueFen,
              sum(is_purchase) AS orders, count(DISTINCT CASE WHEN is_purchase THEN customer_id END) AS buyers
       FROM orders WHERE ordered_at >= ? AND ordered_at < ? GROUP BY month`
    )
    .all(`${firstMonth}-01`, next) as Overview['monthly']
  const byMonth = new Map(rows.map((r) => [r.month, r]))
  const monthly: Overview['monthly'] = []
  for (let i = 23; i >= 0; i--) {
    const month = monthsBack(asOf, i)
    monthly.push(byMonth.get(month) ?? { month, revenueFen: 0, orders: 0, buyers: 0 })
  }
  // the chart starts at the shop's first month with sales (orders_time_purchase answers min() with one seek)
  const firstSale = db.prepare(`SELECT substr(min(ordered_at), 1, 7) FROM orders WHERE ordered_at < ?`).pluck().get(next) as string | null
  return { ...head, repeatBuyers, monthly, chartFrom: chartFrom(asOf, firstSale) }
}

/** 'YYYY-MM' of the month `n` months before the month of `iso`. */
function monthsBack(iso: string, n: number): string {
  const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 - n
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`
}
