/**
 * An Excel-ordered workbook (worksheets before the shared strings) must not leave customers'
 * data in the temp folder: exceljs would copy such worksheets into temp files that only a
 * normal exit removes. The parts are reordered before exceljs reads them.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { strToU8, zipSync } from 'fflate'
import { readXlsxRows } from '../../../electron/services/imports/xlsx-read'
import { entryNames, partsBeforeWorksheets, readableInPassing } from '../../../electron/services/imports/xlsx-entry-order'

const fixture = readFileSync(join(__dirname, '../../fixtures/imports/pos-sales.xlsx'))
const savedTmp = process.env.TMPDIR

afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = savedTmp
})

describe('xlsx parts order', () => {
  it('finds the fixture in Excel order: the worksheet before the shared strings', () => {
    const { names } = entryNames(fixture)
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'))
    expect(readableInPassing(names)).toBe(false)
  })

  it('reads the workbook without writing a single temp file, rows unchanged', async () => {
    const reordered = partsBeforeWorksheets(fixture)
    expect(readableInPassing(entryNames(reordered).names)).toBe(true)
    process.env.TMPDIR = mkdtempSync(join(tmpdir(), 'eg-xlsx-tmp-'))
    const rows = await readXlsxRows(fixture)
    expect(readdirSync(process.env.TMPDIR)).toEqual([])
    expect(rows[0]).toEqual(['门店销售流水 2024年3月'])
    expect(rows[1]).toEqual(['小票号', '消费时间', '会员卡号', '手机号', '商品名称', '数量', '单价', '消费金额'])
    expect(rows[2]).toEqual(['620000000000000001', '2024-03-05T14:03:00', '88001234', '138 0013 8000', '婴儿奶粉A', '1', '198', '198'])
    expect(rows).toHaveLength(7)
  })

  it('gives a workbook without shared strings an empty table, so its worksheet is read in passing too', () => {
    const files = {
      '[Content_Types].xml': strToU8('<Types/>'),
      'xl/worksheets/sheet1.xml': strToU8('<worksheet/>'),
      'xl/_rels/workbook.xml.rels': strToU8('<Relationships/>'),
      'xl/workbook.xml': strToU8('<workbook/>')
    }
    const out = entryNames(partsBeforeWorksheets(zipSync(files)))
    expect(out.names).toEqual(['[Content_Types].xml', 'xl/_rels/workbook.xml.rels', 'xl/workbook.xml', 'xl/sharedStrings.xml', 'xl/worksheets/sheet1.xml'])
  })

  it('passes a workbook already in order through as the same bytes', () => {
    const reordered = partsBeforeWorksheets(fixture)
    expect(partsBeforeWorksheets(reordered)).toBe(reordered)
  })
})
