/**
 * Version-1 imports kept an address's text but never read its region, so region rules, region
 * views and the gift planner found nobody on an imported shop. This step fills province, city
 * and district for every customer who has an address and no stored region yet (a region staff
 * or the demo already stored stays as it is).
 *
 * It reads addresses with shared/domain/region.ts, the parser the importer uses from now on: a
 * later, better parser reads more addresses, which is what a shop upgrading later wants.
 */
import type { Migration } from './index'
import { parseRegion } from '../../../shared/domain/region'

export const customerRegions: Migration = {
  name: 'store the region read from each customer address',
  up(db) {
    const rows = db
      .prepare(
        `SELECT id, address FROM customers
         WHERE erased_at IS NULL AND trim(coalesce(address, '')) <> ''
           AND province IS NULL AND city IS NULL AND district IS NULL`
      )
      .all() as { id: number; address: string }[]
    const fill = db.prepare('UPDATE customers SET province = ?, city = ?, district = ? WHERE id = ?')
    for (const r of rows) {
      const region = parseRegion(r.address)
      if (region.province || region.city) fill.run(region.province, region.city, region.district, r.id)
    }
  }
}
