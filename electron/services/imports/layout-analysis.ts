/**
 * The first look at a table: which row is the header, how the columns map to fields (given
 * by the user, remembered for this header signature, or detected), and a pass over the body
 * for the totals rows, the file's own total, the day/month order and the row count.
 */
import type { Db } from '../../db/driver'
import type { ImportKind, ImportOptions } from '../../../shared/schemas/imports'
import type { ColumnIndex, ImportField, Mapping } from './fields'
import { importFields } from './fields'
import { autoMapColumns } from './synonyms'
import { detectHeaderRow, isBlankRow, isTotalsRow } from './layout'
import { rememberedMapping } from './header-memory'
import { normalizeHeader } from './header-names'
import { DayOrderVote, type DayOrder } from './date-parse'
import { RowReader } from './row-reader'
import { detectKind, mappingForKind, type KindVerdict } from './kind-detection'
import type { TableSource } from './table-source'
import { refuse } from '../../../shared/errors/refuse'

export interface Layout {
  /** 0-based index of the header row */
  headerIndex: number
  headers: string[]
  columns: ColumnIndex
  mapping: Mapping
  mappingSource: 'given' | 'remembered' | 'auto'
  /** the kind imported: the user's choice, else the detected one */
  kind: ImportKind
  detected: KindVerdict
}

const HEAD_ROWS = 60

/** Header row and mapping. */
export function analyseLayout(db: Db | null, table: TableSource, options: ImportOptions): Layout {
  const head: string[][] = []
  table.eachRow((cells) => {
    head.push(cells)
    return head.length < Math.max(HEAD_ROWS, options.headerRow ?? 0)
  })
  if (head.every(isBlankRow)) throw refuse('fileHoldsNoData')
  const headerIndex = options.headerRow !== undefined ? options.headerRow - 1 : detectHeaderRow(head)
  if (headerIndex >= head.length) throw refuse('headerRowMissing', { row: headerIndex + 1 })
  const headers = head[headerIndex].map((h) => h.trim())
  const remembered = db ? rememberedMapping(db, headers) : null
  const sample = head.slice(headerIndex + 1).filter((r) => !isBlankRow(r) && !isTotalsRow(r))
  let mapping: Mapping = remembered ?? columnsToMapping(autoMapColumns(headers, sample), headers)
  let mappingSource: Layout['mappingSource'] = remembered ? 'remembered' : 'auto'
  if (options.mapping) {
    mapping = { ...mapping }
    for (const [field, header] of Object.entries(options.mapping) as [ImportField, string | null][]) {
      if (header === null || header === '') delete mapping[field]
      else mapping[field] = header
    }
    mappingSource = 'given'
  }
  // the kind is read from every column the synonyms know; then only its own fields stay mapped
  const detected = detectKind(mapping)
  const kind = options.kind ?? detected.kind
  mapping = mappingForKind(mapping, kind, mappingSource === 'given' ? [] : headers)
  return { headerIndex, headers, columns: mappingToColumns(mapping, headers, options.mapping !== undefined), mapping, mappingSource, kind, detected }
}

export function columnsToMapping(columns: ColumnIndex, headers: string[]): Mapping {
  const mapping: Mapping = {}
  for (const field of importFields) {
    const i = columns[field]
    if (i !== undefined) mapping[field] = headers[i]
  }
  return mapping
}

/** Field → header text resolved to column indexes; an unknown header is an error only when the user named it. */
export function mappingToColumns(mapping: Mapping, headers: string[], strict: boolean): ColumnIndex {
  const columns: ColumnIndex = {}
  for (const [field, header] of Object.entries(mapping) as [ImportField, string][]) {
    let i = headers.indexOf(header)
    if (i < 0) i = headers.map(normalizeHeader).indexOf(normalizeHeader(header))
    if (i < 0) {
      if (strict) throw refuse('columnNotFound', { header })
      continue
    }
    columns[field] = i
  }
  return columns
}

/** The mapping must at least say when and how much. */
export function assertUsableMapping(columns: ColumnIndex): void {
  if (columns.orderedAt === undefined && columns.date === undefined && columns.timeOfDay === undefined) {
    throw refuse('noDateColumn')
  }
  if (columns.amount === undefined && columns.unitPrice === undefined) {
    throw refuse('noAmountColumn')
  }
}

export interface BodyScan {
  /** data rows: not blank, not totals */
  rowsRead: number
  /** 0-based indexes of the totals rows */
  totalsRows: number[]
  fileTotalFen: number | null
  dayOrder: DayOrder
}

/**
 * One pass over the body. `visit` sees every data row with its index (the importer uses it
 * to link identities before anything is written).
 */
export function scanBody(
  table: TableSource,
  layout: Layout,
  options: ImportOptions,
  visit?: (cells: string[], index: number, reader: RowReader) => void
): BodyScan {
  const vote = new DayOrderVote()
  const reader = new RowReader(layout.columns, layout.headers, options.dayOrder ?? 'mdy')
  const skipTotals = options.skipTotals !== false
  const totalsRows: number[] = []
  let fileTotalFen: number | null = null
  let rowsRead = 0
  table.eachRow((cells, index) => {
    if (index <= layout.headerIndex || isBlankRow(cells)) return
    if (skipTotals && isTotalsRow(cells)) {
      totalsRows.push(index)
      const total = reader.amountOnly(cells)
      if (total !== null) fileTotalFen = total
      return
    }
    rowsRead++
    vote.add(reader.dateText(cells))
    visit?.(cells, index, reader)
  })
  return { rowsRead, totalsRows, fileTotalFen, dayOrder: options.dayOrder ?? vote.order }
}
