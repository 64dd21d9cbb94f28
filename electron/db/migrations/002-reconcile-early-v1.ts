/**
 * Before migration 001 was frozen it was edited in place eight times (columns, indexes, the
 * month table, the search index), so a file made by an early build says `user_version = 1` and
 * lacks what later builds added. This step brings any version-1 file to the frozen 001 shape: it
 * builds the frozen schema in a scratch database and creates, in the file, every table, column,
 * index and trigger that is missing or differs, then fills what the new objects derive from the
 * ledger. On a file made by the frozen 001 it changes nothing.
 *
 * Frozen like every shipped migration: the fills below are this step's own SQL, not calls into
 * services that may change later.
 */
import type { Db, Driver } from '../driver'
import type { Migration } from './index'
import { initialSchema } from './001-initial-schema'

interface SchemaObject {
  type: 'table' | 'index' | 'trigger' | 'view'
  name: string
  tbl_name: string
  sql: string | null
}

interface Column {
  name: string
  type: string
  notnull: number
  dflt_value: string | null
  pk: number
}

const objects = (db: Db): SchemaObject[] =>
  db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY rowid").all() as SchemaObject[]

const columns = (db: Db, table: string): Column[] => db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').all(table) as Column[]

/** Whitespace and comments do not make two definitions differ. */
const sameSql = (a: string | null, b: string | null) => normalise(a) === normalise(b)
function normalise(sql: string | null): string {
  return (sql ?? '')
    .replace(/--[^\n]*/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/\s*([(),])\s*/g, '$1')
    .trim()
}

const FTS5_SHADOWS = ['data', 'idx', 'content', 'docsize', 'config']

/** What reconciling added, for the fills that depend on it. */
interface Added {
  tables: Set<string>
}

function reconcile(db: Db): Added {
  const scratch = new (db.constructor as Driver)(':memory:')
  try {
    initialSchema.up(scratch)
    const want = objects(scratch)
    const have = new Map(objects(db).map((o) => [o.name, o]))
    const added: Added = { tables: new Set() }
    // FTS5 tables create their own shadow tables; those are never compared on their own
    const virtuals = want.filter((o) => o.type === 'table' && /^CREATE VIRTUAL/i.test(o.sql ?? '')).map((o) => o.name)
    const isShadow = (name: string) => virtuals.some((v) => FTS5_SHADOWS.some((suffix) => name === `${v}_${suffix}`))

    for (const t of want.filter((o) => o.type === 'table' && !isShadow(o.name))) {
      if (!have.has(t.name)) {
        db.exec(t.sql!)
        added.tables.add(t.name)
        continue
      }
      if (virtuals.includes(t.name)) continue
      const present = new Map(columns(db, t.name).map((c) => [c.name, c]))
      for (const c of columns(scratch, t.name)) {
        const p = present.get(c.name)
        if (p) {
          if (p.type !== c.type) throw new Error(`column ${t.name}.${c.name} is ${p.type}, expected ${c.type}: this file cannot be upgraded`)
          continue
        }
        const def = [`"${c.name}"`, c.type, c.notnull ? 'NOT NULL' : '', c.dflt_value !== null ? `DEFAULT ${c.dflt_value}` : ''].filter(Boolean).join(' ')
        db.exec(`ALTER TABLE "${t.name}" ADD COLUMN ${def}`)
      }
    }
    for (const kind of ['index', 'trigger'] as const) {
      for (const o of want.filter((w) => w.type === kind && w.sql)) {
        const h = have.get(o.name)
        if (h && sameSql(h.sql, o.sql)) continue
        if (h) db.exec(`DROP ${kind.toUpperCase()} "${o.name}"`)
        db.exec(o.sql!)
      }
    }
    return added
  } finally {
    scratch.close()
  }
}

function fill(db: Db, added: Added): void {
  if (added.tables.has('customer_months')) {
    db.exec(`
      INSERT INTO customer_months (customer_id, month, first_month, first_at, last_at)
      SELECT o.customer_id, substr(o.ordered_at, 1, 7), substr(s.first_purchase, 1, 7), min(o.ordered_at), max(o.ordered_at)
      FROM orders o JOIN customer_summaries s ON s.customer_id = o.customer_id
      WHERE o.customer_id IS NOT NULL AND o.is_purchase = 1
      GROUP BY o.customer_id, substr(o.ordered_at, 1, 7)`)
  }
  // the search index is rebuilt lazily for customers marked dirty (before the first search)
  if (added.tables.has('customer_search')) db.exec('INSERT OR IGNORE INTO customer_search_dirty (customer_id) SELECT id FROM customers')
}

export const reconcileEarlyV1: Migration = {
  name: 'bring early version-1 files to the frozen 001 schema',
  up(db) {
    fill(db, reconcile(db))
  }
}
