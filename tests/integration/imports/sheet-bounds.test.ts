/**
 * Workbooks that declare more than they hold, or hold more than the import lays out: read
 * within bounded memory, or refused before SheetJS lays a sheet out (its `read` is watched: a
 * refusal must come without it). Built in the tests from the committed fixtures (sales.ods,
 * pos-sales.xlsx); nothing large is committed.
 */
import { readFileSync } from 'node:fs'
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import * as XLSX from '@e965/xlsx'
import { freshDb } from '../../helpers/db'
import { DomainError } from '../../../shared/result'
import { fixture, footprint, importBytes } from './helpers'

vi.mock('@e965/xlsx', async (original) => {
  const real = await original<typeof import('@e965/xlsx')>()
  return { ...real, read: vi.fn(real.read) }
})
const read = vi.mocked(XLSX.read)
// (a block: a function returned from beforeEach is run as its teardown, and mockClear returns the mock)
beforeEach(() => {
  read.mockClear()
})

/** sales.ods with its data sheet's content.xml passed through `edit`. */
function salesOds(edit: (dataSheet: string) => string): Uint8Array {
  const entries = unzipSync(readFileSync(fixture('sales.ods')))
  const xml = strFromU8(entries['content.xml'])
  const at = xml.indexOf('<table:table table:name="销售明细"')
  const end = xml.indexOf('</table:table>', at)
  entries['content.xml'] = strToU8(xml.slice(0, at) + edit(xml.slice(at, end)) + xml.slice(end))
  return zipSync(entries)
}

const float = (value: string, attrs = '') =>
  `<table:table-cell office:value-type="float" office:value="${value}"${attrs}><text:p>${value}</text:p></table:table-cell>`

/** What the fixture's sales come to (old-workbooks.test.ts): 3 member sales of 487.90 and a walk-in. */
const SALES = { format: 'ods', rowsRead: 4, rowsImported: 3, walkIn: 1, customersCreated: 2, totalFen: 48790, readTotalFen: 50040, fileTotalFen: 50040 }

async function refusal(name: string, bytes: Uint8Array): Promise<unknown> {
  const db = freshDb()
  const before = footprint(db)
  const error = await importBytes(db, name, bytes).catch((e: unknown) => e)
  expect(footprint(db)).toEqual(before)
  return error
}

describe('.ods rows and columns declared repeated', () => {
  it('reads a sheet saved the LibreOffice way, every row padded to column 16,384 and a million empty rows after, to the same figures', async () => {
    const bytes = salesOds(
      (sheet) =>
        sheet.replaceAll('</table:table-row>', '<table:table-cell table:number-columns-repeated="16377"/></table:table-row>') +
        '<table:table-row table:number-rows-repeated="1048570"><table:table-cell table:number-columns-repeated="16384"/></table:table-row>'
    )
    const r = await importBytes(freshDb(), 'libreoffice.ods', bytes)
    expect(r).toMatchObject(SALES)
    expect(read).toHaveBeenCalledTimes(1)
  })

  it('refuses a value repeated across 16,384 columns and 1,000 rows (16 million cells) as too many cells, before SheetJS lays it out', async () => {
    const bytes = salesOds(
      (sheet) => sheet + `<table:table-row table:number-rows-repeated="1000">${float('0', ' table:number-columns-repeated="16384"')}</table:table-row>`
    )
    const error = await refusal('repeated.ods', bytes)
    expect(error).toBeInstanceOf(DomainError)
    // 16,384 × 1,000 repeated, 36 cells of the sales sheet (header 7, three sales of 7, the walk-in's 6, the 合计 row's 2) and the notes sheet's 1
    expect(error).toMatchObject({
      code: 'UNREADABLE_FILE',
      key: 'tooManyCells',
      params: { cells: 16384037, max: 5000000 }
    })
    expect(read).not.toHaveBeenCalled()
  })

  it('refuses a row of values repeated down past Excel’s last row, before SheetJS lays it out', async () => {
    // six rows of the sheet, then one more repeated 1,048,571 times: the last is row 1,048,577
    const bytes = salesOds((sheet) => sheet + `<table:table-row table:number-rows-repeated="1048571">${float('1')}</table:table-row>`)
    const error = await refusal('tall.ods', bytes)
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'sheetRowPastExcel', params: { row: 1048577, max: 1048576 } })
    expect(read).not.toHaveBeenCalled()
  })

  it('refuses a value repeated past Excel’s last column as too wide, before SheetJS lays it out', async () => {
    const bytes = salesOds((sheet) => sheet + `<table:table-row>${float('1', ' table:number-columns-repeated="16385"')}</table:table-row>`)
    const error = await refusal('wide.ods', bytes)
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'tooManyColumns', params: { columns: 16385, max: 1000 } })
    expect(read).not.toHaveBeenCalled()
  })
})

/** pos-sales.xlsx with its worksheet's XML passed through `edit`. */
function posSales(edit: (sheet: string) => string): Uint8Array {
  const entries = unzipSync(readFileSync(fixture('pos-sales.xlsx')))
  const name = 'xl/worksheets/sheet1.xml'
  entries[name] = strToU8(edit(strFromU8(entries[name])))
  return zipSync(entries, { level: 1 })
}

describe('.xlsx sheets larger than they hold or than Excel allows', () => {
  it('reads a sheet whose dimension says A1:XFD1048576 and whose columns are styled to XFD, though it holds 7 rows, to the file’s figures', async () => {
    const bytes = posSales((s) =>
      s.replace('<dimension ref="A1:H7"/>', '<dimension ref="A1:XFD1048576"/>').replace('<cols>', '<cols><col min="9" max="16384" width="9" customWidth="1"/>')
    )
    const r = await importBytes(freshDb(), 'huge-dimension.xlsx', bytes)
    // pos-sales.xlsx's own figures (fixtures.test.ts): 3 lines of 389.35 from 1 customer, a walk-in, 合计 401.35
    expect(r).toMatchObject({
      format: 'xlsx',
      headerRow: 2,
      rowsRead: 4,
      rowsImported: 3,
      walkIn: 1,
      customersCreated: 1,
      totalFen: 38935,
      fileTotalFen: 40135
    })
    expect(read).toHaveBeenCalledTimes(1)
  })

  it('refuses a sheet of 1,048,577 rows, unnumbered as many writers leave them, before SheetJS lays it out', async () => {
    // rows 8 … 1,048,577 after the fixture's 7, each one cell: a 25 MB worksheet made here, not committed
    const extra = '<row><c><v>1</v></c></row>'.repeat(1_048_577 - 7)
    const bytes = posSales((s) => s.replace('</sheetData>', `${extra}</sheetData>`))
    const error = await refusal('too-tall.xlsx', bytes)
    expect(error).toMatchObject({ code: 'UNREADABLE_FILE', key: 'sheetRowPastExcel', params: { row: 1048577, max: 1048576 } })
    expect(read).not.toHaveBeenCalled()
  }, 30_000)
})
