/**
 * The ladder's "core" customers as of a date: enough purchase occasions, spend and product
 * categories within the window of days ending on it (criteria in settings). Filled into
 * temp.seg_core once temp.seg_base holds every customer's figures as of the date.
 */
import type { Db } from '../../db/driver'
import type { CoreCriteria } from '../../../shared/domain/ladder'
import { EVERY_CUSTOMER, type Within } from './snapshot-figures'

/**
 * Only customers whose figures could qualify are looked at: the figures as of the date bound
 * the window's orders, and the ledger's all-time category count bounds the window's. A
 * customer whose first purchase falls inside the window and who bought nothing after the date
 * has all their history in it, so those figures decide at once (without a spend criterion,
 * which counts purchase orders only). The rest are checked on short ranges of the
 * orders_purchase and orders_customer indexes, each LIMIT stopping once enough are seen. At
 * least one purchase in the window is always asked. A stepped build fills `core` from `base`
 * one range of customers at a time (`within`).
 */
export function fillCore(
  db: Db,
  c: CoreCriteria,
  params: { next: string; coreFrom: string },
  tables = { base: 'seg_base', core: 'seg_core' },
  within: Within = EVERY_CUSTOMER
): void {
  const windowSpend =
    c.minSpendFen > 0
      ? `AND (SELECT sum(o.total_fen) FROM orders o INDEXED BY orders_purchase
              WHERE o.customer_id = s.customer_id AND o.is_purchase = 1 AND o.ordered_at >= @coreFrom AND o.ordered_at < @next) >= @coreSpend`
      : ''
  const wholeHistoryInWindow = c.minSpendFen > 0 ? '0' : 's.first_day >= @coreFrom AND s.orders = x.orders'
  db.prepare(
    `INSERT INTO temp.${tables.core} (customer_id)
     SELECT s.customer_id FROM temp.${tables.base} s JOIN customer_summaries x ON x.customer_id = s.customer_id
     WHERE s.orders >= @coreOrders AND x.categories >= @coreCategories AND s.last_day >= @coreFrom${within('s.customer_id')}
       AND CASE WHEN ${wholeHistoryInWindow} THEN 1
           ELSE (SELECT count(*) FROM (
                   SELECT 1 FROM orders o INDEXED BY orders_purchase
                   WHERE o.customer_id = s.customer_id AND o.is_purchase = 1 AND o.ordered_at >= @coreFrom AND o.ordered_at < @next
                   LIMIT @coreOrders)) >= @coreOrders
                ${windowSpend}
                AND (SELECT count(*) FROM (
                   SELECT DISTINCT p.category FROM orders o
                     JOIN order_lines l ON l.order_id = o.id AND l.amount_fen > 0
                     JOIN products p ON p.id = l.product_id
                   WHERE o.customer_id = s.customer_id AND o.ordered_at >= @coreFrom AND o.ordered_at < @next
                   LIMIT @coreCategories)) >= @coreCategories
           END`
  ).run({ ...params, coreOrders: Math.max(c.minOrders, 1), coreSpend: c.minSpendFen, coreCategories: c.minCategories })
}
