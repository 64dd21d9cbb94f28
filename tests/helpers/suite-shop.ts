/**
 * One demo shop, imported from its export files, shared by every test of a describe block
 * (importing takes seconds), with the shop's settings as the services read them.
 */
import { beforeAll } from 'vitest'
import type { Db } from '../../electron/db/driver'
import type { Settings } from '../../shared/schemas/settings'
import { readSettings } from '../../electron/services/settings/settings-service'
import { DEMO_AS_OF, importedDemoShop } from './imported-shops'

export interface SuiteShop {
  readonly db: Db
  readonly settings: Settings
}

/** Import the shop before the block's tests run; read `db` and `settings` inside the tests. */
export function demoShopForSuite(customers: number, seed: number, asOf = DEMO_AS_OF): SuiteShop {
  let shop: { db: Db; settings: Settings } | null = null
  beforeAll(async () => {
    const db = await importedDemoShop(customers, seed, asOf)
    shop = { db, settings: readSettings(db) }
  }, 120_000)
  const ready = () => {
    if (!shop) throw new Error('the suite shop is read before its beforeAll ran')
    return shop
  }
  return {
    get db() {
      return ready().db
    },
    get settings() {
      return ready().settings
    }
  }
}
