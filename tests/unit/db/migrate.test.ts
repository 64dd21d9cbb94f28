import { describe, expect, it } from 'vitest'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { currentVersion, schemaVersion } from '../../../electron/db/migrate'
import { freshDb } from '../../helpers/db'
import { formatError } from '../../../shared/errors/messages'

describe('database migrations', () => {
  it('brings a new file to the current schema version', () => {
    const db = freshDb()
    expect(currentVersion(db)).toBe(schemaVersion)
    expect(schemaVersion).toBeGreaterThanOrEqual(1)
  })

  it('makes every table STRICT', () => {
    const db = freshDb()
    const tables = db
      .prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE 'CREATE VIRTUAL%'")
      .all() as { name: string; sql: string }[]
    const shadow = /_(data|idx|content|docsize|config)$/
    for (const t of tables.filter((t) => !shadow.test(t.name))) expect(t.sql, t.name).toMatch(/\)\s*STRICT(,\s*WITHOUT ROWID)?\s*$/)
  })

  it('turns on foreign keys and WAL for files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-'))
    const db = openNodeDatabase(join(dir, 'a.db'))
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    db.close()
  })

  it('refuses a database written by a newer app', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-'))
    const file = join(dir, 'new.db')
    const db = openNodeDatabase(file)
    db.pragma(`user_version = ${schemaVersion + 1}`)
    db.close()
    expect(() => openNodeDatabase(file)).toThrow(
      expect.objectContaining({ code: 'DB_TOO_NEW', key: 'dbTooNew', params: { found: schemaVersion + 1, supported: schemaVersion } })
    )
    const params = { found: schemaVersion + 1, supported: schemaVersion }
    expect(formatError('dbTooNew', params, 'zh-CN')).toBe(`数据库版本 ${schemaVersion + 1} 比本程序支持的版本 ${schemaVersion} 新，请升级常青`)
    expect(formatError('dbTooNew', params, 'en')).toBe(`the database version ${schemaVersion + 1} is newer than this app’s ${schemaVersion}; update Evergreen`)
  })

  it('rejects money that is not an integer number of fen', () => {
    const db = freshDb()
    db.prepare("INSERT INTO import_batches (file_name, file_size, file_hash, imported_at, format) VALUES ('f', 0, 'h', '2026-01-01', 'csv')").run()
    db.prepare("INSERT INTO orders (external_id, ordered_at, batch_id) VALUES ('o1', '2026-01-01T10:00:00', 1)").run()
    expect(() => db.prepare("INSERT INTO order_lines (order_id, amount_fen, batch_id, content_key) VALUES (1, 12.5, 1, 'k')").run()).toThrow(
      /cannot store REAL value in INTEGER column/
    )
  })
})
