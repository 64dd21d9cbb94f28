/** The one place printing asks the segments service who is in a saved segment. */
import type { Db } from '../../db/driver'
import { segmentCustomerIds } from '../segments/membership'
import { readSettings } from '../settings/settings-service'

/** Customer ids in a saved segment (by name or id) as of a date, ascending. */
export function segmentMembers(db: Db, segment: string | number, asOf: string): number[] {
  const selector = typeof segment === 'number' ? { id: segment } : { name: segment }
  return segmentCustomerIds(db, selector, asOf, readSettings(db))
}
