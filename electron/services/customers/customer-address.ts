/**
 * The one place an address becomes a customer's: the text plus the province, city and district
 * read from it, so region rules, region views, the gift planner and labels read stored fields
 * instead of parsing on the fly. Every import kind (sales exports, member lists) and the edit
 * form store addresses through here.
 */
import type { Db } from '../../db/driver'
import { parseRegion, type Region } from '../../../shared/domain/region'

/**
 * A platform masks the street of an address it will not hand out ('浙江省 杭州市 西湖区 ***',
 * '文三路**号'): the region still reads, but no parcel can be sent to it.
 */
export function isMaskedAddress(address: string | null | undefined): boolean {
  return !!address && /[*＊]{2,}|[*＊]\s*$/.test(address)
}

/**
 * The region stored with an address. A caller that states a region (the demo, which invents
 * both) is taken at its word, nulls included; otherwise the region is read from the text.
 */
export function addressRegion(address: string | null | undefined, known: Partial<Region> = {}): Region {
  const stated = known.province !== undefined || known.city !== undefined || known.district !== undefined
  if (stated) return { province: known.province ?? null, city: known.city ?? null, district: known.district ?? null }
  return parseRegion(address)
}

export interface CustomerAddressWriter {
  /** Make `address` the customer's, with its region; answers whether anything changed. */
  store(customerId: number, address: string, known?: Partial<Region>): boolean
}

/** Prepared once per batch: the importer stores thousands of addresses through it. */
export function customerAddressWriter(db: Db): CustomerAddressWriter {
  const update = db.prepare(
    `UPDATE customers SET address = @address, province = @province, city = @city, district = @district
     WHERE id = @id AND erased_at IS NULL
       AND (address IS NOT @address OR province IS NOT @province OR city IS NOT @city OR district IS NOT @district)`
  )
  return {
    store(customerId, address, known = {}) {
      const region = addressRegion(address, known)
      return update.run({ id: customerId, address, ...region }).changes === 1
    }
  }
}

/** One address, stored now (the edit form, a member list row). */
export function storeCustomerAddress(db: Db, customerId: number, address: string | null): void {
  if (address === null || address.trim() === '') {
    db.prepare('UPDATE customers SET address = ?, province = NULL, city = NULL, district = NULL WHERE id = ?').run(address, customerId)
    return
  }
  customerAddressWriter(db).store(customerId, address)
}
