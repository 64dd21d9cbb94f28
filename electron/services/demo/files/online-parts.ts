/**
 * The online orders cut into reports the importer takes: a workbook holds at most
 * MAX_SHEET_CELLS cells (5,000,000, 13 columns a row), and the 200,000-customer demo sells
 * about 725,000 online lines. Tmall's seller centre, too, exports a long period as several
 * reports. A cut never falls inside an order, so each order arrives whole in one batch.
 */
import type { DemoSaleLine } from '../sales-plan'

/** 200,000 rows × 13 columns = 2.6 million cells, half the importer's limit */
export const ONLINE_ROWS_PER_REPORT = 200_000

export function onlineReports(lines: readonly DemoSaleLine[], rowsPerReport = ONLINE_ROWS_PER_REPORT): DemoSaleLine[][] {
  const reports: DemoSaleLine[][] = [[]]
  for (const [i, line] of lines.entries()) {
    const current = reports[reports.length - 1]
    if (current.length >= rowsPerReport && line.orderNo !== lines[i - 1].orderNo) reports.push([line])
    else current.push(line)
  }
  return reports
}
