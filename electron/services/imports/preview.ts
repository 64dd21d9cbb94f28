/** What the user sees before importing: detected settings, mapping, the first 50 rows and, for member and product lists, values as stored. */
import type { Db } from '../../db/driver'
import type { ImportOptions, ImportPreview } from '../../../shared/schemas/imports'
import { analyseLayout, scanBody } from './layout-analysis'
import { isBlankRow, isTotalsRow } from './layout'
import type { TableSource } from './table-source'
import { storedSamples } from './preview-samples'

const PREVIEW_ROWS = 50

/**
 * Detect everything about a table and show its first rows; nothing is written. asOf is the
 * shop's today, the date the import would store the member figures as of.
 */
export function previewTable(db: Db | null, table: TableSource, fileName: string, options: ImportOptions, asOf: string): ImportPreview {
  const layout = analyseLayout(db, table, options)
  const rows: string[][] = []
  const width = layout.headers.length
  table.eachRow((cells, index) => {
    if (index <= layout.headerIndex || isBlankRow(cells) || isTotalsRow(cells)) return
    rows.push(cells.length >= width ? cells.slice(0, Math.max(width, 1)) : [...cells, ...Array<string>(width - cells.length).fill('')])
    return rows.length < PREVIEW_ROWS
  })
  const scan = scanBody(table, layout, options)
  return {
    fileName,
    format: table.format,
    encoding: table.encoding,
    delimiter: table.delimiter,
    headerRow: layout.headerIndex + 1,
    sheets: table.sheets,
    sheet: table.sheet,
    headers: layout.headers,
    mapping: layout.mapping as Record<string, string>,
    mappingSource: layout.mappingSource,
    kind: layout.kind,
    detectedKind: layout.detected.kind,
    kindReason:
      layout.kind === layout.detected.kind
        ? layout.detected.reason
        : { zh: `按你的选择导入（检测结果：${layout.detected.reason.zh}）`, en: `as you chose (detected: ${layout.detected.reason.en})` },
    dayOrder: scan.dayOrder,
    rows,
    rowsRead: scan.rowsRead,
    totalsRows: scan.totalsRows.map((i) => i + 1),
    fileTotalFen: scan.fileTotalFen,
    samples: storedSamples(layout, rows, asOf, scan.dayOrder)
  }
}
