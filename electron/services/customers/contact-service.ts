/** The contact log: calls, messages, gifts and cards sent, visits and complaints, each with an outcome. */
import type { Db } from '../../db/driver'
import type { ContactEntry } from '../../../shared/schemas/customers'
import { customerRecord } from './detail-service'
import { refuse } from '../../../shared/errors/refuse'
import { outsideKeptReads } from '../app/data-version'

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
  // a contact-log line: no kept read (rhythm fits, purchases, scores) depends on it, so noting a
  // visit on a customer's file does not make the next call list fit the shop's rhythm again
  const id = Number(
    outsideKeptReads(db, () =>
      db
        .prepare('INSERT INTO contact_log (customer_id, at, kind, outcome, note, staff) VALUES (?, ?, ?, ?, ?, ?)')
        .run(customerId, at, entry.kind, entry.outcome ?? null, note, staff || null)
    ).lastInsertRowid
  )
  return { id, at, kind: entry.kind, outcome: entry.outcome ?? null, note, staff: staff || null, campaignId: null }
}
