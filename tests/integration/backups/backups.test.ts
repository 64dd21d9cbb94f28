import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { strFromU8, unzipSync } from 'fflate'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { copyOfJourneyShop, journeyPeople } from '../../helpers/imported-shops'
import { createBackup, dailyBackupIfDue, listBackups, pruneBackups, restoreBackup } from '../../../electron/services/backups/online-backup'
import { exportAll, importAll } from '../../../electron/services/backups/full-export'
import { exportAllTo, importAllFrom } from '../../../electron/services/backups/export-file'
import { readFigures } from '../../../electron/services/backups/backup-figures'
import { createAppContext } from '../../../electron/services/app/app-context'
import { testDispatch } from '../../helpers/db'
import { runCli } from '../../../electron/cli/run-cli'
import { refreshCustomerSearch } from '../../../electron/services/customers/search-index'

/** A new shop's first months, imported from its export files (tests/fixtures/journey), in a folder of its own. */
async function shop() {
  const dir = mkdtempSync(join(tmpdir(), 'eg-bk-'))
  const dbPath = await copyOfJourneyShop(join(dir, 'shop.db'))
  const db = openNodeDatabase(dbPath)
  return { dir, dbPath, db, folder: join(dir, 'backups') }
}

// the people the files name: 40 members and the one Taobao buyer who is none
const CUSTOMERS = journeyPeople()

describe('online backups', () => {
  it('writes a checked copy that lists with the figures it holds', async () => {
    const { db, folder } = await shop()
    const b = await createBackup(db, folder, '2026-11-23T09:30:00', 'manual')
    expect(b.name).toBe('evergreen-20261123-093000-manual.db')
    const listed = listBackups(folder)
    expect(listed).toHaveLength(1)
    expect(listed[0].figures).toEqual(readFigures(db))
    expect(listed[0].figures!.customers).toBe(CUSTOMERS)
  })

  it('keeps only the configured number of backups, newest first', async () => {
    const { db, folder } = await shop()
    for (let i = 0; i < 4; i++) await createBackup(db, folder, `2026-11-2${i}T10:00:00`, 'manual')
    expect(pruneBackups(folder, 2)).toEqual(['evergreen-20261121-100000-manual.db', 'evergreen-20261120-100000-manual.db'])
    expect(readdirSync(folder).sort()).toEqual(['evergreen-20261122-100000-manual.db', 'evergreen-20261123-100000-manual.db'])
  })

  it('makes the daily backup once a day', async () => {
    const { db, folder } = await shop()
    expect(await dailyBackupIfDue(db, folder, '2026-11-23T08:00:00')).not.toBeNull()
    expect(await dailyBackupIfDue(db, folder, '2026-11-23T15:00:00')).toBeNull()
    expect(await dailyBackupIfDue(db, folder, '2026-11-24T08:00:00')).not.toBeNull()
  })

  it('backs the database up before a merge, holding both customers as they were', async () => {
    const { db, dbPath, folder } = await shop()
    const ctx = createAppContext(db, dbPath, 't', '2026-11-23')
    const [a, b] = db.prepare('SELECT id FROM customers ORDER BY id LIMIT 2').pluck().all() as number[]
    const before = readFigures(db)
    const r = await testDispatch(ctx)('customers.merge', { keepId: a, mergeId: b })
    expect(r.ok).toBe(true)
    const listed = listBackups(folder)
    expect(listed.map((x) => [x.name, x.reason])).toEqual([['evergreen-20261123-120000-before-merge.db', 'before-merge']])
    expect(listed[0].figures).toEqual(before)
  })

  it('restores while another connection (the CLI) has written to the search index since the app opened', async () => {
    const { db, dbPath, folder } = await shop()
    const b = await createBackup(db, folder, '2026-11-23T09:00:00', 'manual')
    // the app's connection has read the index; then a second connection changes names
    db.prepare("SELECT count(*) FROM customer_search WHERE customer_search MATCH '王'").pluck().get()
    const other = openNodeDatabase(dbPath)
    other.prepare("UPDATE customers SET notes = '另一个连接写的备注' WHERE id IN (SELECT id FROM customers LIMIT 5)").run()
    refreshCustomerSearch(other)
    other.close()
    const r = await restoreBackup(db, folder, b.name, '2026-11-23T10:00:00')
    expect(r.safetyBackup.reason).toBe('before-restore')
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
  })

  it('keeps the audit trail across a restore, with the line for what the restore took back', async () => {
    const { db, dbPath } = await shop()
    const call = testDispatch(createAppContext(db, dbPath, 't', '2026-11-23'))
    const made = await call('backups.create', {})
    expect(made.ok).toBe(true)
    const [a, b] = db.prepare('SELECT id FROM customers ORDER BY id LIMIT 2').pluck().all() as number[]
    expect((await call('customers.merge', { keepId: a, mergeId: b })).ok).toBe(true)
    expect((await call('backups.restore', { name: (made as { data: { name: string } }).data.name })).ok).toBe(true)
    expect(db.prepare('SELECT action FROM audit_log ORDER BY id').pluck().all()).toEqual(['backup', 'merge', 'restore'])
    // the merge itself is gone with the restore
    expect(db.prepare('SELECT count(*) FROM merges').pluck().get()).toBe(0)
  })

  it('keeps the current app passcode across a restore of a backup made before it was set', async () => {
    const { db, dbPath } = await shop()
    const call = testDispatch(createAppContext(db, dbPath, 't', '2026-11-23'))
    const made = (await call('backups.create', {})) as { ok: true; data: { name: string } }
    expect((await call('lock.set', { passcode: '2468' })).ok).toBe(true)
    expect((await call('backups.restore', { name: made.data.name })).ok).toBe(true)
    expect(await call('lock.status', {})).toMatchObject({ ok: true, data: { enabled: true } })
    expect(db.prepare("SELECT count(*) FROM settings WHERE key = 'lock.passcode'").pluck().get()).toBe(1)
  })

  it('restores a backup exactly and keeps the state it replaced', async () => {
    const { db, folder } = await shop()
    const before = readFigures(db)
    const b = await createBackup(db, folder, '2026-11-23T09:00:00', 'manual')
    db.exec('DELETE FROM order_lines WHERE id % 2 = 0')
    expect(readFigures(db).lines).toBeLessThan(before.lines)
    const r = await restoreBackup(db, folder, b.name, '2026-11-23T10:00:00')
    expect(readFigures(db)).toEqual(before)
    expect(r.safetyBackup.reason).toBe('before-restore')
    expect(r.safetyBackup.figures!.lines).toBeLessThan(before.lines)
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(db.pragma('foreign_key_check')).toEqual([])
  })

  it('refuses a backup whose orders name a customer it no longer holds, leaving the shop as it was', async () => {
    const { db, folder } = await shop()
    const b = await createBackup(db, folder, '2026-11-23T09:00:00', 'manual')
    // the backup damaged by hand: a buyer's row gone, their orders and lines left naming them
    const damaged = openNodeDatabase(b.file)
    damaged.pragma('foreign_keys = OFF')
    const buyer = damaged
      .prepare('SELECT customer_id FROM orders WHERE customer_id IS NOT NULL GROUP BY customer_id ORDER BY count(*) DESC, customer_id LIMIT 1')
      .pluck()
      .get() as number
    const orders = damaged.prepare('SELECT count(*) FROM orders WHERE customer_id = ?').pluck().get(buyer) as number
    const lines = damaged.prepare('SELECT count(*) FROM order_lines WHERE customer_id = ?').pluck().get(buyer) as number
    for (const t of [
      'customer_identities',
      'customer_names',
      'customer_addresses',
      'customer_tags',
      'customer_children',
      'customer_summaries',
      'customer_months',
      'batch_field_changes'
    ]) {
      if (damaged.prepare('SELECT count(*) FROM pragma_table_info(?) WHERE name = ?').pluck().get(t, 'customer_id'))
        damaged.prepare(`DELETE FROM ${t} WHERE customer_id = ?`).run(buyer)
    }
    damaged.prepare('DELETE FROM customers WHERE id = ?').run(buyer)
    damaged.close()
    const before = readFigures(db)
    const refused = restoreBackup(db, folder, b.name, '2026-11-23T10:00:00')
    await expect(refused).rejects.toMatchObject({ key: 'referencesBroken', params: { count: orders + lines } })
    expect(readFigures(db)).toEqual(before)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
  })

  it('stages a restore beside the backups and removes the copies killed restores left there', async () => {
    const { db, folder } = await shop()
    const b = await createBackup(db, folder, '2026-11-23T09:00:00', 'manual')
    // a copy from a restore whose process is gone, and one from a restore still running (this process)
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!
    writeFileSync(join(folder, `.restore-staging-${gone}-1.db`), 'customers')
    writeFileSync(join(folder, `.restore-staging-${process.pid}-1.db`), 'customers')
    const tmpBefore = readdirSync(tmpdir()).filter((n) => n.startsWith('evergreen-restore-')).length
    await restoreBackup(db, folder, b.name, '2026-11-23T10:00:00')
    expect(readdirSync(folder).filter((n) => n.startsWith('.restore-staging-'))).toEqual([`.restore-staging-${process.pid}-1.db`])
    expect(readdirSync(tmpdir()).filter((n) => n.startsWith('evergreen-restore-')).length).toBe(tmpBefore)
    expect(listBackups(folder).every((x) => x.name.startsWith('evergreen-'))).toBe(true)
  })

  it('refuses a backup name that tries to leave the folder, and a file that is not SQLite', async () => {
    const { db, folder } = await shop()
    await createBackup(db, folder, '2026-11-23T09:00:00', 'manual')
    const before = readFigures(db)
    await expect(restoreBackup(db, folder, '../shop.db', '2026-11-23T10:00:00')).rejects.toThrow(/cannot contain a path/)
    writeFileSync(join(folder, 'evergreen-20261123-000000-manual.db'), 'not sqlite')
    await expect(restoreBackup(db, folder, 'evergreen-20261123-000000-manual.db', '2026-11-23T10:00:00')).rejects.toThrow(/not a SQLite backup/)
    // both refusals left the shop as it was
    expect(readFigures(db)).toEqual(before)
  })
})

describe('full export and import-all', () => {
  it('reproduces the same figures in an empty database', async () => {
    const { db } = await shop()
    db.prepare('UPDATE customers SET notes = \'=HYPERLINK("http://evil")\' WHERE id = 1').run()
    const { zip, manifest } = exportAll(db, '2026-11-23T12:00:00')
    const target = openNodeDatabase(':memory:')
    const r = importAll(target, zip)
    expect(r.figures).toEqual(readFigures(db))
    expect(r.rows).toBe(manifest.tables.reduce((s, t) => s + t.rows, 0))
    expect(target.prepare('SELECT notes FROM customers WHERE id = 1').pluck().get()).toBe('=HYPERLINK("http://evil")')
    for (const t of ['customers', 'orders', 'order_lines', 'customer_identities']) {
      expect(target.prepare(`SELECT * FROM ${t} ORDER BY 1`).all(), t).toEqual(db.prepare(`SELECT * FROM ${t} ORDER BY 1`).all())
    }
  })

  it('writes CSV files Excel reads: a BOM, and formulas neutralised', async () => {
    const { db } = await shop()
    db.prepare("UPDATE customers SET notes = '=1+1' WHERE id = 1").run()
    const files = unzipSync(exportAll(db, '2026-11-23T12:00:00').zip)
    expect([...files['customers.csv'].slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const csv = strFromU8(files['customers.csv'])
    expect(csv).toContain("'=1+1")
    expect(JSON.parse(strFromU8(files['manifest.json'])).figures.customers).toBe(CUSTOMERS)
  })

  it('refuses to import into a database that already holds data', async () => {
    const { db } = await shop()
    const { zip } = exportAll(db, '2026-11-23T12:00:00')
    expect(() => importAll(db, zip)).toThrow(/empty database/)
  })

  it('refuses junk with a clear message and writes nothing', () => {
    const target = openNodeDatabase(':memory:')
    expect(() => importAll(target, new Uint8Array([1, 2, 3]))).toThrow(/zip/)
    expect(readFigures(target).lines).toBe(0)
  })

  it('writes the export to the file given and reads it back from there into an empty database', async () => {
    const { db, dir } = await shop()
    const file = join(dir, 'all.zip')
    const out = exportAllTo(db, '2026-11-23T12:00:00', file)
    const { zip, manifest } = exportAll(db, '2026-11-23T12:00:00')
    expect(out).toEqual({ file, dataBase64: null, tables: manifest.tables.length, rows: manifest.tables.reduce((s, t) => s + t.rows, 0), bytes: zip.length })
    expect(readFileSync(file).length).toBe(zip.length)
    const back = importAllFrom(openNodeDatabase(':memory:'), { file })
    expect(back).toEqual({ tables: manifest.tables.length, rows: out.rows, figures: readFigures(db) })
  })

  it('refuses through the contract a path outside what a user may name, before anything is written', async () => {
    const { db, dbPath, dir } = await shop()
    const ctx = createAppContext(db, dbPath, 't', '2026-11-23')
    expect(await testDispatch(ctx)('backups.exportAll', { path: join(dir, 'all.csv') })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await testDispatch(ctx)('backups.importAll', { path: join(dir, 'missing.zip') })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(readdirSync(dir).filter((f) => f.startsWith('all'))).toEqual([])
  })

  it('runs through the contract: export then import-all', async () => {
    const { db, dbPath } = await shop()
    const ctx = createAppContext(db, dbPath, 't', '2026-11-23')
    const out = await testDispatch(ctx)('backups.exportAll', {})
    expect(out.ok).toBe(true)
    const target = createAppContext(openNodeDatabase(':memory:'), ':memory:', 't', '2026-11-23')
    const back = await testDispatch(target)('backups.importAll', { name: 'x.zip', dataBase64: (out as { data: { dataBase64: string } }).data.dataBase64 })
    expect(back).toMatchObject({ ok: true, data: { figures: readFigures(db) } })
    const audit = await testDispatch(ctx)('audit.list', {})
    expect(audit).toMatchObject({ ok: true, data: { total: 1, rows: [{ action: 'export', at: '2026-11-23T12:00:00' }] } })
  })
})

describe('backup commands', () => {
  async function cli(args: string[]) {
    let stdout = ''
    const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: () => {}, env: {}, version: 't' })
    return { code, json: stdout ? JSON.parse(stdout) : null }
  }

  it('backs up, lists, restores, exports and imports from the command line', async () => {
    const { dbPath, dir, db } = await shop()
    db.close()
    const b = await cli(['backup', '--db', dbPath, '--as-of', '2026-11-23', '--json'])
    expect(b.code).toBe(0)
    expect(b.json.file).toMatch(/evergreen-20261123-120000-manual\.db$/)
    const list = await cli(['backups', '--db', dbPath, '--json'])
    expect(list.json).toHaveLength(1)
    const restored = await cli(['restore', list.json[0].name, '--db', dbPath, '--as-of', '2026-11-23', '--json'])
    expect(restored.code).toBe(0)
    expect(restored.json.figures.customers).toBe(CUSTOMERS)
    const zip = join(dir, 'all.zip')
    expect((await cli(['export-all', zip, '--db', dbPath, '--json'])).json.file).toBe(zip)
    const fresh = join(dir, 'fresh.db')
    const imported = await cli(['import-all', zip, '--db', fresh, '--json'])
    expect(imported.code).toBe(0)
    expect(imported.json.figures.customers).toBe(CUSTOMERS)
    expect((await cli(['export-all', '--db', dbPath, '--json'])).code).toBe(2)
  })
})

describe('many backups in the same second', () => {
  it('numbers them and keeps the newest when pruning', async () => {
    const { db, folder } = await shop()
    const names: string[] = []
    for (let i = 0; i < 12; i++) names.push((await createBackup(db, folder, '2026-11-23T09:00:00', 'manual')).name)
    expect(names[1]).toBe('evergreen-20261123-090000-manual-2.db')
    expect(listBackups(folder).map((b) => b.name)).toEqual(names.slice(2).reverse())
  })
})
