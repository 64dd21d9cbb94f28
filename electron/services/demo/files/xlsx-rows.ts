/**
 * A one-sheet .xlsx written row by row through ExcelJS's streaming writer: each row is
 * committed (turned into XML and zipped) as it is added, so a sheet of hundreds of thousands
 * of rows never lives in memory as cell objects (the dense Workbook took 1.4 GB and 5 s for
 * the 20,000-customer demo's 72,000 online rows).
 */
import { PassThrough } from 'node:stream'
import ExcelJS from 'exceljs'

export type XlsxCell = string | number

/** each item becomes its row only as it is written, so no second copy of the sheet is built first */
export async function xlsxFromRows<T>(sheetName: string, header: readonly string[], items: readonly T[], toRow: (item: T) => XlsxCell[]): Promise<Buffer> {
  const sink = new PassThrough()
  const chunks: Buffer[] = []
  sink.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<void>((resolve, reject) => {
    sink.on('end', resolve)
    sink.on('error', reject)
  })
  // shared strings, as Excel itself writes them: the repeated names, products and statuses are stored once
  const book = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useSharedStrings: true, useStyles: false })
  const sheet = book.addWorksheet(sheetName)
  sheet.addRow([...header]).commit()
  for (const item of items) sheet.addRow(toRow(item)).commit()
  sheet.commit()
  await book.commit()
  await done
  return Buffer.concat(chunks)
}
