/**
 * An .xlsx is read in memory: no part of it, customers' names and phones included, reaches the
 * temp folder, where a crash or a kill would leave it for good. The fixture is in Excel's own
 * order (worksheets before the shared strings), the order in which the earlier streaming reader
 * copied worksheets to temp files.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openTable } from '../../../electron/services/imports/table-source'
import { entryNames } from '../../../electron/services/imports/zip-entries'

const fixture = readFileSync(join(__dirname, '../../fixtures/imports/pos-sales.xlsx'))
const savedTmp = process.env.TMPDIR
let emptyTmp: string | null = null

afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR
  else process.env.TMPDIR = savedTmp
  if (emptyTmp) rmSync(emptyTmp, { recursive: true, force: true })
  emptyTmp = null
})

describe('xlsx and the temp folder', () => {
  it('finds the fixture in Excel order: the worksheet before the shared strings', () => {
    const { names } = entryNames(fixture)
    expect(names.indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(names.indexOf('xl/sharedStrings.xml'))
  })

  it('reads that workbook without writing a single temp file, every row as Excel shows it', async () => {
    emptyTmp = mkdtempSync(join(tmpdir(), 'eg-xlsx-tmp-'))
    process.env.TMPDIR = emptyTmp
    const table = await openTable(fixture)
    const rows: string[][] = []
    table.eachRow((cells) => void rows.push(cells))
    expect(readdirSync(emptyTmp)).toEqual([])
    expect(table.format).toBe('xlsx')
    expect(rows[0]).toEqual(['门店销售流水 2024年3月'])
    expect(rows[1]).toEqual(['小票号', '消费时间', '会员卡号', '手机号', '商品名称', '数量', '单价', '消费金额'])
    expect(rows[2]).toEqual(['620000000000000001', '2024-03-05T14:03:00', '88001234', '138 0013 8000', '婴儿奶粉A', '1', '198', '198'])
    expect(rows).toHaveLength(7)
  })
})
