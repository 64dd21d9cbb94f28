/**
 * The one place a member list writes an address: the text on the profile and in the
 * customer's address history, as sales imports keep it, with the province, city and district
 * read from it (customers/customer-address.ts, as every import kind stores addresses).
 */
import type { Db } from '../../db/driver'
import type { MasterLog } from './master-log'
import { storeCustomerAddress } from '../customers/customer-address'

export function writeMemberAddress(db: Db, log: MasterLog, customerId: number, address: string, at: string): boolean {
  const old = db.prepare('SELECT address FROM customers WHERE id = ?').pluck().get(customerId) as string | null
  if (old === address) return false
  storeCustomerAddress(db, customerId, address)
  log.note('customer', customerId, 'address', old, address)
  const added = db.prepare('INSERT OR IGNORE INTO customer_addresses (customer_id, address, last_seen) VALUES (?, ?, ?)').run(customerId, address, at).changes
  if (added === 1) log.note('customer', customerId, 'addressSeen', null, address)
  return true
}
