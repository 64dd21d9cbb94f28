/**
 * Import batches after the fact: the list, undoing one as a whole, and its rejected rows as
 * a CSV people can open in Excel.
 */
import Papa from 'papaparse'
import type { Db } from '../../db/driver'
import type { BatchSummary, UndoResult } from '../../../shared/schemas/imports'
import { refreshOrderTotals, refreshSummaries } from '../ledger/summaries'
import { revertFieldChanges } from './master-log'
import { refuse } from '../../../shared/errors/refuse'

/** Every batch, newest first (demo batches included). */
export function listBatches(db: Db): BatchSummary[] {
  const rows = db
    .prepare(
      `SELECT id, file_name AS file, kind, imported_at AS importedAt, format, rows_read AS rowsRead, rows_imported AS rowsImported,
              rows_rejected AS rowsRejected, walk_in AS walkIn, excluded_by_status AS excludedByStatus, duplicates,
              customers_created AS customersCreated, customers_matched AS customersMatched, total_fen AS totalFen,
              file_total_fen AS fileTotalFen, undone_at AS undoneAt
       FROM import_batches ORDER BY id DESC`
    )
    .all() as Omit<BatchSummary, 'undone'>[]
  return rows.map((r) => ({ ...r, undone: r.undoneAt !== null }))
}

/**
 * Undo a batch: delete its lines; then the orders it created that are left empty, the
 * products nobody buys any more, and the customers it created that nothing else refers to
 * (with their identities, names, addresses). Identities it added to customers who stay are
 * removed too, so re-importing the file finds nothing in its way. Figures are refreshed.
 */
export function undoBatch(db: Db, batchId: number, undoneAt: string): UndoResult {
  const batch = db.prepare('SELECT id, undone_at FROM import_batches WHERE id = ?').get(batchId) as { id: number; undone_at: string | null } | undefined
  if (!batch) throw refuse('importBatchNotFound', { id: batchId })
  if (batch.undone_at) throw refuse('batchAlreadyUndone', { id: batchId, at: batch.undone_at })
  return db.transaction((): UndoResult => {
    db.exec('CREATE TEMP TABLE IF NOT EXISTS undo_orders (id INTEGER PRIMARY KEY); DELETE FROM undo_orders;')
    db.exec('CREATE TEMP TABLE IF NOT EXISTS undo_customers (id INTEGER PRIMARY KEY); DELETE FROM undo_customers;')
    db.exec('CREATE TEMP TABLE IF NOT EXISTS undo_products (id INTEGER PRIMARY KEY); DELETE FROM undo_products;')
    db.prepare('INSERT OR IGNORE INTO undo_orders SELECT order_id FROM order_lines WHERE batch_id = ?').run(batchId)
    db.prepare('INSERT OR IGNORE INTO undo_orders SELECT id FROM orders WHERE batch_id = ?').run(batchId)
    db.prepare('INSERT OR IGNORE INTO undo_customers SELECT customer_id FROM order_lines WHERE batch_id = ? AND customer_id IS NOT NULL').run(batchId)
    db.prepare('INSERT OR IGNORE INTO undo_customers SELECT id FROM customers WHERE created_batch_id = ?').run(batchId)
    db.prepare('INSERT OR IGNORE INTO undo_products SELECT product_id FROM order_lines WHERE batch_id = ? AND product_id IS NOT NULL').run(batchId)
    // member and product lists: every field they changed goes back first (tags, children and
    // referrals included), so the customers they created are left unreferenced and can go
    db.prepare("INSERT OR IGNORE INTO undo_customers SELECT entity_id FROM batch_field_changes WHERE batch_id = ? AND entity = 'customer'").run(batchId)
    db.prepare(
      "INSERT OR IGNORE INTO undo_customers SELECT CAST(old_value AS INTEGER) FROM batch_field_changes WHERE batch_id = ? AND field = 'referredBy' AND old_value IS NOT NULL"
    ).run(batchId)
    db.prepare(
      "INSERT OR IGNORE INTO undo_customers SELECT CAST(new_value AS INTEGER) FROM batch_field_changes WHERE batch_id = ? AND field = 'referredBy' AND new_value IS NOT NULL"
    ).run(batchId)
    const productBuyers = db
      .prepare(
        "SELECT DISTINCT l.customer_id FROM order_lines l JOIN batch_field_changes c ON c.entity = 'product' AND c.entity_id = l.product_id AND c.field = 'product.category' WHERE c.batch_id = ? AND l.customer_id IS NOT NULL"
      )
      .pluck()
      .all(batchId) as number[]
    const fieldsRestored = revertFieldChanges(db, batchId)

    const linesRemoved = db.prepare('DELETE FROM order_lines WHERE batch_id = ?').run(batchId).changes
    const ordersRemoved = db
      .prepare(
        `DELETE FROM orders WHERE id IN (SELECT id FROM undo_orders)
           AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.order_id = orders.id)`
      )
      .run().changes
    // orders of this batch that later lines still use: they stay, and no longer belong to a batch being undone
    // products the sales created and nothing else uses go; a product list's own products stay with their list
    const productsRemoved = db
      .prepare(
        `DELETE FROM products WHERE id IN (SELECT id FROM undo_products) AND days_per_unit IS NULL AND created_batch_id IS NULL
           AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.product_id = products.id)`
      )
      .run().changes
    const listedProductsRemoved = db
      .prepare('DELETE FROM products WHERE created_batch_id = ? AND NOT EXISTS (SELECT 1 FROM order_lines l WHERE l.product_id = products.id)')
      .run(batchId).changes
    db.prepare('UPDATE products SET created_batch_id = NULL WHERE created_batch_id = ?').run(batchId)
    const created = db.prepare('SELECT id FROM customers WHERE created_batch_id = ?').pluck().all(batchId) as number[]
    const isReferenced = db
      .prepare(
        `SELECT EXISTS (SELECT 1 FROM order_lines WHERE customer_id = @id)
             OR EXISTS (SELECT 1 FROM orders WHERE customer_id = @id)
             OR EXISTS (SELECT 1 FROM contact_log WHERE customer_id = @id)
             OR EXISTS (SELECT 1 FROM customer_tags WHERE customer_id = @id)
             OR EXISTS (SELECT 1 FROM customer_children WHERE customer_id = @id)
             OR EXISTS (SELECT 1 FROM campaign_members WHERE customer_id = @id)
             OR EXISTS (SELECT 1 FROM printed_codes WHERE customer_id = @id)
             OR EXISTS (SELECT 1 FROM change_history WHERE customer_id = @id)
             OR EXISTS (SELECT 1 FROM merges WHERE kept_id = @id OR merged_id = @id)
             OR EXISTS (SELECT 1 FROM customers WHERE referred_by = @id OR merged_into = @id)`
      )
      .pluck()
    const deleteCustomer = db.prepare('DELETE FROM customers WHERE id = ?')
    let customersRemoved = 0
    const kept = new Set<number>()
    for (const id of created) {
      if (isReferenced.get({ id })) kept.add(id)
      else customersRemoved += deleteCustomer.run(id).changes
    }
    // identities this batch attached to customers that existed before it
    const dropIdentity = db.prepare('DELETE FROM customer_identities WHERE id = ?')
    const added = db.prepare('SELECT id, customer_id FROM customer_identities WHERE batch_id = ?').all(batchId) as { id: number; customer_id: number }[]
    for (const row of added) if (!kept.has(row.customer_id)) dropIdentity.run(row.id)
    db.prepare('UPDATE customers SET created_batch_id = NULL WHERE created_batch_id = ?').run(batchId)

    const remainingOrders = db.prepare('SELECT id FROM undo_orders WHERE id IN (SELECT id FROM orders)').pluck().all() as number[]
    refreshOrderTotals(db, remainingOrders)
    const remainingCustomers = [
      ...(db.prepare('SELECT id FROM undo_customers WHERE id IN (SELECT id FROM customers)').pluck().all() as number[]),
      ...productBuyers
    ]
    db.prepare('DELETE FROM customer_summaries WHERE customer_id IN (SELECT id FROM undo_customers)').run()
    db.prepare('DELETE FROM customer_months WHERE customer_id IN (SELECT id FROM undo_customers)').run()
    refreshSummaries(db, remainingCustomers)
    db.prepare('UPDATE import_batches SET undone_at = ? WHERE id = ?').run(undoneAt, batchId)
    return {
      batchId,
      linesRemoved,
      ordersRemoved,
      customersRemoved,
      customersKept: kept.size,
      productsRemoved: productsRemoved + listedProductsRemoved,
      fieldsRestored
    }
  })()
}

/** The rejected rows of a batch as CSV (with a BOM, so Excel reads the Chinese right). */
export function rejectedRowsCsv(db: Db, batchId: number): { fileName: string; csv: string; count: number } {
  const batch = db.prepare('SELECT file_name FROM import_batches WHERE id = ?').pluck().get(batchId) as string | undefined
  if (batch === undefined) throw refuse('importBatchNotFound', { id: batchId })
  const rows = db.prepare('SELECT row_number, column_name, value, reason FROM rejected_rows WHERE batch_id = ? ORDER BY row_number, id').all(batchId) as {
    row_number: number
    column_name: string | null
    value: string | null
    reason: string
  }[]
  const csv = Papa.unparse({
    fields: ['行号 row', '列 column', '值 value', '原因 reason'],
    data: rows.map((r) => [r.row_number, r.column_name ?? '', r.value ?? '', r.reason])
  })
  return { fileName: `${batch.replace(/\.[^.]+$/, '')}-rejected-rows.csv`, csv: '\ufeff' + csv + '\r\n', count: rows.length }
}
