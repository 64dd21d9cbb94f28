/**
 * The demo shop's files (product list, counter CSV, online .xlsx, member list) through the
 * importer land on one exact shop: these figures were read off the import before the member
 * list's statements were prepared once per batch rather than per row, and a change meant to
 * save memory or time must leave every one of them as it was.
 */
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../electron/db/driver'
import { summary } from '../../../electron/services/stats/stats-service'
import { defaultLifecycleThresholds } from '../../../shared/domain/lifecycle'
import { DEMO_AS_OF, importedDemoShop } from '../../helpers/imported-shops'

const TABLES = [
  'customers',
  'customer_identities',
  'customer_names',
  'customer_addresses',
  'customer_tags',
  'customer_children',
  'pending_referrers',
  'batch_field_changes',
  'batch_field_conflicts',
  'rejected_rows',
  'orders',
  'order_lines',
  'products',
  'customer_summaries'
] as const

/** Every row of a table in rowid order, as one digest: any changed value changes it. */
function digest(db: Db, table: string): string {
  const h = createHash('sha256')
  for (const row of db.prepare(`SELECT * FROM ${table} ORDER BY rowid`).iterate()) h.update(JSON.stringify(row)).update('\n')
  return h.digest('hex').slice(0, 16)
}

describe('the 2,000-customer demo shop imported from its files', () => {
  it('answers the same rows, figures and customer files as the import always has', async () => {
    const db = await importedDemoShop(2000, 1)
    const counts = Object.fromEntries(TABLES.map((t) => [t, db.prepare(`SELECT count(*) FROM ${t}`).pluck().get() as number]))
    const digests = Object.fromEntries(TABLES.map((t) => [t, digest(db, t)]))
    const stats = summary(db, DEMO_AS_OF, defaultLifecycleThresholds)
    expect(counts).toEqual({
      customers: 2000,
      customer_identities: 4007,
      customer_names: 2000,
      customer_addresses: 2000,
      customer_tags: 683,
      customer_children: 1793,
      pending_referrers: 0,
      batch_field_changes: 8375,
      batch_field_conflicts: 0,
      rejected_rows: 0,
      orders: 9423,
      order_lines: 18753,
      products: 25,
      customer_summaries: 2000
    })
    expect(digests).toEqual({
      customers: 'f9b03651b768d0e3',
      customer_identities: 'f713bd5e4e0e1e0e',
      customer_names: '6522e5b902d70561',
      customer_addresses: 'e9d430b6b9334b5e',
      customer_tags: 'e025bbbb2f496958',
      customer_children: 'a8dd04709a2916d4',
      pending_referrers: 'e3b0c44298fc1c14',
      batch_field_changes: 'fa7e2692925f9be7',
      batch_field_conflicts: 'e3b0c44298fc1c14',
      rejected_rows: 'e3b0c44298fc1c14',
      orders: '3dc87a8903e72fb2',
      order_lines: '7c3a661d00a9b7d8',
      products: 'f4ed060fa10b56bf',
      customer_summaries: '54bf623d0b0ec847'
    })
    expect(stats).toEqual({
      asOf: '2026-11-23',
      customers: 2000,
      orders: 9242,
      lines: 18753,
      revenueFen: 411913070,
      lifecycle: { active: 793, silent: 229, sleeping: 198, drifting: 174, lost: 606 }
    })
    db.close()
  }, 120_000)
})
