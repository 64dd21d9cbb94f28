/** Reading a call list in tests: every reason with the customer it is for, and customers by the card a file gave them. */
import type { Db } from '../../electron/db/driver'
import type { CallList } from '../../shared/schemas/reminders'

/** Every reason on the list, each carrying its entry's customer id. */
export function reasonsWithCustomer(list: Pick<CallList, 'entries'>) {
  return list.entries.flatMap((e) => e.reasons.map((r) => ({ ...r, customerId: e.customerId })))
}

/** The customer the importer filed under member card `card`. */
export function customerByCard(db: Db, card: string): number {
  return db.prepare("SELECT customer_id FROM customer_identities WHERE kind = 'card' AND value = ?").pluck().get(card) as number
}
