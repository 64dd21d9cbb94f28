/**
 * The overview's figures read every order before a date (how many purchases, each customer's
 * last purchase, the last 24 months month by month). orders_time holds only the date, so each
 * of those orders was also read from the table for its purchase flag, total and customer. This
 * index carries them, so the figures read the index alone (200,000-customer demo, 924,121
 * orders: stats.summary 3.4 → 1.6 s and stats.overview 5.8 → 2.4 s, the same figures).
 * orders_time is this index's first column alone, so it goes: every search it served is served
 * the same by the new one, and an import keeps one index fewer up to date.
 */
import type { Migration } from './index'

export const ordersByTime: Migration = {
  name: 'index orders by time with what the overview reads',
  up(db) {
    db.exec('CREATE INDEX IF NOT EXISTS orders_time_purchase ON orders(ordered_at, is_purchase, total_fen, customer_id)')
    db.exec('DROP INDEX IF EXISTS orders_time')
  }
}
