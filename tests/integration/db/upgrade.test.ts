/**
 * Upgrading real files: a shop's database made by an older app must open in this one, migrate
 * itself after a backup, and answer exactly as it did before. The version-1 shop is
 * tests/fixtures/db/v1.sqlite (made by make-v1.ts through the importer); the earliest
 * version-1 files are rebuilt from it with migration 001 as first committed.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../electron/db/connection'
import { loadDriver, type Db } from '../../../electron/db/driver'
import { currentVersion, migrate, schemaVersion } from '../../../electron/db/migrate'
import { migrations } from '../../../electron/db/migrations'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { createAppContext } from '../../../electron/services/app/app-context'
import { buildHandlers } from '../../../electron/ipc/handlers'
import { createDispatcher } from '../../../electron/ipc/dispatcher'
import { v1Questions } from '../../fixtures/db/v1-questions'

const fixtures = join(__dirname, '../../fixtures/db')
const recorded = JSON.parse(readFileSync(join(fixtures, 'v1-figures.json'), 'utf8')) as {
  asOf: string
  customerId: number
  figures: Record<string, unknown>
}

function copyOfV1(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eg-upgrade-'))
  const file = join(dir, 'shop.db')
  copyFileSync(join(fixtures, 'v1.sqlite'), file)
  return file
}

async function answers(db: Db, file: string): Promise<Record<string, unknown>> {
  const dispatch = createDispatcher(buildHandlers(createAppContext(db, file, 'test', recorded.asOf)), () => {})
  const out: Record<string, unknown> = {}
  for (const [name, [channel, input]] of Object.entries(v1Questions(recorded.customerId))) {
    const r = await dispatch(channel, input)
    if (!r.ok) throw new Error(`${name}: ${r.code} ${r.message}`)
    out[name] = r.data
  }
  return out
}

/** Every table's rows, the schema and the version: what "the file is exactly as it was" means. */
function contents(db: Db): string {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[]
  const rows = tables.map((t) => [t, (db.prepare(`SELECT * FROM "${t}"`).raw().all() as unknown[]).map((r) => JSON.stringify(r)).sort()])
  const schema = db.prepare('SELECT type, name, sql FROM sqlite_master ORDER BY type, name').raw().all()
  return JSON.stringify({ version: currentVersion(db), schema, rows })
}

/** Tables by their columns, indexes and triggers by their definition: two files of one schema agree. */
function shape(db: Db): unknown {
  const objs = db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all() as {
    type: string
    name: string
    sql: string | null
  }[]
  return objs.map((o) =>
    o.type === 'table'
      ? { table: o.name, columns: db.prepare('SELECT name, type, "notnull", dflt_value, pk FROM pragma_table_info(?)').raw().all(o.name) }
      : {
          [o.type]: o.name,
          sql: (o.sql ?? '')
            .replace(/--[^\n]*/g, ' ')
            .replace(/\s+/g, ' ')
            .trim()
        }
  )
}

/** A version-1 file as the first builds wrote it: migration 001 as first committed, with v1's rows. */
function earlyV1(): string {
  const dir = mkdtempSync(join(tmpdir(), 'eg-early-'))
  const file = join(dir, 'early.db')
  const db = new (loadDriver())(file)
  db.exec(readFileSync(join(fixtures, 'v1-early-schema.sql'), 'utf8'))
  db.prepare('ATTACH DATABASE ? AS v1').run(join(fixtures, 'v1.sqlite'))
  const tables = db.prepare("SELECT name, sql FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as {
    name: string
    sql: string
  }[]
  db.transaction(() => {
    for (const t of tables.filter((x) => !/^CREATE VIRTUAL/i.test(x.sql))) {
      const cols = (db.prepare('SELECT name FROM main.pragma_table_info(?)').pluck().all(t.name) as string[]).map((c) => `"${c}"`).join(', ')
      db.exec(`INSERT INTO main."${t.name}" (${cols}) SELECT ${cols} FROM v1."${t.name}"`)
    }
  })()
  db.exec('DETACH DATABASE v1')
  db.pragma('user_version = 1')
  db.close()
  return file
}

describe('upgrading a version-1 shop', () => {
  it('migrates the committed v1 file and answers every question exactly as before', async () => {
    const file = copyOfV1()
    const db = openNodeDatabase(file, { now: () => '2026-12-01T09:00:00' })
    expect(currentVersion(db)).toBe(schemaVersion)
    expect(await answers(db, file)).toMatchObject(recorded.figures)
    db.close()
  })

  it('fills province, city and district from the addresses version 1 stored as bare text (migration 004)', () => {
    const file = copyOfV1()
    // version 1's importer kept the address text and never read its region, as here
    const v1 = new (loadDriver())(file)
    const ids = v1.prepare('SELECT id FROM customers WHERE address IS NULL ORDER BY id LIMIT 3').pluck().all() as number[]
    const set = v1.prepare('UPDATE customers SET address = ? WHERE id = ?')
    set.run('浙江省杭州市西湖区文三路12号', ids[0])
    set.run('浙江省 杭州市 西湖区 ***', ids[1])
    set.run('某某路 8 号', ids[2])
    v1.close()
    const db = openNodeDatabase(file, { now: () => '2026-12-01T09:00:00' })
    const region = db.prepare('SELECT province, city, district FROM customers WHERE id = ?')
    expect(region.get(ids[0])).toEqual({ province: '浙江省', city: '杭州市', district: '西湖区' })
    expect(region.get(ids[1])).toEqual({ province: '浙江省', city: '杭州市', district: '西湖区' })
    expect(region.get(ids[2])).toEqual({ province: null, city: null, district: null })
    // the one address v1 holds (an English one) reads no region and stays as it was
    expect(db.prepare('SELECT count(*) FROM customers WHERE province IS NOT NULL').pluck().get()).toBe(2)
    db.close()
  })

  it("looks up a customer's children through an index, not by reading every child (migration 005)", () => {
    const db = openNodeDatabase(copyOfV1(), { now: () => '2026-12-01T09:00:00' })
    const plan = db
      .prepare('EXPLAIN QUERY PLAN SELECT id FROM customer_children WHERE customer_id = ? AND name = ?')
      .all(1, '小宝')
      .map((r) => (r as { detail: string }).detail)
      .join('; ')
    expect(plan).toContain('USING INDEX customer_children_customer')
    db.close()
  })

  it("reads the overview's figures from an index of orders by time, which replaces the date-only one (migration 006)", () => {
    const db = openNodeDatabase(copyOfV1(), { now: () => '2026-12-01T09:00:00' })
    const plan = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all('2026-12-01')
        .map((r) => (r as { detail: string }).detail)
        .join('; ')
    expect(plan('SELECT count(*) FROM orders WHERE is_purchase = 1 AND ordered_at < ?')).toContain('USING COVERING INDEX orders_time_purchase')
    expect(plan('SELECT substr(min(ordered_at), 1, 7) FROM orders WHERE ordered_at < ?')).toContain('USING COVERING INDEX orders_time_purchase')
    const indexes = db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'orders' AND name LIKE 'orders_time%'").pluck().all()
    expect(indexes).toEqual(['orders_time_purchase'])
    db.close()
  })

  it('finds what still refers to a customer through indexes, so deleting one reads no table whole (migration 007)', () => {
    const db = openNodeDatabase(copyOfV1(), { now: () => '2026-12-01T09:00:00' })
    const plan = (sql: string) =>
      db
        .prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all({ id: recorded.customerId })
        .map((r) => (r as { detail: string }).detail)
        .join('; ')
    // the lookups SQLite makes for each deleted customer (ON DELETE SET NULL / CASCADE / the merges' check)
    expect(plan('SELECT 1 FROM customers WHERE merged_into = @id')).toContain('USING COVERING INDEX customers_merged_into')
    expect(plan('SELECT 1 FROM campaign_members WHERE customer_id = @id')).toContain('USING COVERING INDEX campaign_members_customer')
    expect(plan('SELECT 1 FROM printed_codes WHERE customer_id = @id')).toContain('USING COVERING INDEX printed_codes_customer')
    expect(plan('SELECT 1 FROM batch_field_conflicts WHERE customer_id = @id')).toContain('USING COVERING INDEX batch_field_conflicts_customer')
    // an import batch's undo asks whether anything refers to each customer it created (imports/batches.ts)
    const referenced = plan(
      'SELECT EXISTS (SELECT 1 FROM merges WHERE kept_id = @id OR merged_id = @id) OR EXISTS (SELECT 1 FROM customers WHERE referred_by = @id OR merged_into = @id)'
    )
    expect(referenced).toContain('SEARCH merges USING INDEX merges_kept')
    expect(referenced).toContain('SEARCH merges USING INDEX merges_merged')
    expect(referenced).toContain('SEARCH customers USING INDEX customers_merged_into')
    expect(referenced).not.toMatch(/SCAN (merges|customers)\b/)
    db.close()
  })

  it('keeps a backup of the file as it was, at version 1, before migrating', () => {
    const file = copyOfV1()
    const before = new (loadDriver())(file, { readonly: true })
    const was = contents(before)
    before.close()
    openNodeDatabase(file, { now: () => '2026-12-01T09:00:00' }).close()
    const folder = join(file, '..', 'backups')
    expect(readdirSync(folder)).toEqual(['evergreen-20261201-090000-before-migrate.db'])
    const backup = new (loadDriver())(join(folder, 'evergreen-20261201-090000-before-migrate.db'), { readonly: true })
    expect(contents(backup)).toBe(was)
    backup.close()
  })

  it('takes no backup when the file is already at this version', () => {
    const file = copyOfV1()
    openNodeDatabase(file, { now: () => '2026-12-01T09:00:00' }).close()
    openNodeDatabase(file, { now: () => '2026-12-02T09:00:00' }).close()
    expect(readdirSync(join(file, '..', 'backups'))).toHaveLength(1)
  })

  it('leaves the file exactly as it was when a migration fails', () => {
    const file = copyOfV1()
    const db = openDatabase(loadDriver(), file, { migrate: false })
    const was = contents(db)
    const failing = {
      name: 'a step that writes, then fails',
      up(d: Db) {
        d.exec("CREATE TABLE half_done (x INTEGER) STRICT; UPDATE customers SET notes = 'changed';")
        throw new Error('disk full, say')
      }
    }
    expect(() => migrate(db, { migrations: [...migrations, failing] })).toThrow('disk full, say')
    expect(contents(db)).toBe(was)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    db.close()
    const reopened = new (loadDriver())(file, { readonly: true })
    expect(contents(reopened)).toBe(was)
    reopened.close()
  })

  it('refuses a file from a newer app and leaves it as it was', () => {
    const file = copyOfV1()
    const db = new (loadDriver())(file)
    db.pragma(`user_version = ${schemaVersion + 1}`)
    const was = contents(db)
    db.close()
    expect(() => openNodeDatabase(file)).toThrow(expect.objectContaining({ code: 'DB_TOO_NEW', key: 'dbTooNew' }))
    const after = new (loadDriver())(file, { readonly: true })
    expect(contents(after)).toBe(was)
    after.close()
  })
})

describe('upgrading the earliest version-1 files (before 001 was frozen)', () => {
  it('brings them to the schema a new file has', () => {
    const file = earlyV1()
    const db = openNodeDatabase(file, { now: () => '2026-12-01T09:00:00' })
    const fresh = openNodeDatabase(':memory:')
    expect(shape(db)).toEqual(shape(fresh))
    db.close()
  })

  it('answers every question as the v1 file did', async () => {
    const file = earlyV1()
    const db = openNodeDatabase(file, { now: () => '2026-12-01T09:00:00' })
    expect(await answers(db, file)).toMatchObject(recorded.figures)
    db.close()
  })

  it('changes nothing in a file made by the frozen 001', () => {
    const db = openDatabase(loadDriver(), ':memory:', { migrate: false })
    migrate(db, { migrations: migrations.slice(0, 1) })
    const was = contents(db)
    migrations[1].up(db)
    expect(contents(db)).toBe(was)
  })
})
