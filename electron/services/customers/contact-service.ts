/** The contact log: calls, messages, gifts and cards sent, visits and complaints, each with an outcome. */
import type { Db } from '../../db/driver'
import type { ContactEntry } from '../../../shared/schemas/customers'
import { customerRecord } from './detail-service'
import { refuse } from '../../../shared/errors/refuse'

export interface NewContact {
  kind: string
  outcome?: string | null
  note?: string | null
}

/** Add an entry dated `at` by `staff`; refused for an erased or merged customer. */
export function addContact(db: Db, customerId: number, entry: NewContact, at: string, staff: string): ContactEntry {
  const c = customerRecord(db, customerId)
  if (c.erased_at || c.merged_into) throw refuse('customerErasedOrMerged')
  const note = entry.note?.trim() || null
  const id = Number(
    db
      .prepare('INSERT INTO contact_log (customer_id, at, kind, outcome, note, staff) VALUES (?, ?, ?, ?, ?, ?)')
      .run(customerId, at, entry.kind, entry.outcome ?? null, note, staff || null).lastInsertRowid
  )
  return { id, at, kind: entry.kind, outcome: entry.outcome ?? null, note, staff: staff || null, campaignId: null }
}
