/** What a database holds, in a few figures: shown beside each backup before restoring it. */
import type { Db } from '../../db/driver'

export interface BackupFigures {
  schemaVersion: number
  customers: number
  orders: number
  lines: number
  revenueFen: number
  batches: number
  lastSale: string | null
}

export function readFigures(db: Db): BackupFigures {
  const one = (sql: string) => db.prepare(sql).pluck().get() as number
  return {
    schemaVersion: db.pragma('user_version', { simple: true }) as number,
    customers: one('SELECT count(*) FROM customers WHERE erased_at IS NULL AND merged_into IS NULL'),
    orders: one('SELECT count(*) FROM orders WHERE is_purchase = 1'),
    lines: one('SELECT count(*) FROM order_lines'),
    revenueFen: one('SELECT coalesce(sum(amount_fen), 0) FROM order_lines'),
    batches: one('SELECT count(*) FROM import_batches WHERE undone_at IS NULL'),
    lastSale: db.prepare('SELECT max(ordered_at) FROM orders').pluck().get() as string | null
  }
}
