/**
 * One click on the call list: the outcome goes to the contact log under the entry's key,
 * which takes the entry off the list; 'opted_out' also withdraws phone consent (and says so
 * in the customer's change history).
 */
import type { Db } from '../../db/driver'
import { DomainError } from '../../../shared/result'
import type { CallOutcome } from '../../../shared/schemas/reminders'

export interface RecordCall {
  customerId: number
  key: string
  outcome: CallOutcome
  note?: string
  at: string
  staff: string | null
}

/** Write the outcome; answers the contact-log row id. */
export function recordOutcome(db: Db, r: RecordCall): { id: number; at: string } {
  return db.transaction(() => {
    const consent = db.prepare('SELECT consent_phone FROM customers WHERE id = ? AND erased_at IS NULL').pluck().get(r.customerId) as number | undefined
    if (consent === undefined) throw new DomainError('NOT_FOUND', `没有这位顾客 (no customer ${r.customerId})`)
    const info = db
      .prepare("INSERT INTO contact_log (customer_id, at, kind, outcome, note, staff, topic) VALUES (?, ?, 'call', ?, ?, ?, ?)")
      .run(r.customerId, r.at, r.outcome, r.note ?? null, r.staff, r.key)
    if (r.outcome === 'opted_out' && consent === 1) {
      db.prepare('UPDATE customers SET consent_phone = 0, updated_at = ? WHERE id = ?').run(r.at, r.customerId)
      db.prepare("INSERT INTO change_history (customer_id, at, field, old_value, new_value, staff) VALUES (?, ?, 'consent_phone', '1', '0', ?)").run(
        r.customerId,
        r.at,
        r.staff
      )
    }
    return { id: Number(info.lastInsertRowid), at: r.at }
  })()
}
