import { describe, expect, it } from 'vitest'
import { odsTableExtents, xlsxSheetExtent } from '../../../electron/services/imports/sheet-extents'

describe('xlsxSheetExtent', () => {
  it('counts every cell and takes the last row from r, or one past the last row when a row has none', () => {
    const xml =
      '<worksheet><dimension ref="A1:XFD1048576"/><sheetData>' +
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1"><v>2</v></c></row>' +
      '<row><c><v>3</v></c></row>' + // row 2, unnumbered
      '<row r="7" spans="1:3"><c r="C7"/></row>' +
      '<row><c r="A8"><v>1</v></c></row>' + // row 8
      '</sheetData><cols><col min="1" max="16384"/></cols></worksheet>'
    expect(xlsxSheetExtent(xml)).toEqual({ lastRow: 8, lastColumn: 0, cells: 5 })
  })

  it('follows namespace prefixes as SheetJS does and ignores tags that only start like row or c', () => {
    const xml = '<x:sheetData><x:row r="3"><x:c r="A3"><x:v>1</x:v></x:c></x:row><rowBreaks count="1"/><cols><col min="1"/></cols><cfRule/></x:sheetData>'
    expect(xlsxSheetExtent(xml)).toEqual({ lastRow: 3, lastColumn: 0, cells: 1 })
  })

  it('finds nothing in XML that holds no rows (shared strings, styles)', () => {
    expect(xlsxSheetExtent('<sst><si><t>王芳</t></si><si><r><t>rich</t></r></si></sst>')).toEqual({ lastRow: 0, lastColumn: 0, cells: 0 })
  })
})

const cell = (value: string, attrs = '') =>
  `<table:table-cell office:value-type="float" office:value="${value}"${attrs}><text:p>${value}</text:p></table:table-cell>`
const row = (cells: string, attrs = '') => `<table:table-row${attrs}>${cells}</table:table-row>`
const table = (name: string, rows: string) => `<table:table table:name="${name}">${rows}</table:table>`

describe('odsTableExtents', () => {
  it('does not count empty repeated cells and rows: a LibreOffice sheet’s million trailing rows reach nowhere', () => {
    const xml = table(
      '销售明细',
      row(cell('1') + cell('2') + '<table:table-cell table:number-columns-repeated="16382"/>') +
        row(cell('3') + '<table:table-cell table:style-name="ce1" table:number-columns-repeated="16383"></table:table-cell>') +
        row('<table:table-cell table:number-columns-repeated="16384"/>', ' table:number-rows-repeated="1048574"')
    )
    expect(odsTableExtents(xml)).toEqual([{ lastRow: 2, lastColumn: 2, cells: 3 }])
  })

  it('multiplies a stored cell by its column and row repeats, as SheetJS lays it out', () => {
    const xml = table('a', row(cell('0', ' table:number-columns-repeated="16384"'), ' table:number-rows-repeated="1048576"'))
    expect(odsTableExtents(xml)).toEqual([{ lastRow: 1_048_576, lastColumn: 16_384, cells: 16_384 * 1_048_576 }])
  })

  it('reaches one row past Excel’s last when a stored row is repeated from the second row to the end', () => {
    const xml = table('a', row(cell('1')) + row(cell('2'), ' table:number-rows-repeated="1048576"'))
    expect(odsTableExtents(xml)).toEqual([{ lastRow: 1_048_577, lastColumn: 1, cells: 1_048_577 }])
  })

  it('counts a self-closing string cell once whatever its repeats, and steps over covered cells', () => {
    const xml = table(
      'a',
      row(
        '<table:covered-table-cell table:number-columns-repeated="3"/>' +
          '<table:table-cell office:value-type="string" office:string-value="x" table:number-columns-repeated="500"/>' +
          cell('9'),
        ' table:number-rows-repeated="4"'
      )
    )
    // the string cell at column 4, stored once; the float at column 504 in all 4 rows
    expect(odsTableExtents(xml)).toEqual([{ lastRow: 4, lastColumn: 504, cells: 5 }])
  })

  it('gives each table its own extent, in order', () => {
    const xml =
      table('说明', row('<table:table-cell office:value-type="string"><text:p>本表</text:p></table:table-cell>')) + table('b', row(cell('1')) + row(cell('2')))
    expect(odsTableExtents(xml)).toEqual([
      { lastRow: 1, lastColumn: 1, cells: 1 },
      { lastRow: 2, lastColumn: 1, cells: 2 }
    ])
  })
})
