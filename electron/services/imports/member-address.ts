/**
 * The one place a member list writes an address: the text on the profile and in the
 * customer's address history, as sales imports keep it, with the province, city and district
 * read from it (customers/customer-address.ts, as every import kind stores addresses).
 * Prepared once per batch: a statement prepared per row holds its native memory until the
 * garbage collector, which does not see it, gets round to it (20,000 rows: hundreds of MB).
 */
import type { Db } from '../../db/driver'
import type { MasterLog } from './master-log'
import { customerAddressWriter } from '../customers/customer-address'

export interface MemberAddressWriter {
  /** The address on the customer's profile now. */
  current(customerId: number): string | null
  /** Make `address` the customer's, logged for undo; answers false when it already was. */
  write(customerId: number, address: string): boolean
}

export function memberAddressWriter(db: Db, log: MasterLog, at: string): MemberAddressWriter {
  const current = db.prepare('SELECT address FROM customers WHERE id = ?').pluck()
  const seen = db.prepare('INSERT OR IGNORE INTO customer_addresses (customer_id, address, last_seen) VALUES (?, ?, ?)')
  const profile = customerAddressWriter(db)
  return {
    current: (customerId) => current.get(customerId) as string | null,
    write(customerId, address) {
      const old = current.get(customerId) as string | null
      if (old === address) return false
      profile.store(customerId, address)
      log.note('customer', customerId, 'address', old, address)
      if (seen.run(customerId, address, at).changes === 1) log.note('customer', customerId, 'addressSeen', null, address)
      return true
    }
  }
}
