/**
 * The import itself, synchronous and in one transaction (all or nothing): link the rows of
 * one person across the file first (union-find over card, phone, buyer id and external id),
 * then write every sale line through the LedgerWriter, resolving each group of identities
 * against the database once. Walk-ins and orders that did not complete are counted and
 * skipped; unreadable rows are rejected with row, column, value and reason.
 */
import { hash } from 'node:crypto'
import type { Db } from '../../db/driver'
import type { ImportOptions, ImportResult, RowError } from '../../../shared/schemas/imports'
import { LedgerWriter } from '../ledger/ledger-writer'
import type { Identity, IdentityKind } from '../ledger/identities'
import { identityPriority } from '../ledger/identities'
import { suspendSecondaryIndexes, withoutForeignKeyChecks } from './bulk-write'
import { analyseLayout, assertUsableMapping, scanBody } from './layout-analysis'
import { isBlankRow, isTotalsRow } from './layout'
import { identityKey } from './identity-values'
import { rememberMapping } from './header-memory'
import { RowReader, type Sale } from './row-reader'
import type { TableSource } from './table-source'
import { UnionFind } from './union-find'
import { commitMembers } from './member-import'
import { commitProducts } from './product-import'
import { noMasterFigures } from './master-batch'
import { linkPendingReferrers } from './referrers'
import { phoneConcernReason } from './phone-concern'
import { refuse } from '../../../shared/errors/refuse'

export interface ImportRequest {
  fileName: string
  fileSize: number
  fileHash: string
  /** shop-local ISO time of the import (read at the edge) */
  importedAt: string
  options: ImportOptions
}

export interface ImportHooks {
  /** called every few thousand rows */
  progress?(phase: 'scanning' | 'writing' | 'finishing', rowsDone: number, rowsTotal: number): void
  /** answering true stops the import; the transaction is rolled back */
  shouldCancel?(): boolean
}

/**
 * When each name (or address) of each customer was last seen in this file. One value per
 * customer is kept inline: most customers have a single name, and 100,000 little Maps cost
 * tens of megabytes.
 */
class SeenValues {
  private readonly byCustomer = new Map<number, [string, string] | Map<string, string>>()

  note(customerId: number, value: string, at: string): void {
    const seen = this.byCustomer.get(customerId)
    if (seen === undefined) this.byCustomer.set(customerId, [value, at])
    else if (Array.isArray(seen)) {
      if (seen[0] === value) {
        if (at > seen[1]) seen[1] = at
      } else this.byCustomer.set(customerId, new Map([seen, [value, at]]))
    } else if (!(at <= (seen.get(value) ?? ''))) seen.set(value, at)
  }

  customers(): Iterable<number> {
    return this.byCustomer.keys()
  }

  of(customerId: number): Iterable<[string, string]> {
    const seen = this.byCustomer.get(customerId)
    return seen === undefined ? [] : Array.isArray(seen) ? [seen] : seen
  }
}

const MAX_ERRORS_IN_RESULT = 100
const PROGRESS_EVERY = 5000

// the one-shot hash (Node ≥ 20.12) skips a Hash object per line: same digest, same keys as before
function contentKey(parts: string): string {
  return hash('sha1', parts, 'base64url').slice(0, 24)
}

/** Import one table as one batch. Throws CANCELLED (nothing written) when cancelled. */
export function commitImport(db: Db, table: TableSource, request: ImportRequest, hooks: ImportHooks = {}): ImportResult {
  const { options } = request
  const layout = analyseLayout(db, table, options)
  // master files write profiles and products, never sales: their own pipelines, same batch rules
  if (layout.kind === 'members') return commitMembers(db, table, layout, request, hooks)
  if (layout.kind === 'products') return commitProducts(db, table, layout, request, hooks)
  assertUsableMapping(layout.columns)

  // pass 1: link identities across the whole file; note orders whose status excludes them
  const links = new UnionFind()
  const excludedOrders = new Set<string>()
  let scanned = 0
  const checkCancel = () => {
    if (hooks.shouldCancel?.()) throw refuse('importCancelled')
  }
  const scan = scanBody(table, layout, options, (cells, _index, reader) => {
    if (++scanned % PROGRESS_EVERY === 0) {
      checkCancel()
      hooks.progress?.('scanning', scanned, 0)
    }
    if (reader.excluded(cells)) {
      const id = reader.orderId(cells)
      if (id !== null) excludedOrders.add(id)
      return
    }
    const ids = reader.identities(cells)
    if (ids.length === 0) return
    const first = links.node(identityKey(ids[0]))
    for (let i = 1; i < ids.length; i++) links.union(first, links.node(identityKey(ids[i])))
  })
  const groups = links.groups()
  const reader = new RowReader(layout.columns, layout.headers, scan.dayOrder)
  const total = scan.rowsRead

  const run = db.transaction((): ImportResult => {
    const batchId = LedgerWriter.createBatch(db, {
      fileName: request.fileName,
      fileSize: request.fileSize,
      fileHash: request.fileHash,
      importedAt: request.importedAt,
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      headerRow: layout.headerIndex + 1,
      mapping: layout.mapping as Record<string, string>,
      options: { ...options, dayOrder: scan.dayOrder, mappingSource: layout.mappingSource, totalsRows: scan.totalsRows.map((i) => i + 1) }
    })
    const ledger = new LedgerWriter(db, batchId)
    const restoreIndexes = suspendSecondaryIndexes(db, total)
    const insertRejected = db.prepare('INSERT INTO rejected_rows (batch_id, row_number, column_name, value, reason, raw) VALUES (?, ?, ?, ?, ?, ?)')
    const counts = { imported: 0, rejected: 0, walkIn: 0, excluded: 0, duplicates: 0, created: 0, matched: 0, returns: 0 }
    let totalFen = 0
    let readTotalFen = 0
    const errors: RowError[] = []
    // a phone kept but worth a look (a digit missing, not a mainland number), once per phone: as member lists say it
    const notices: RowError[] = []
    const phonesChecked = new Set<string>()
    const notePhone = (sale: Sale, row: number) => {
      const phone = sale.identities.find((i) => i.kind === 'phone')?.value
      if (!phone || phonesChecked.has(phone)) return
      phonesChecked.add(phone)
      const reason = phoneConcernReason(phone)
      if (reason && notices.length < MAX_ERRORS_IN_RESULT) notices.push({ row, column: layout.mapping.phone ?? '', value: phone, reason })
    }
    const customerOfGroup = new Map<number, number>()
    const names = new SeenValues()
    const addresses = new SeenValues()
    const orders = new Map<string, number>()
    const products = new Map<string, number>()
    const occurrences = new Map<string, number>()
    let done = 0

    const customerFor = (sale: Sale): number => {
      const root = links.rootOf(identityKey(sale.identities[0]))!
      let customerId = customerOfGroup.get(root)
      if (customerId === undefined) {
        const identities: Identity[] = (groups.get(root) ?? []).map((k) => {
          const at = k.indexOf(':')
          return { kind: k.slice(0, at) as IdentityKind, value: k.slice(at + 1) }
        })
        const outcome = ledger.resolveCustomer(identities, { name: sale.name, address: sale.address, seenAt: sale.orderedAt }, { noteFacts: false })
        customerId = outcome.customerId
        if (outcome.created) counts.created++
        else counts.matched++
        customerOfGroup.set(root, customerId)
      }
      if (sale.name) names.note(customerId, sale.name, sale.orderedAt)
      if (sale.address) addresses.note(customerId, sale.address, sale.orderedAt)
      return customerId
    }

    table.eachRow((cells, index) => {
      if (index <= layout.headerIndex || isBlankRow(cells)) return
      if (options.skipTotals !== false && isTotalsRow(cells)) return
      if (++done % PROGRESS_EVERY === 0) {
        checkCancel()
        hooks.progress?.('writing', done, total)
      }
      const meaning = reader.read(cells, excludedOrders)
      if (meaning.kind !== 'sale') {
        if (meaning.amountFen !== null) readTotalFen += meaning.amountFen
        if (meaning.kind === 'walkIn') counts.walkIn++
        else if (meaning.kind === 'excluded') counts.excluded++
        else {
          counts.rejected++
          const error = { row: index + 1, column: meaning.column, value: meaning.value, reason: meaning.reason }
          if (errors.length < MAX_ERRORS_IN_RESULT) errors.push(error)
          insertRejected.run(batchId, error.row, error.column, error.value.slice(0, 1000), error.reason, JSON.stringify(cells).slice(0, 4000))
        }
        return
      }
      const sale = meaning.sale
      readTotalFen += sale.amountFen
      notePhone(sale, index + 1)
      const customerId = customerFor(sale)
      const ownKey = identityKey([...sale.identities].sort((a, b) => identityPriority[a.kind] - identityPriority[b.kind])[0])
      // no receipt number: one order per customer and moment
      const externalId = sale.orderId ?? `~${ownKey}@${sale.orderedAt}`
      const orderKey = `${externalId}\u0001${sale.orderedAt}`
      let orderId = orders.get(orderKey)
      if (orderId === undefined) {
        orderId = ledger.orderId({
          externalId,
          orderedAt: sale.orderedAt,
          customerId,
          channel: sale.channel,
          store: sale.store,
          paymentMethod: sale.paymentMethod,
          status: sale.status,
          address: sale.address
        })
        orders.set(orderKey, orderId)
      }
      const productKey = `${sale.productCode}\u0001${sale.productName}`
      let productId = products.get(productKey)
      if (productId === undefined) {
        productId = ledger.productId(sale.productCode, sale.productName, sale.category)
        products.set(productKey, productId)
      }
      // The same product twice on one receipt is two lines: identical lines in this file get
      // numbered keys (base, base#1, …). Only keys that ran into a stored line are remembered,
      // so a million fresh lines cost no memory here.
      const base = contentKey([externalId, sale.orderedAt, sale.productCode, sale.productName, sale.quantity, sale.amountFen, ownKey].join('\u001f'))
      let nth = occurrences.get(base) ?? 0
      let stored: boolean
      for (;;) {
        const key = nth === 0 ? base : contentKey(`${base}#${nth}`)
        stored = ledger.addLine({
          orderId,
          customerId,
          productId,
          quantity: sale.quantity,
          unitPriceFen: sale.unitPriceFen,
          amountFen: sale.amountFen,
          couponCode: sale.coupon,
          contentKey: key
        })
        if (stored || ledger.lineBatch(key) !== batchId) break
        nth++ // an identical line earlier in this same file: this one is the next occurrence
      }
      if (stored) {
        if (nth > 0 || occurrences.has(base)) occurrences.set(base, nth + 1)
      } else {
        occurrences.set(base, nth + 1)
        counts.duplicates++
        return
      }
      counts.imported++
      totalFen += sale.amountFen
      if (sale.amountFen < 0) counts.returns++
    })

    checkCancel()
    hooks.progress?.('finishing', done, total)
    // every name and address seen, with when it was last seen: the newest becomes the profile's
    const noted = new Set<number>()
    for (const customerId of [...names.customers(), ...addresses.customers()]) {
      if (noted.has(customerId)) continue
      noted.add(customerId)
      ledger.noteAllFacts(customerId, names.of(customerId), addresses.of(customerId))
    }
    restoreIndexes()
    // a member list may have named one of this file's customers as someone's referrer
    const pendingLinks = linkPendingReferrers(db, null, batchId, request.importedAt)
    for (const id of pendingLinks.touched) ledger.touch(id)
    ledger.finish()
    db.prepare(
      `UPDATE import_batches SET rows_read = ?, rows_imported = ?, rows_rejected = ?, walk_in = ?, excluded_by_status = ?,
         duplicates = ?, customers_created = ?, customers_matched = ?, total_fen = ?, file_total_fen = ? WHERE id = ?`
    ).run(
      total,
      counts.imported,
      counts.rejected,
      counts.walkIn,
      counts.excluded,
      counts.duplicates,
      counts.created,
      counts.matched,
      totalFen,
      scan.fileTotalFen,
      batchId
    )
    if (layout.mappingSource === 'given') rememberMapping(db, layout.headers, layout.mapping, request.importedAt)
    return {
      file: request.fileName,
      batchId,
      kind: 'sales',
      format: table.format,
      encoding: table.encoding,
      delimiter: table.delimiter,
      headerRow: layout.headerIndex + 1,
      mapping: layout.mapping as Record<string, string>,
      rowsRead: total,
      rowsImported: counts.imported,
      rowsRejected: counts.rejected,
      walkIn: counts.walkIn,
      excludedByStatus: counts.excluded,
      duplicates: counts.duplicates,
      customersCreated: counts.created,
      customersMatched: counts.matched,
      totalFen,
      readTotalFen,
      fileTotalFen: scan.fileTotalFen,
      returns: counts.returns,
      errors,
      ...noMasterFigures(),
      notices,
      referrersLinked: pendingLinks.linked
    }
  })
  return withoutForeignKeyChecks(db, run)
}
