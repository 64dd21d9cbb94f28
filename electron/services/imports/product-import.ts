/**
 * A product list (商品资料) imported as one batch: code, barcode, name, category, spec, unit,
 * retail and member price, status and how many days one unit lasts. Each row updates the
 * products sold under its code or barcode, and those sold under its exact name whose code the
 * list does not know; a product nobody sold yet is created, so sales imported later find its
 * category (ledger-writer.ts). Categories set here recount their buyers' category figures.
 */
import type { Db } from '../../db/driver'
import type { ImportResult, RowError } from '../../../shared/schemas/imports'
import { LedgerWriter } from '../ledger/ledger-writer'
import type { ImportField } from './fields'
import { cleanId, nfkc } from './identity-values'
import { isBlankRow, isTotalsRow } from './layout'
import { scanBody, type Layout } from './layout-analysis'
import { MasterLog } from './master-log'
import { masterResult, PROGRESS_EVERY, recordBatch, rejectRow, storeBatchFigures } from './master-batch'
import { parseMoneyFen, parseNumber } from './money-parse'
import { RowReader } from './row-reader'
import type { ImportHooks, ImportRequest } from './import-pipeline'
import type { TableSource } from './table-source'
import { refuse } from '../../../shared/errors/refuse'

export interface ProductRow {
  code: string
  barcode: string | null
  name: string | null
  category: string | null
  spec: string | null
  unit: string | null
  retailPriceFen: number | null
  memberPriceFen: number | null
  status: string | null
  daysPerUnit: number | null
}

type Read = { ok: true; row: ProductRow } | { ok: false; field: ImportField; value: string; reason: string }

/** The longest a unit may last: ten years. */
const MAX_DAYS_PER_UNIT = 3650

export class ProductReader {
  readonly cells: RowReader
  constructor(private readonly layout: Layout) {
    this.cells = new RowReader(layout.columns, layout.headers, 'mdy')
  }

  header(field: ImportField): string {
    const i = this.layout.columns[field]
    return i === undefined ? field : (this.layout.headers[i] ?? field)
  }

  private text(cells: string[], field: ImportField): string | null {
    const t = nfkc(this.cells.cell(cells, field)).trim().replace(/\s+/g, ' ')
    return t === '' ? null : t
  }

  private id(cells: string[], field: ImportField): { ok: true; value: string | null } | { ok: false; reason: string } {
    return cleanId(this.cells.cell(cells, field))
  }

  read(cells: string[]): Read {
    const fail = (field: ImportField, value: string, reason: string): Read => ({ ok: false, field, value, reason })
    const code = this.id(cells, 'productCode')
    if (!code.ok) return fail('productCode', this.cells.cell(cells, 'productCode'), code.reason)
    const barcode = this.id(cells, 'barcode')
    if (!barcode.ok) return fail('barcode', this.cells.cell(cells, 'barcode'), barcode.reason)
    const name = this.text(cells, 'productName')
    if (!code.value && !barcode.value && !name) return fail('productName', '', '没有商品编码、条码或名称 (no product code, barcode or name)')
    const money = (fields: ImportField[], what: string): { ok: true; fen: number | null } | { ok: false; field: ImportField; raw: string; reason: string } => {
      for (const f of fields) {
        const raw = this.cells.cell(cells, f)
        if (raw.trim() === '') continue
        const fen = parseMoneyFen(raw)
        if (fen === null || fen < 0 || fen > 99_999_999_999) return { ok: false, field: f, raw, reason: `无法识别的${what} (unreadable price)` }
        return { ok: true, fen }
      }
      return { ok: true, fen: null }
    }
    const retail = money(['retailPrice', 'unitPrice'], '零售价')
    if (!retail.ok) return fail(retail.field, retail.raw, retail.reason)
    const member = money(['memberPrice'], '会员价')
    if (!member.ok) return fail(member.field, member.raw, member.reason)
    const daysRaw = this.cells.cell(cells, 'daysPerUnit')
    let daysPerUnit: number | null = null
    if (daysRaw.trim() !== '') {
      const d = parseNumber(daysRaw.replace(/天$/, ''))
      if (d === null || d <= 0 || d > MAX_DAYS_PER_UNIT)
        return fail('daysPerUnit', daysRaw, `每件可用天数需在 0–${MAX_DAYS_PER_UNIT} 天之间 (days per unit out of range)`)
      daysPerUnit = d
    }
    return {
      ok: true,
      row: {
        code: code.value ?? '',
        barcode: barcode.value,
        name,
        category: this.text(cells, 'category'),
        spec: this.text(cells, 'spec'),
        unit: this.text(cells, 'unit'),
        retailPriceFen: retail.fen,
        memberPriceFen: member.fen,
        status: this.text(cells, 'productStatus') ?? this.text(cells, 'status'),
        daysPerUnit
      }
    }
  }
}

/** Import a product list as one batch. */
export function commitProducts(db: Db, table: TableSource, layout: Layout, request: ImportRequest, hooks: ImportHooks = {}): ImportResult {
  const { options } = request
  const checkCancel = () => {
    if (hooks.shouldCancel?.()) throw refuse('importCancelled')
  }
  const reader = new ProductReader(layout)
  // pass 1: every code the list knows, so a name match never takes a product whose code is listed
  const listed = new Set<string>()
  let scanned = 0
  const scan = scanBody(table, layout, options, (cells) => {
    if (++scanned % PROGRESS_EVERY === 0) {
      checkCancel()
      hooks.progress?.('scanning', scanned, 0)
    }
    for (const f of ['productCode', 'barcode'] as const) {
      const id = cleanId(reader.cells.cell(cells, f))
      if (id.ok && id.value) listed.add(id.value)
    }
  })
  const total = scan.rowsRead

  return db.transaction((): ImportResult => {
    const batchId = recordBatch(db, table, layout, request, scan, 'products')
    const ledger = new LedgerWriter(db, batchId)
    const log = new MasterLog(db, batchId, request.importedAt)
    const errors: RowError[] = []
    const counts = { imported: 0, rejected: 0, created: 0, updated: 0, lines: 0 }
    const byCode = db.prepare("SELECT id FROM products WHERE (code <> '' AND code IN (?, ?)) OR (barcode IS NOT NULL AND barcode IN (?, ?))").pluck()
    const byName = db.prepare('SELECT id, code FROM products WHERE name = ?')
    const create = db.prepare('INSERT INTO products (code, name, created_batch_id) VALUES (?, ?, ?) ON CONFLICT (code, name) DO NOTHING RETURNING id').pluck()
    const linesOf = db.prepare('SELECT count(*) FROM order_lines WHERE product_id = ?').pluck()
    const addCategory = db.prepare('INSERT OR IGNORE INTO categories (name, days_per_unit) VALUES (?, NULL)')
    const updatedHere = new Set<number>()
    let done = 0

    table.eachRow((cells, index) => {
      if (index <= layout.headerIndex || isBlankRow(cells)) return
      if (options.skipTotals !== false && isTotalsRow(cells)) return
      if (++done % PROGRESS_EVERY === 0) {
        checkCancel()
        hooks.progress?.('writing', done, total)
      }
      const read = reader.read(cells)
      if (!read.ok) {
        counts.rejected++
        rejectRow(db, batchId, errors, { row: index + 1, column: reader.header(read.field), value: read.value, reason: read.reason }, cells)
        return
      }
      const p = read.row
      counts.imported++
      const codes = [p.code, p.barcode ?? ''].filter((c) => c !== '')
      const a = codes[0] ?? ''
      const b = codes[1] ?? a
      const targets = new Set<number>(codes.length ? (byCode.all(a, b, a, b) as number[]) : [])
      if (p.name) {
        for (const r of byName.all(p.name) as { id: number; code: string }[])
          if (r.code === '' || !listed.has(r.code) || codes.includes(r.code)) targets.add(r.id)
      }
      if (targets.size === 0) {
        const id = create.get(p.code || (p.barcode ?? ''), p.name ?? p.code ?? p.barcode ?? '', batchId) as number | undefined
        if (id !== undefined) {
          targets.add(id)
          counts.created++
          updatedHere.add(id) // counted as created, never as updated
        }
      }
      if (p.category) addCategory.run(p.category)
      for (const id of targets) {
        let changed = false
        const set = (field: string, value: string | number | null) => {
          if (value !== null && log.set('product', id, field, value) === 'changed') changed = true
        }
        const categoryBefore = log.read(id, 'product.category')
        set('product.category', p.category)
        if (p.category && categoryBefore !== p.category) {
          ledger.markCategorised(id)
          counts.lines += linesOf.get(id) as number
        }
        if (p.barcode && p.barcode !== p.code) set('product.barcode', p.barcode)
        set('product.spec', p.spec)
        set('product.unit', p.unit)
        set('product.retailPriceFen', p.retailPriceFen)
        set('product.memberPriceFen', p.memberPriceFen)
        set('product.status', p.status)
        set('product.daysPerUnit', p.daysPerUnit)
        if (changed && !updatedHere.has(id)) {
          updatedHere.add(id)
          counts.updated++
        }
      }
    })
    checkCancel()
    hooks.progress?.('finishing', done, total)
    ledger.finish()
    const result = masterResult(request, table, layout, scan, batchId, 'products', {
      rowsImported: counts.imported,
      rowsRejected: counts.rejected,
      customersCreated: 0,
      customersMatched: 0,
      productsCreated: counts.created,
      productsUpdated: counts.updated,
      linesCategorised: counts.lines,
      errors
    })
    storeBatchFigures(db, result)
    return result
  })()
}
