/**
 * PIPL erase: a customer's personal data is deleted for good. Sales stay as anonymous
 * figures (orders and lines keep their amounts, the customer row keeps only its id, dates and
 * erased_at), so totals and reports do not change. The reply counts the anonymous orders kept,
 * for the audit line (shared/audit-specs.ts), which has no personal data.
 */
import type { Db } from '../../db/driver'
import { customerRecord } from './detail-service'
import { refreshCustomerSearch } from './search-index'
import { refuse } from '../../../shared/errors/refuse'

/** Erase customer `id` as of `at`; refused for a customer already erased. */
export function eraseCustomer(db: Db, id: number, at: string): { id: number; erasedAt: string; orders: number } {
  const c = customerRecord(db, id)
  if (c.erased_at) throw refuse('customerErased', { id })
  // freed pages and old FTS segments would keep the text until reused: secure_delete zeroes them
  const secure = db.pragma('secure_delete', { simple: true })
  db.pragma('secure_delete = ON')
  let orders = 0
  db.transaction(() => {
    // files merged into this one are the same person: their leftovers go as well
    const people = JSON.stringify([id, ...(db.prepare('SELECT id FROM customers WHERE merged_into = ?').pluck().all(id) as number[])])
    const scope = 'IN (SELECT value FROM json_each(?))'
    for (const table of ['customer_identities', 'customer_names', 'customer_addresses', 'customer_tags', 'customer_children']) {
      db.prepare(`DELETE FROM ${table} WHERE customer_id ${scope}`).run(people)
    }
    db.prepare(
      `UPDATE customers SET name = NULL, gender = NULL, birthday = NULL, birthday_lunar = 0, age_band = NULL, address = NULL,
         province = NULL, city = NULL, district = NULL, notes = NULL, referred_by = NULL, targeted = 0,
         consent_phone = 0, consent_sms = 0, consent_wechat = 0, consent_mail = 0, updated_at = ?, erased_at = ?
       WHERE id ${scope}`
    ).run(at, at, people)
    // a delivery address on an order is personal data too; the amounts are not
    db.prepare(`UPDATE orders SET address = NULL WHERE customer_id ${scope}`).run(people)
    db.prepare(`UPDATE contact_log SET note = NULL WHERE customer_id ${scope}`).run(people)
    db.prepare(`UPDATE change_history SET old_value = NULL, new_value = NULL WHERE customer_id ${scope}`).run(people)
    // a merge's undo data holds copies of names, addresses and the profile: gone too, so it cannot be undone
    db.prepare(`UPDATE merges SET undo_data = '{"erased":true}' WHERE kept_id ${scope} OR merged_id ${scope}`).run(people, people)
    orders = db.prepare('SELECT count(*) FROM orders WHERE customer_id = ?').pluck().get(id) as number
    refreshCustomerSearch(db)
  })()
  try {
    db.exec("INSERT INTO customer_search (customer_search) VALUES ('optimize'); INSERT INTO customer_grams (customer_grams) VALUES ('optimize');")
  } finally {
    db.pragma(`secure_delete = ${Number(secure) === 1 ? 'ON' : 'OFF'}`)
  }
  return { id, erasedAt: at, orders }
}
