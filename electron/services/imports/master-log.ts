/**
 * The log behind member and product lists: each field a batch changes is written through here
 * with its old value, so undo can write every old value back, and a later import can tell a
 * staff edit made after the field's last import (which wins) from a value the file may update.
 */
import type { Statement } from 'better-sqlite3'
import type { Db } from '../../db/driver'
import { storeCustomerAddress } from '../customers/customer-address'

type Entity = 'customer' | 'product'

interface Column {
  table: 'customers' | 'products'
  column: string
  integer?: boolean
  real?: boolean
}

/** Stored field → column. Keys of customer fields match the edit form's (change_history.field). */
export const masterColumns: Record<string, Column> = {
  name: { table: 'customers', column: 'name' },
  gender: { table: 'customers', column: 'gender' },
  birthday: { table: 'customers', column: 'birthday' },
  birthdayLunar: { table: 'customers', column: 'birthday_lunar', integer: true },
  ageBand: { table: 'customers', column: 'age_band' },
  notes: { table: 'customers', column: 'notes' },
  memberSince: { table: 'customers', column: 'member_since' },
  posTier: { table: 'customers', column: 'pos_tier' },
  pointsBalance: { table: 'customers', column: 'points_balance', integer: true },
  storedValueFen: { table: 'customers', column: 'stored_value_fen', integer: true },
  memberAsOf: { table: 'customers', column: 'member_as_of' },
  referredBy: { table: 'customers', column: 'referred_by', integer: true },
  consentSms: { table: 'customers', column: 'consent_sms', integer: true },
  consentMail: { table: 'customers', column: 'consent_mail', integer: true },
  'product.category': { table: 'products', column: 'category' },
  'product.barcode': { table: 'products', column: 'barcode' },
  'product.spec': { table: 'products', column: 'spec' },
  'product.unit': { table: 'products', column: 'unit' },
  'product.retailPriceFen': { table: 'products', column: 'retail_price_fen', integer: true },
  'product.memberPriceFen': { table: 'products', column: 'member_price_fen', integer: true },
  'product.status': { table: 'products', column: 'status' },
  'product.daysPerUnit': { table: 'products', column: 'days_per_unit', real: true }
}

const asText = (v: unknown): string | null => (v === null || v === undefined ? null : String(v))
const fromText = (c: Column, v: string | null): string | number | null => (v === null ? null : c.integer ? Math.trunc(Number(v)) : c.real ? Number(v) : v)

export type FieldOutcome = 'same' | 'changed' | 'staffWins'

export class MasterLog {
  private readonly log
  private readonly staffAt
  private readonly importAt
  private readonly reads = new Map<string, Statement<unknown[]>>()
  private readonly writes = new Map<string, Statement<unknown[]>>()

  constructor(
    private readonly db: Db,
    private readonly batchId: number,
    private readonly at: string
  ) {
    this.log = db.prepare('INSERT INTO batch_field_changes (batch_id, entity, entity_id, field, old_value, new_value, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
    this.staffAt = db.prepare('SELECT max(at) FROM change_history WHERE customer_id = ? AND field = ? AND undone_at IS NULL').pluck()
    this.importAt = db
      .prepare(
        `SELECT max(c.at) FROM batch_field_changes c JOIN import_batches b ON b.id = c.batch_id
         WHERE c.entity = ? AND c.entity_id = ? AND c.field = ? AND b.undone_at IS NULL AND c.batch_id <> ?`
      )
      .pluck()
  }

  /** The stored value of a field as text. */
  read(entityId: number, field: string): string | null {
    const c = masterColumns[field]
    let stmt = this.reads.get(field)
    if (!stmt) this.reads.set(field, (stmt = this.db.prepare(`SELECT ${c.column} FROM ${c.table} WHERE id = ?`).pluck()))
    return asText(stmt.get(entityId))
  }

  private write(entityId: number, field: string, value: string | null): void {
    const c = masterColumns[field]
    let stmt = this.writes.get(field)
    if (!stmt) this.writes.set(field, (stmt = this.db.prepare(`UPDATE ${c.table} SET ${c.column} = ? WHERE id = ?`)))
    stmt.run(fromText(c, value), entityId)
  }

  /**
   * Set a field to the file's value. A customer field staff edited after its last import (or
   * never imported) keeps the staff's value: answered as 'staffWins' for the conflict list.
   */
  set(entity: Entity, entityId: number, field: string, value: string | number | null): FieldOutcome {
    const next = asText(value)
    const old = this.read(entityId, field)
    if (old === next) return 'same'
    if (entity === 'customer' && this.staffWins(entityId, field)) return 'staffWins'
    this.write(entityId, field, next)
    this.note(entity, entityId, field, old, next)
    return 'changed'
  }

  /** Whether staff edited this customer field after its last import (or edited a field never imported). */
  staffWins(customerId: number, field: string): boolean {
    const at = this.staffAt.get(customerId, field) as string | null
    if (at === null) return false
    // the edit form records the day only: an edit that day counts as after any import that day,
    // since keeping a staff's value is the safer mistake than overwriting it
    const staff = at.length === 10 ? `${at}T23:59:59` : at
    const imported = this.importAt.get('customer', customerId, field, this.batchId) as string | null
    return imported === null || staff > imported
  }

  /** Log a change made outside set() (a tag, a child, a pending referrer) for undo. */
  note(entity: Entity, entityId: number, field: string, old: string | null, next: string | null): void {
    this.log.run(this.batchId, entity, entityId, field, old, next, this.at)
  }
}

/**
 * Write back every field a batch changed, newest first: what undo does for master files.
 * Answers how many fields were restored.
 */
export function revertFieldChanges(db: Db, batchId: number): number {
  const rows = db
    .prepare('SELECT entity, entity_id AS id, field, old_value AS old, new_value AS new FROM batch_field_changes WHERE batch_id = ? ORDER BY id DESC')
    .all(batchId) as { entity: Entity; id: number; field: string; old: string | null; new: string | null }[]
  for (const r of rows) {
    if (r.field === 'tag') db.prepare('DELETE FROM customer_tags WHERE customer_id = ? AND tag = ?').run(r.id, r.new)
    else if (r.field === 'child') db.prepare('DELETE FROM customer_children WHERE id = ?').run(Number(r.new))
    else if (r.field.startsWith('child.')) {
      // child.birthday#12, child.gender#12
      const [what, childId] = r.field.slice(6).split('#')
      db.prepare(`UPDATE customer_children SET ${what === 'gender' ? 'gender' : 'birthday'} = ? WHERE id = ?`).run(r.old, Number(childId))
    } else if (r.field === 'nameSeen') db.prepare('DELETE FROM customer_names WHERE customer_id = ? AND name = ?').run(r.id, r.new)
    else if (r.field === 'addressSeen') db.prepare('DELETE FROM customer_addresses WHERE customer_id = ? AND address = ?').run(r.id, r.new)
    // the region goes back with the text it was read from
    else if (r.field === 'address') storeCustomerAddress(db, r.id, r.old)
    else if (r.field === 'pendingReferrer') {
      // a later batch linked a referrer this one had left pending: it waits again
      const p = JSON.parse(r.old ?? 'null') as { kind: string; value: string; batchId: number | null } | null
      if (p)
        db.prepare('INSERT OR REPLACE INTO pending_referrers (customer_id, kind, value, batch_id) VALUES (?, ?, ?, ?)').run(r.id, p.kind, p.value, p.batchId)
    } else {
      const c = masterColumns[r.field]
      if (c) db.prepare(`UPDATE ${c.table} SET ${c.column} = ? WHERE id = ?`).run(fromText(c, r.old), r.id)
    }
  }
  db.prepare('DELETE FROM pending_referrers WHERE batch_id = ?').run(batchId)
  return rows.length
}
