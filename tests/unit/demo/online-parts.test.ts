import { describe, expect, it } from 'vitest'
import { ONLINE_ROWS_PER_REPORT, onlineReports } from '../../../electron/services/demo/files/online-parts'
import { planSales } from '../../../electron/services/demo/sales-plan'
import { MAX_SHEET_CELLS } from '../../../electron/services/imports/limits'

describe('the online orders are cut into reports the importer takes', () => {
  it('keeps a small shop’s online orders in one report', () => {
    const plan = planSales(40, 3, '2026-11-23')
    const reports = onlineReports(plan.online)
    expect(reports).toHaveLength(1)
    expect(reports[0]).toEqual(plan.online)
  })

  it('cuts only between orders, keeps every line once and in order, and no report passes the row limit by more than one order', () => {
    const plan = planSales(200, 3, '2026-11-23')
    const reports = onlineReports(plan.online, 100)
    expect(reports.length).toBe(Math.ceil(plan.online.length / 100))
    expect(reports.flat()).toEqual(plan.online)
    for (let i = 1; i < reports.length; i++) expect(reports[i][0].orderNo).not.toBe(reports[i - 1].at(-1)!.orderNo)
    // an order has at most 4 lines, so a report runs at most 3 past the limit
    for (const r of reports) expect(r.length).toBeLessThanOrEqual(103)
    for (const r of reports.slice(0, -1)) expect(r.length).toBeGreaterThanOrEqual(100)
  })

  it('sizes a report well inside the importer’s cell limit (13 columns a row)', () => {
    expect((ONLINE_ROWS_PER_REPORT + 3) * 13).toBeLessThan(MAX_SHEET_CELLS)
  })
})
