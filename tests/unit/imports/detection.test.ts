import { describe, expect, it, test } from 'vitest'
import iconv from 'iconv-lite'
import { detectEncoding as detectEncodingOf, PIECE_BYTES, textPieces } from '../../../electron/services/imports/decode'
import { memoryBytes } from '../../../electron/services/imports/byte-source'
import { csvTable } from '../../../electron/services/imports/table-source'
import { detectDelimiter } from '../../../electron/services/imports/delimiter'
import { detectHeaderRow, isTotalsRow } from '../../../electron/services/imports/layout'
import { autoMapColumns } from '../../../electron/services/imports/synonyms'
import { normalizeHeader } from '../../../electron/services/imports/header-names'
import { columnsToMapping } from '../../../electron/services/imports/layout-analysis'
import { cleanId, rowIdentities } from '../../../electron/services/imports/identity-values'
import { isExcludedStatus } from '../../../electron/services/imports/status-rules'

const text = '单据号,销售时间,会员姓名\r\nS001,2024/3/1 10:00,王芳\r\n'
const detectEncoding = (bytes: Uint8Array) => detectEncodingOf(memoryBytes(bytes))
const decodeAll = (bytes: Uint8Array, pieceBytes?: number) => [...textPieces(memoryBytes(bytes), detectEncoding(bytes), pieceBytes)].join('')

describe('detectEncoding', () => {
  it('reads a UTF-8 BOM, UTF-16 BOMs, plain UTF-8 and GBK', () => {
    expect(detectEncoding(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]))).toBe('utf-8')
    expect(detectEncoding(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]))).toBe('utf-16le')
    expect(detectEncoding(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]))).toBe('utf-16be')
    expect(detectEncoding(Buffer.from(text))).toBe('utf-8')
    expect(detectEncoding(iconv.encode(text, 'gbk'))).toBe('gb18030')
  })
  it('finds UTF-16 without a BOM by where the NUL bytes sit', () => {
    const ascii = 'order,time,amount\n1,2024-03-05,12.50\n'
    expect(detectEncoding(iconv.encode(ascii, 'utf-16le'))).toBe('utf-16le')
    expect(detectEncoding(iconv.encode(ascii, 'utf-16be'))).toBe('utf-16be')
  })
  it('still calls a UTF-8 file cut inside a character UTF-8', () => {
    const bytes = Buffer.from(text + '王')
    expect(detectEncoding(bytes.subarray(0, bytes.length - 1))).toBe('utf-8')
    expect(detectEncoding(bytes.subarray(0, bytes.length - 2))).toBe('utf-8')
    const emoji = Buffer.from(text + '😀')
    expect(detectEncoding(emoji.subarray(0, emoji.length - 1))).toBe('utf-8')
  })
  it('does not call a file UTF-8 for a broken character inside it or a lone continuation byte at the end', () => {
    const wang = Buffer.from('王')
    expect(detectEncoding(Buffer.concat([Buffer.from(text), wang.subarray(0, 2), Buffer.from(text)]))).toBe('gb18030')
    expect(detectEncoding(Buffer.concat([Buffer.from(text), Buffer.from([0x80])]))).toBe('gb18030')
  })
  it('checks UTF-8 a megabyte at a time, with a character split between two pieces', () => {
    const before = Buffer.alloc(PIECE_BYTES - 1, 0x61)
    expect(detectEncoding(Buffer.concat([before, Buffer.from('王,1\n')]))).toBe('utf-8')
    expect(detectEncoding(Buffer.concat([before, Buffer.from('王').subarray(0, 2), Buffer.from(',1\n')]))).toBe('gb18030')
  })
  it('decodes GBK to the same text and drops the BOM, in one piece or byte by byte', () => {
    for (const pieceBytes of [undefined, 1, 3]) {
      expect(decodeAll(iconv.encode(text, 'gbk'), pieceBytes)).toBe(text)
      expect(decodeAll(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), pieceBytes)).toBe(text)
      expect(decodeAll(Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), pieceBytes)).toBe(text)
      expect(decodeAll(Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), pieceBytes)).toBe(text)
    }
  })
  it('refuses binary junk with a clear message', () => {
    const junk = Buffer.alloc(4096)
    for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256
    expect(() => csvTable(junk)).toThrow(expect.objectContaining({ code: 'UNREADABLE_FILE', key: 'fileLooksBinary' }))
  })
})

describe('detectDelimiter', () => {
  test.each([
    ['a,b,c\n1,2,3\n4,5,6\n', ','],
    ['a\tb\tc\n1\t2,5\t3\n', '\t'],
    ['Order;Amount;Qty\nE-1;12,50;1\nE-2;1.234,50;2\n', ';'],
    ['a|b|c\n1|2|3\n', '|'],
    ['报表标题\n\n单号,时间,金额\n1,2024-03-05,"1,000.00"\n2,2024-03-06,5\n', ',']
  ])('finds the delimiter of %j', (t, d) => {
    expect(detectDelimiter(t)).toBe(d)
  })
})

describe('header and totals rows', () => {
  it('skips the title and blank rows above the header', () => {
    const rows = [
      ['阳光母婴店 销售明细报表'],
      ['导出时间：2024-03-31', '', ''],
      [''],
      ['单据号', '销售时间', '会员卡号', '实收金额'],
      ['S001', '2024/3/1', 'VIP001', '10']
    ]
    expect(detectHeaderRow(rows)).toBe(3)
  })
  it('falls back to the first wide row of text when no header is known', () => {
    const rows = [['Report'], ['alpha', 'beta', 'gamma'], ['1', '2', '3']]
    expect(detectHeaderRow(rows)).toBe(1)
  })
  test.each([[['合计', '', '2,382.00']], [['', '总计：', '5']], [['Total', '12']], [['小计（元）', '3']], [['Grand Total', '1']]])(
    'knows %j is a totals row',
    (row) => {
      expect(isTotalsRow(row)).toBe(true)
    }
  )
  test.each([[['S001', '合计']], [['Summer dress', '12']], [['Totally Baby', '1']]])('knows %j is a sale', (row) => {
    expect(isTotalsRow(row)).toBe(false)
  })
})

describe('column mapping', () => {
  it('normalises full-width, case, spaces and punctuation', () => {
    expect(normalizeHeader('  Customer ID ')).toBe('customerid')
    expect(normalizeHeader('customer_id')).toBe('customerid')
    expect(normalizeHeader('ＣｕｓｔｏｍｅｒＩＤ')).toBe('customerid')
    expect(normalizeHeader('收货地址 ')).toBe('收货地址')
  })

  test.each([
    ['单据号', 'orderId'],
    ['小票号', 'orderId'],
    ['订单编号', 'orderId'],
    ['订单号', 'orderId'],
    ['Transaction ID', 'orderId'],
    ['InvoiceNo', 'orderId'],
    ['销售时间', 'orderedAt'],
    ['下单时间', 'orderedAt'],
    ['消费时间', 'orderedAt'],
    ['订单付款时间 ', 'orderedAt'],
    ['Date', 'date'],
    ['Time', 'timeOfDay'],
    ['会员卡号', 'card'],
    ['卡号', 'card'],
    ['会员号', 'card'],
    ['手机号', 'phone'],
    ['手机', 'phone'],
    ['联系手机', 'phone'],
    ['联系电话', 'phone'],
    ['Phone', 'phone'],
    ['会员姓名', 'name'],
    ['收货人姓名', 'name'],
    ['Customer Name', 'name'],
    ['买家会员名', 'buyerId'],
    ['Customer ID', 'externalId'],
    ['CustomerID', 'externalId'],
    ['customer_id', 'externalId'],
    ['商品条码', 'productCode'],
    ['SKU', 'productCode'],
    ['StockCode', 'productCode'],
    ['商品名称', 'productName'],
    ['宝贝标题', 'productName'],
    ['Item', 'productName'],
    ['Description', 'productName'],
    ['数量', 'quantity'],
    ['宝贝总数量', 'quantity'],
    ['Qty', 'quantity'],
    ['Quantity', 'quantity'],
    ['单价', 'unitPrice'],
    ['UnitPrice', 'unitPrice'],
    ['实收金额', 'amount'],
    ['实付金额', 'amount'],
    ['买家实际支付金额', 'amount'],
    ['消费金额', 'amount'],
    ['Net Sales', 'amount'],
    ['amount', 'amount'],
    ['订单状态', 'status'],
    ['Event Type', 'status'],
    ['收货地址', 'address'],
    ['支付方式', 'paymentMethod'],
    ['门店', 'store'],
    ['商品类别', 'category']
  ])('maps %j to %s', (header, field) => {
    expect(columnsToMapping(autoMapColumns([header]), [header])).toEqual({ [field]: header })
  })

  it('prefers the paid amount over the gross one', () => {
    expect(columnsToMapping(autoMapColumns(['总金额', '买家实际支付金额']), ['总金额', '买家实际支付金额']).amount).toBe('买家实际支付金额')
    expect(columnsToMapping(autoMapColumns(['Gross Sales', 'Net Sales']), ['Gross Sales', 'Net Sales']).amount).toBe('Net Sales')
    expect(columnsToMapping(autoMapColumns(['应收金额', '实收金额']), ['应收金额', '实收金额']).amount).toBe('实收金额')
  })
  it('passes over a column that is empty in every sample row', () => {
    const headers = ['订单号', 'Receipt Number', '金额', '时间']
    expect(autoMapColumns(['Receipt Number', '订单号'], [['', 'A1']]).orderId).toBe(1)
    expect(autoMapColumns(headers).orderId).toBe(0)
  })
})

describe('identity values', () => {
  it('keeps ids as text, strips a float .0 and the Excel apostrophe', () => {
    expect(cleanId('17850.0')).toEqual({ ok: true, value: '17850' })
    expect(cleanId("'620123456789012345")).toEqual({ ok: true, value: '620123456789012345' })
    expect(cleanId('散客')).toEqual({ ok: true, value: null })
    expect(cleanId('6.2E+17').ok).toBe(false)
  })
  it('normalises phones and reports a bad one', () => {
    expect(rowIdentities({ phone: '+86 138-0013-8000' }).identities).toEqual([{ kind: 'phone', value: '13800138000' }])
    expect(rowIdentities({ phone: "'13900139000" }).identities).toEqual([{ kind: 'phone', value: '13900139000' }])
    expect(rowIdentities({ phone: '12' }).problems[0].reason).toMatch(/手机号无效/)
    expect(rowIdentities({ external: 'Shiva@Gmail.com' }).identities).toEqual([{ kind: 'external', value: 'shiva@gmail.com' }])
  })
})

describe('isExcludedStatus', () => {
  test.each(['交易关闭', '已取消', '等待买家付款', '未付款', '退款成功', 'Cancelled', 'Voided', 'refunded', 'pending'])('excludes %j', (s) => {
    expect(isExcludedStatus(s)).toBe(true)
  })
  test.each(['交易成功', '已完成', 'paid', 'Payment', 'Refund', 'partially_refunded', ''])('keeps %j', (s) => {
    expect(isExcludedStatus(s)).toBe(false)
  })
})
