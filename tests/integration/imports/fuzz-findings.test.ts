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

/** pos-sales.xlsx with one more row of one cell, numbered `rowNumber`, in column `column`. */
function posSalesWithRow(rowNumber: number, column = 'A'): Uint8Array {
  const entries = unzipSync(readFileSync(fixture('pos-sales.xlsx')))
  const sheet = 'xl/worksheets/sheet1.xml'
  entries[sheet] = strToU8(
    strFromU8(entries[sheet]).replace('</sheetData>', `<row r="${rowNumber}"><c r="${column}${rowNumber}"><v>1</v></c></row></sheetData>`)
  )
  return zipSync(entries)
}

describe('workbooks with impossible row numbers', () => {
  it('refuses a row numbered past Excel’s last row (2,147,483,648) instead of running out of memory', async () => {
    const db = freshDb()
    const before = footprint(db)
    const error = await importBytes(db, 'damaged.xlsx', posSalesWithRow(2_147_483_648)).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'sheetRowPastExcel', params: { row: 2147483648, max: 1048576 } })
    expect(footprint(db)).toEqual(before)
  })

  it('refuses the row just past Excel’s last row, 1,048,577, though the sheet’s dimension tag says A1:H7', async () => {
    const db = freshDb()
    const error = await importBytes(db, 'damaged.xlsx', posSalesWithRow(1_048_577)).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'sheetRowPastExcel', params: { row: 1048577, max: 1048576 } })
  })

  it('refuses a row numbered past what an array can index (99,999,999,999) rather than dropping it unseen', async () => {
    const db = freshDb()
    const error = await importBytes(db, 'damaged.xlsx', posSalesWithRow(99_999_999_999)).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'sheetRowPastExcel', params: { row: 99999999999, max: 1048576 } })
  })

  it('refuses a cell in a column past Excel’s last (AAAAA, column 475,255) as too wide', async () => {
    const db = freshDb()
    const error = await importBytes(db, 'damaged.xlsx', posSalesWithRow(8, 'AAAAA')).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'tooManyColumns', params: { columns: 475255, max: 1000 } })
  })

  it('still reads a sheet whose last row is Excel’s last row, 1,048,576', async () => {
    const db = freshDb()
    const r = await importBytes(db, 'tall.xlsx', posSalesWithRow(1_048_576))
    // the lone cell far below is one more row, a receipt number without a customer: a walk-in
    expect(r).toMatchObject({ rowsRead: 5, rowsImported: 3, walkIn: 2, rowsRejected: 0, totalFen: 38935 })
  })
})

/** pos-sales.xlsx with the first byte of its worksheet's deflate data set to a reserved block type. */
function posSalesWithBrokenSheetData(): Uint8Array {
  const bytes = readFileSync(fixture('pos-sales.xlsx'))
  const signature = Buffer.from([0x50, 0x4b, 0x03, 0x04])
  const name = Buffer.from('xl/worksheets/sheet1.xml')
  let at = bytes.indexOf(signature)
  while (!bytes.subarray(at + 30, at + 30 + name.length).equals(name)) at = bytes.indexOf(signature, at + 4)
  expect(bytes.readUInt16LE(at + 8)).toBe(8) // deflated
  bytes[at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28)] = 0xff // BFINAL 1, BTYPE 11: no such block type
  return bytes
}

describe('workbooks whose zip data is damaged', () => {
  it('refuses a worksheet whose compressed data cannot be inflated, promptly, instead of waiting forever', async () => {
    const db = freshDb()
    const before = footprint(db)
    const error = await importBytes(db, 'damaged.xlsx', posSalesWithBrokenSheetData()).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'xlsxDamaged' })
    expect(footprint(db)).toEqual(before)
  }, 10_000)
})

describe('amounts no shop line can hold', () => {
  it('rejects a line above 999,999,999.99 yuan as out of range and keeps every total an exact integer', async () => {
    const db = freshDb()
    const r = await importBytes(
      db,
      'huge.csv',
      Buffer.from(
        [
          '单据号,销售时间,会员卡号,数量,单价,实收金额',
          'A1,2024-03-01 10:00,K1,1,,999999999.99',
          'A2,2024-03-01 11:00,K1,1,,999999999999999',
          'A3,2024-03-01 12:00,K1,1,,999999999999999.99',
          'A4,2024-03-01 13:00,K1,1,1000000000,',
          'A5,2024-03-01 14:00,K1,99999999999999999999,198,',
          'A6,2024-03-01 15:00,K1,2,1.5,',
          '合计,,,,,999999999999999'
        ].join('\n')
      )
    )
    expect(r).toMatchObject({
      rowsRead: 6,
      rowsImported: 2,
      rowsRejected: 4,
      totalFen: 99_999_999_999 + 300,
      readTotalFen: 99_999_999_999 + 300,
      fileTotalFen: null
    })
    expect(r.errors.map((e) => [e.row, e.column, e.value])).toEqual([
      [3, '实收金额', '999999999999999'],
      [4, '实收金额', '999999999999999.99'],
      [5, '单价', '1000000000'],
      [6, '数量', '99999999999999999999']
    ])
    expect(new Set(r.errors.map((e) => e.reason))).toEqual(
      new Set(['金额超出范围，单行不能超过 999,999,999.99 元 (amount out of range: more than 999,999,999.99 on one line)'])
    )
    expect(db.prepare('SELECT sum(amount_fen) FROM order_lines').pluck().get()).toBe(99_999_999_999 + 300)
  })
})
