import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { detectEncoding, textPieces } from '../../../electron/services/imports/decode'
import { csvTable } from '../../../electron/services/imports/table-source'
import { memoryBytes } from '../../../electron/services/imports/byte-source'

const fixtures = join(__dirname, '../../fixtures/imports')

/** The rows the table gives when its bytes are decoded and parsed `pieceBytes` at a time. */
function rowsInPieces(bytes: Uint8Array, pieceBytes: number): string[][] {
  const rows: string[][] = []
  csvTable(bytes, {}, pieceBytes).eachRow((cells) => void rows.push(cells))
  return rows
}

/** papaparse over the whole decoded text at once: what the reader did before it read in pieces. */
function rowsOfWholeText(bytes: Uint8Array): string[][] {
  const table = csvTable(bytes)
  const source = memoryBytes(bytes)
  const text = [...textPieces(source, detectEncoding(source))].join('')
  return Papa.parse<string[]>(text, { delimiter: table.delimiter!, skipEmptyLines: false }).data
}

const awkward: Record<string, Uint8Array> = {
  'quoted line breaks, doubled quotes and CRLF': Buffer.from(
    '单据号,备注,金额\r\nS1,"第一行\r\n第二行",12.50\r\nS2,"他说""好""",3\r\n"S3","",""\r\nS4,"逗号,在里面",7\r\n'
  ),
  'bare CR line ends': Buffer.from('a,b\r"x\ry",2\r3,4\r'),
  'no line break at the end and a long quoted cell': Buffer.from(`id,note\n1,"${'长'.repeat(3000)}"\n2,"end"`),
  'a UTF-8 BOM and blank rows': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\n\n单据号,金额\n\nS1,1\n,\n')]),
  'GBK with a quoted cell': iconv.encode('标题：销售明细\r\n单据号,会员姓名,金额\r\nS1,"王,芳",￥1,234.00\r\n合计,,1234\r\n', 'gbk'),
  'UTF-16 LE with tabs': Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('单据号\t姓名\n"S\t1"\t李娜\n', 'utf-16le')]),
  'UTF-16 BE with a BOM and an emoji': Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode('a;b\n😀;"x\ny"\n', 'utf-16be')])
}

describe('reading CSV a piece at a time', () => {
  const textFixtures = readdirSync(fixtures).filter((f) => /\.(csv|txt)$/.test(f))
  const cases: [string, Uint8Array][] = [...textFixtures.map((f): [string, Uint8Array] => [f, readFileSync(join(fixtures, f))]), ...Object.entries(awkward)]

  it.each(cases)('gives the rows of the whole text for %s, however the bytes are cut', (_name, bytes) => {
    const whole = rowsOfWholeText(bytes)
    expect(whole.length).toBeGreaterThan(2)
    for (const pieceBytes of [1, 2, 3, 5, 64, 1000]) expect(rowsInPieces(bytes, pieceBytes)).toEqual(whole)
  })

  it('finds a quote left open across pieces and names the row', () => {
    const bytes = Buffer.from('单据号,备注\nS1,ok\nS2,"never closed\nS3,x\n')
    for (const pieceBytes of [3, 1 << 20])
      expect(() => rowsInPieces(bytes, pieceBytes)).toThrow(expect.objectContaining({ key: 'unterminatedQuote', params: { row: 3 } }))
  })

  it('stops reading when the caller says so', () => {
    const seen: number[] = []
    csvTable(readFileSync(join(fixtures, 'online-retail-slice.csv')), {}, 7).eachRow((_cells, index) => {
      seen.push(index)
      return index < 4
    })
    expect(seen).toEqual([0, 1, 2, 3, 4])
  })
})
