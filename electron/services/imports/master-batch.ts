/**
 * What member and product lists share with each other: the batch receipt of their kind, the
 * rejected-row record, and the result with every figure a sales result also carries.
 */
import type { Db } from '../../db/driver'
import type { ImportKind, ImportResult, RowError } from '../../../shared/schemas/imports'
import { LedgerWriter } from '../ledger/ledger-writer'
import type { BodyScan, Layout } from './layout-analysis'
import type { ImportRequest } from './import-pipeline'
import type { TableSource } from './table-source'

export const MAX_LISTED = 100
export const PROGRESS_EVERY = 5000

/** The figures only master files fill; a sales result carries them as zeros. */
export type MasterFigures = Pick<
  ImportResult,
  | 'customersUpdated'
  | 'customersUnchanged'
  | 'fieldConflicts'
  | 'conflicts'
  | 'birthdays'
  | 'children'
  | 'referrersLinked'
  | 'referrersPending'
  | 'productsCreated'
  | 'productsUpdated'
  | 'linesCategorised'
  | 'notices'
>

export function noMasterFigures(): MasterFigures {
  return {
    customersUpdated: 0,
    customersUnchanged: 0,
    fieldConflicts: 0,
    conflicts: [],
    birthdays: { solar: 0, lunar: 0 },
    children: 0,
    referrersLinked: 0,
    referrersPending: 0,
    productsCreated: 0,
    productsUpdated: 0,
    linesCategorised: 0,
    notices: []
  }
}

/** A batch receipt of this kind. */
export function recordBatch(db: Db, table: TableSource, layout: Layout, request: ImportRequest, scan: BodyScan, kind: ImportKind): number {
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
    options: { ...request.options, dayOrder: scan.dayOrder, mappingSource: layout.mappingSource, totalsRows: scan.totalsRows.map((i) => i + 1) }
  })
  db.prepare('UPDATE import_batches SET kind = ? WHERE id = ?').run(kind, batchId)
  return batchId
}

/** Keep a rejected row (all of them in the table, the first 100 in the result). */
export function rejectRow(db: Db, batchId: number, errors: RowError[], error: RowError, cells: string[]): void {
  if (errors.length < MAX_LISTED) errors.push(error)
  db.prepare('INSERT INTO rejected_rows (batch_id, row_number, column_name, value, reason, raw) VALUES (?, ?, ?, ?, ?, ?)').run(
    batchId,
    error.row,
    error.column,
    error.value.slice(0, 1000),
    error.reason,
    JSON.stringify(cells).slice(0, 4000)
  )
}

type Filled = Partial<MasterFigures> & Pick<ImportResult, 'rowsImported' | 'rowsRejected' | 'customersCreated' | 'customersMatched' | 'errors'>

/** The result of a master-file batch, its figures kept on the batch for the batches list. */
export function masterResult(
  request: ImportRequest,
  table: TableSource,
  layout: Layout,
  scan: BodyScan,
  batchId: number,
  kind: ImportKind,
  filled: Filled
): ImportResult {
  const result: ImportResult = {
    file: request.fileName,
    batchId,
    kind,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    headerRow: layout.headerIndex + 1,
    mapping: layout.mapping as Record<string, string>,
    rowsRead: scan.rowsRead,
    walkIn: 0,
    excludedByStatus: 0,
    duplicates: 0,
    totalFen: 0,
    readTotalFen: 0,
    fileTotalFen: null,
    returns: 0,
    ...noMasterFigures(),
    ...filled
  }
  return result
}

/** Store the counts on the batch row (the batches list and the result page read them back). */
export function storeBatchFigures(db: Db, r: ImportResult): void {
  const { conflicts: _c, notices: _n, errors: _e, mapping: _m, ...figures } = r
  db.prepare(
    `UPDATE import_batches SET rows_read = ?, rows_imported = ?, rows_rejected = ?, customers_created = ?, customers_matched = ?, figures = ? WHERE id = ?`
  ).run(r.rowsRead, r.rowsImported, r.rowsRejected, r.customersCreated, r.customersMatched, JSON.stringify(figures), r.batchId)
}
