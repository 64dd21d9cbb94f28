/**
 * .xls (BIFF8 and BIFF5), WPS .et and .ods through SheetJS, from the committed fixtures of
 * make-workbooks.ts. Figures by hand (see that file): 4 sales, 1 of them a walk-in; members'
 * lines 128.00 + 59.90 + 300.00 = 487.90; every amount and the 合计 row 500.40.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/db'
import { DomainError } from '../../../shared/result'
import { openTable } from '../../../electron/services/imports/table-source'
import { previewTable } from '../../../electron/services/imports/preview'
import { fixture, importFixture } from './helpers'

const workbooks = [
  { file: 'wps-sales-biff8.xls', format: 'xls', sheets: ['说明', '销售明细'] },
  { file: 'old-sales-biff5.xls', format: 'xls', sheets: ['Notes', 'Sales'] },
  { file: 'wps-sales.et', format: 'xls', sheets: ['说明', '销售明细'] },
  { file: 'sales.ods', format: 'ods', sheets: ['说明', '销售明细'] }
] as const

describe('old and open workbooks', () => {
  for (const w of workbooks) {
    it(`${w.file}: finds the data sheet behind a notes sheet and imports 3 member sales of 487.90 and a walk-in`, async () => {
      const db = freshDb()
      const r = await importFixture(db, w.file)
      expect(r).toMatchObject({
        format: w.format,
        headerRow: 1,
        rowsRead: 4,
        rowsImported: 3,
        walkIn: 1,
        customersCreated: 2,
        totalFen: 48790,
        readTotalFen: 50040,
        fileTotalFen: 50040
      })
      expect(db.prepare('SELECT ordered_at FROM orders ORDER BY id').pluck().all()).toEqual(['2024-03-05T14:30:00', '2024-03-06T09:05:00', '2024-03-07'])
      expect(db.prepare("SELECT value FROM customer_identities WHERE kind = 'card' ORDER BY value").pluck().all()).toEqual([
        '6222021234567890123',
        '6222029876543210456'
      ])
    })
  }

  it('keeps 13-digit barcodes written as numbers whole, never 6.90123E+12', async () => {
    const table = await openTable(readFileSync(fixture('wps-sales-biff8.xls')))
    const barcodes: string[] = []
    table.eachRow((cells, i) => void (i > 0 && barcodes.push(cells[3])))
    expect(barcodes).toEqual(['6901234567892', '6901234567893', '6901234567894', '6901234567895', ''])
  })

  it('lists the sheets in the preview and reads the one the user picks', async () => {
    const bytes = readFileSync(fixture('wps-sales-biff8.xls'))
    const chosen = previewTable(null, await openTable(bytes), 'wps-sales-biff8.xls', {}, '2026-11-23')
    expect(chosen).toMatchObject({ format: 'xls', sheets: ['说明', '销售明细'], sheet: '销售明细', rowsRead: 4 })
    const picked = await openTable(bytes, { sheet: '说明' })
    const rows: string[][] = []
    picked.eachRow((cells) => void rows.push(cells))
    expect(picked.sheet).toBe('说明')
    expect(rows).toEqual([['本表由收银软件导出']])
  })

  it('says which sheets exist when the picked one is not there', async () => {
    await expect(openTable(readFileSync(fixture('sales.ods')), { sheet: 'Sheet9' })).rejects.toMatchObject({
      code: 'BAD_INPUT',
      key: 'sheetNotFound',
      params: { sheet: 'Sheet9', sheets: expect.stringContaining('说明, 销售明细') }
    })
  })

  it('refuses a password-protected workbook with its own code', async () => {
    const error = await openTable(readFileSync(fixture('password-protected.xlsx'))).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(DomainError)
    expect(error).toMatchObject({ code: 'PASSWORD_PROTECTED', key: 'workbookPasswordProtected' })
  })

  it('refuses a cut-off .xls as damaged', async () => {
    const bytes = readFileSync(fixture('wps-sales-biff8.xls'))
    await expect(openTable(bytes.subarray(0, 700))).rejects.toMatchObject({ code: 'UNREADABLE_FILE', key: 'workbookDamaged' })
  })
})
