/**
 * What the import fuzz (tests/integration/security/fuzz-import.test.ts) found, one test per
 * finding, stated as the behaviour a user sees.
 */
import { readFileSync } from 'node:fs'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/db'
import { DomainError } from '../../../shared/result'
import { fixture, footprint, importBytes } from './helpers'

/** pos-sales.xlsx with one more row of one cell, numbered `rowNumber`. */
function posSalesWithRow(rowNumber: number): Uint8Array {
  const entries = unzipSync(readFileSync(fixture('pos-sales.xlsx')))
  const sheet = 'xl/worksheets/sheet1.xml'
  entries[sheet] = strToU8(strFromU8(entries[sheet]).replace('</sheetData>', `<row r="${rowNumber}"><c r="A${rowNumber}"><v>1</v></c></row></sheetData>`))
  return zipSync(entries)
}

describe('workbooks with impossible row numbers', () => {
  it('refuses a row numbered past Excel’s last row (2,147,483,648) instead of running out of memory', async () => {
    const db = freshDb()
    const before = footprint(db)
    const error = await importBytes(db, 'damaged.xlsx', posSalesWithRow(2_147_483_648)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE', message: expect.stringContaining('2147483648') })
    expect(footprint(db)).toEqual(before)
  })

  it('still reads a sheet whose last row is Excel’s last row, 1,048,576', async () => {
    const db = freshDb()
    const r = await importBytes(db, 'tall.xlsx', posSalesWithRow(1_048_576))
    // the lone cell far below is one more row, a receipt number without a customer: a walk-in
    expect(r).toMatchObject({ rowsRead: 5, rowsImported: 3, walkIn: 2, rowsRejected: 0, totalFen: 38935 })
  })
})
