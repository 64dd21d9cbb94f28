/**
 * Product lists (商品资料, issue 17 point 5): detected, matched to sold products by code or
 * barcode (else the exact name), categories reaching sold lines in either order, days per unit
 * read from its own column and never from a shelf life (保质期). Figures from
 * tests/fixtures/imports/products.csv, by hand.
 */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/db'
import type { Db } from '../../../electron/db/driver'
import { undoBatch } from '../../../electron/services/imports/batches'
import { previewTable } from '../../../electron/services/imports/preview'
import { openTable } from '../../../electron/services/imports/table-source'
import { fixture, importFixture, importText } from './helpers'
import { importFiles } from '../../helpers/imported-shops'
import { journeyFile } from '../journey/journey-files'

const SALES =
  '会员卡号,销售时间,商品条码,商品名称,实收金额\nK1,2026-01-05 10:00,6901234567890,奶粉一段 900g,268\nK1,2026-02-05 10:00,,米粉,45\nK2,2026-03-05 10:00,X9,宝宝湿巾,19.9\n'

const categoryOf = (db: Db) => db.prepare('SELECT p.name, p.category FROM order_lines l JOIN products p ON p.id = l.product_id ORDER BY l.id').all()

describe('a product list', () => {
  it('is detected as products and leaves the shelf life unmapped', async () => {
    const p = previewTable(null, await openTable(readFileSync(fixture('products.csv')), {}), 'products.csv', {}, '2026-11-23')
    expect(p.kind).toBe('products')
    expect(p.kindReason.zh).toContain('商品资料')
    expect(p.mapping).toEqual({
      productCode: '商品编码',
      barcode: '条码',
      productName: '商品名称',
      category: '商品分类',
      spec: '规格',
      unit: '单位',
      unitPrice: '零售价',
      memberPrice: '会员价',
      productStatus: '商品状态',
      daysPerUnit: '每件可用天数'
    })
  })

  it('imported after the sales gives their lines a category by barcode and by exact name, and recounts the buyers', async () => {
    const db = freshDb()
    await importText(db, SALES)
    const r = await importFixture(db, 'products.csv')
    // 奶粉一段 by barcode, 米粉 by name (no code on the line), 宝宝湿巾 by name (code X9 is not in the list);
    // only 纸尿裤M码 was never sold, so it is the one product created
    expect(r).toMatchObject({ kind: 'products', rowsImported: 4, productsCreated: 1, productsUpdated: 3, linesCategorised: 3 })
    expect(categoryOf(db)).toEqual([
      { name: '奶粉一段 900g', category: '奶粉' },
      { name: '米粉', category: '辅食' },
      { name: '宝宝湿巾', category: '洗护' }
    ])
    const k1 = db
      .prepare("SELECT s.categories FROM customer_summaries s JOIN customer_identities i ON i.customer_id = s.customer_id WHERE i.value = 'K1'")
      .pluck()
      .get()
    expect(k1).toBe(2)
    expect(db.prepare("SELECT days_per_unit, retail_price_fen, member_price_fen, spec, unit, status FROM products WHERE name = '奶粉一段 900g'").get()).toEqual(
      {
        days_per_unit: 20,
        retail_price_fen: 26800,
        member_price_fen: 24800,
        spec: '900g',
        unit: '罐',
        status: '上架'
      }
    )
  })

  it('imported before the sales gives the lines sold later the same categories', async () => {
    const db = freshDb()
    await importFixture(db, 'products.csv')
    const sales = await importText(db, SALES)
    expect(sales.rowsImported).toBe(3)
    // the barcode line and the code-less line are the list's own products (P001, P004); X9 is a code the list does not know
    expect(categoryOf(db)).toEqual([
      { name: '婴儿奶粉一段', category: '奶粉' },
      { name: '米粉', category: '辅食' },
      { name: '宝宝湿巾', category: '洗护' }
    ])
    expect(db.prepare('SELECT p.code FROM order_lines l JOIN products p ON p.id = l.product_id ORDER BY l.id').pluck().all()).toEqual(['P001', 'P004', 'X9'])
    expect(db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(5)
  })

  it('imported before a shop’s counter and online exports, is the one product each thing is sold under (not a copy per file)', async () => {
    const db = freshDb()
    await importFiles(
      db,
      ['products.csv', 'pos-2026-09.csv', 'taobao-2026-09.csv'].map((f) => journeyFile(f))
    )
    // three products listed; the counter sells them by barcode, Taobao by name: still three
    expect(db.prepare('SELECT code, name, days_per_unit FROM products ORDER BY id').all()).toEqual([
      { code: 'P001', name: '婴儿奶粉一段', days_per_unit: 20 },
      { code: 'P002', name: '纸尿裤M码', days_per_unit: 15 },
      { code: 'P003', name: '宝宝湿巾', days_per_unit: null }
    ])
    const lines = db.prepare('SELECT count(*) FROM order_lines').pluck().get() as number
    expect(lines).toBe(30 + 21)
  })

  it('keeps its products when the sales sold under them are undone', async () => {
    const db = freshDb()
    const [list, pos] = await importFiles(
      db,
      ['products.csv', 'pos-2026-09.csv'].map((f) => journeyFile(f))
    )
    expect(undoBatch(db, pos.batchId, '2026-11-23T12:00:00')).toMatchObject({ linesRemoved: 30, productsRemoved: 0 })
    // 宝宝湿巾 has no days per unit: it stays because the list made it, not because of its days
    expect(db.prepare('SELECT code FROM products ORDER BY id').pluck().all()).toEqual(['P001', 'P002', 'P003'])
    expect(undoBatch(db, list.batchId, '2026-11-23T12:00:00')).toMatchObject({ productsRemoved: 3 })
    expect(db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(0)
  })

  it('undone, takes the categories back from sold products and removes the products only it created', async () => {
    const db = freshDb()
    await importText(db, SALES)
    const r = await importFixture(db, 'products.csv')
    const u = undoBatch(db, r.batchId, '2026-11-23T12:00:00')
    expect(u).toMatchObject({ productsRemoved: 1, linesRemoved: 0 })
    expect(categoryOf(db).map((x) => (x as { category: string | null }).category)).toEqual([null, null, null])
    expect(db.prepare('SELECT count(*) FROM products').pluck().get()).toBe(3)
  })

  it('rejects a days-per-unit that is not a number of days, and imports the rest', async () => {
    const db = freshDb()
    const r = await importText(db, '商品编码,商品名称,每件可用天数\nA1,奶粉,三十\nA2,湿巾,10\n')
    expect(r.errors).toEqual([{ row: 2, column: '每件可用天数', value: '三十', reason: '每件可用天数需在 0–3650 天之间 (days per unit out of range)' }])
    expect(r).toMatchObject({ rowsImported: 1, productsCreated: 1 })
  })
})
