/**
 * The ordered list of migrations; the position + 1 is the schema version it produces. A shipped
 * migration never changes (tests/unit/db/migrations-frozen.test.ts pins each file's hash): every
 * schema change is a new file appended here.
 */
import type { Db } from '../driver'
import { initialSchema } from './001-initial-schema'
import { reconcileEarlyV1 } from './002-reconcile-early-v1'
import { masterFiles } from './003-master-files'
import { customerRegions } from './004-customer-regions'
import { childrenByCustomer } from './005-children-by-customer'
import { ordersByTime } from './006-orders-by-time'
import { customerReferences } from './007-customer-references'

export interface Migration {
  name: string
  up(db: Db): void
}

export const migrations: Migration[] = [initialSchema, reconcileEarlyV1, masterFiles, customerRegions, childrenByCustomer, ordersByTime, customerReferences]
