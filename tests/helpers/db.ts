/** A fresh, migrated in-memory database per test, and handler plumbing around it. */
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { createAppContext, type AppContext } from '../../electron/services/app/app-context'
import { buildHandlers } from '../../electron/ipc/handlers'
import { createDispatcher, type Dispatch } from '../../electron/ipc/dispatcher'
import type { Db } from '../../electron/db/driver'

export function freshDb(): Db {
  return openNodeDatabase(':memory:')
}

/** A context pinned to a shop date: no test reads the clock. */
export function testContext(today = '2026-11-23', db: Db = freshDb()): AppContext {
  return createAppContext(db, ':memory:', '0.0.0-test', today)
}

/** Call channels exactly as the UI does, envelope included (and the app lock enforced). */
export function testDispatch(ctx: AppContext): Dispatch {
  return createDispatcher(buildHandlers(ctx), () => {}, ctx.lock)
}
