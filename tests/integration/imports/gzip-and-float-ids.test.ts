/**
 * A .csv.gz export read as the CSV it holds (any kind of table), and the UCI Online Retail ids
 * the file writes as `17850.0` found when typed as written or as the number.
 * Figures: the same as the plain fixtures (tests/integration/imports/fixtures.test.ts).
 */
import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { freshDb, testContext, testDispatch } from '../../helpers/db'
import { findCustomerByRef } from '../../../electron/services/customers/find-by-ref'
import { gunzipExport } from '../../../electron/services/imports/gzip-input'
import { openTable } from '../../../electron/services/imports/table-source'
import { fixture, importBytes } from './helpers'

const gz = (name: string) => gzipSync(readFileSync(fixture(name)))

describe('a gzipped export', () => {
  it('imports online-retail-slice.csv.gz with the same figures as the plain file', async () => {
    const db = freshDb()
    const r = await importBytes(db, 'online-retail-slice.csv.gz', gz('online-retail-slice.csv'))
    expect(r).toMatchObject({ kind: 'sales', rowsRead: 410, rowsImported: 352, walkIn: 58, rowsRejected: 0, customersCreated: 28, totalFen: 1379534 })
  })
  it('reads a gzipped GBK member list as members and a gzipped .xlsx as a workbook', async () => {
    const members = await importBytes(freshDb(), 'members.csv.gz', gz('members-gbk.csv'))
    expect(members).toMatchObject({ kind: 'members', rowsImported: 5, rowsRejected: 1, customersCreated: 5 })
    const table = await openTable(gz('pos-sales.xlsx'))
    expect(table.format).toBe('xlsx')
  })
  it('refuses a damaged .gz, one that unpacks past the cap, and a gzip inside a gzip, each saying so', async () => {
    const cut = gz('online-retail-slice.csv').subarray(0, 200)
    await expect(openTable(cut)).rejects.toMatchObject({ code: 'UNREADABLE_FILE', key: 'gzipDamaged' })
    expect(() => gunzipExport(gzipSync(Buffer.alloc(2 * 1024 * 1024, 0x41)), 1024 * 1024)).toThrow(
      expect.objectContaining({ key: 'gzipUnpacksTooLarge', params: { mb: 1 } })
    )
    await expect(openTable(gzipSync(gz('products.csv')))).rejects.toMatchObject({ code: 'UNREADABLE_FILE', key: 'gzippedTwice' })
  })
  it('runs through imports.start on a .csv.gz path like any other file', async () => {
    const ctx = testContext()
    const call = testDispatch(ctx)
    const { writeFileSync, mkdtempSync } = await import('node:fs')
    const { join } = await import('node:path')
    const { tmpdir } = await import('node:os')
    const path = join(mkdtempSync(join(tmpdir(), 'evergreen-gz-')), 'online-retail-slice.csv.gz')
    writeFileSync(path, gz('online-retail-slice.csv'))
    const preview = await call('imports.preview', { file: { path } })
    expect(preview).toMatchObject({ ok: true, data: { kind: 'sales' } })
  })
})

describe('an id the file wrote as 17850.0', () => {
  it('is stored as 17850 and found typed as 17850.0 or 17850, by ref and in the search box', async () => {
    const ctx = testContext('2011-01-01')
    await importBytes(ctx.db, 'online-retail-slice.csv', readFileSync(fixture('online-retail-slice.csv')))
    const byRef = findCustomerByRef(ctx.db, '17850.0')
    expect(byRef).toMatchObject({ kind: 'external', value: '17850' })
    expect(findCustomerByRef(ctx.db, '17850')?.customerId).toBe(byRef!.customerId)
    const call = testDispatch(ctx)
    for (const search of ['17850.0', '17850']) {
      const r = await call('customers.list', { search })
      expect(r).toMatchObject({ ok: true, data: { total: 1 } })
    }
  })
  it('is found typed as 17850 where an older database kept it as 17850.0', async () => {
    const ctx = testContext('2011-01-01')
    await importBytes(ctx.db, 'online-retail-slice.csv', readFileSync(fixture('online-retail-slice.csv')))
    ctx.db.prepare("UPDATE customer_identities SET value = '17850.0' WHERE value = '17850'").run()
    expect(findCustomerByRef(ctx.db, '17850')).toMatchObject({ kind: 'external', value: '17850.0' })
  })
})
