import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { runImport } from '../../../electron/services/imports/import-service'
import { topCustomers } from '../../../electron/services/predictions/top-customers'
import type { Db } from '../../../electron/db/driver'
import type { TopList } from '../../../shared/schemas/predictions'
import { daysBetween } from '../../../shared/domain/dates'

/** tests/fixtures/scores/top-shop.csv: 130 background members and five whose order is obvious (see make-top-shop.ts). */
const CSV = join(__dirname, '../../fixtures/scores/top-shop.csv')

describe('最有价值的顾客 as of a date, on a hand-built shop', () => {
  let db: Db
  let top: TopList
  const dir = mkdtempSync(join(tmpdir(), 'evergreen-top-'))
  afterAll(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeAll(async () => {
    db = openNodeDatabase(join(dir, 'top.db'))
    const r = await runImport(db, { file: { path: CSV }, options: {}, importedAt: '2026-08-01T00:00:00', backup: null })
    // 630 rows: 130 background members' visits up to 2026-06-30 plus 24 + 12 + 10 + 1 + 2 named ones
    expect(r.rowsImported).toBe(630)
    top = topCustomers(db, { asOf: '2026-06-30', horizonDays: 90, limit: 200 })
  })
  const names = (list = top) => list.rows.map((r) => r.name)
  const row = (name: string) => top.rows.find((r) => r.name === name)!

  it("ranks everyone who had bought by the as-of date with the model the shop's own 26-week backtest chose, fitted on all of it", () => {
    // the background members buy on fixed rhythms, so a regular-timing model forecasts the 26 weeks before 2026-06-30 best
    expect(top).toMatchObject({ asOf: '2026-06-30', horizonDays: 90, mode: 'model', model: 'mbgcnbd', customers: 134 })
    expect(top.choice!.zh).toMatch(
      /^按最近 26 周（2025-12-30 之后至 2026-06-30）的实际购买检验，MBG\/CNBD-k 预测得最准（每位顾客平均差 0\.50 次，次好的 BG\/CNBD-k 差 0\.58 次；全店预测 \d+\.\d 次、实际 52 次，误差 \d+%），所以用它打分$/
    )
    expect(top.message.zh).toBe('用 MBG/CNBD-k 在截至当天全部 134 位顾客（其中 117 位回头客）的购买记录上拟合，按预计消费额排列')
    expect(top.spend).toEqual({ model: 'gamma-gamma', fallback: false, reason: null })
    expect(top.rows).toHaveLength(134)
    expect(top.rows.every((r) => r.model === 'mbgcnbd')).toBe(true)
  })

  it('puts the best current customer first, the steady regular second, and the big spender who stopped coming and the one-time buyer at the bottom', () => {
    expect(names().slice(0, 2)).toEqual(['王星', '李稳'])
    const values = top.rows.map((r) => r.expectedValueFen!)
    expect(values).toEqual([...values].sort((a, b) => b - a))
    for (const n of ['张旧', '赵一']) {
      expect(names().indexOf(n)).toBeGreaterThanOrEqual(129)
      expect(row(n)).toMatchObject({ expectedValueFen: 0 })
      expect(row(n).pAlive!).toBeLessThan(0.001)
    }
  })

  it('expects the regular buyer back on their own rhythm: 李稳 buys every 30 days, last on 06-20, so next on 07-20', () => {
    expect(row('李稳').nextPurchase).toEqual({ date: '2026-07-20', from: '2026-07-10', to: '2026-08-03' })
    // 王星 every 17 days, last on 06-27: 07-14 lies inside a two-week interval
    const w = row('王星').nextPurchase!
    expect(w.from! <= '2026-07-14' && '2026-07-14' <= w.to!).toBe(true)
    expect(daysBetween(w.from!, w.to!)).toBeLessThanOrEqual(14)
  })

  it('shows the best customer with what they bought up to the as-of date only: 23 visits, ¥19,476, the last 3 days before', () => {
    const w = row('王星')
    expect(w).toMatchObject({ ref: '1001', purchaseDays: 23, spentFen: 1_947_600, lastPurchase: '2026-06-27' })
    expect(w.explanation.zh).toMatch(/^买过 23 次，共 ¥19,476，上次是3 天前；预计未来 90 天再买 /)
    expect(row('张旧')).toMatchObject({ purchaseDays: 10, spentFen: 2_000_000, lastPurchase: '2025-04-05' })
    expect(row('张旧').pAlive!).toBeLessThan(0.001)
  })

  it('never lists someone whose first purchase comes after the as-of date', () => {
    expect(names()).not.toContain('孙新')
    const early = topCustomers(db, { asOf: '2025-06-17', horizonDays: 90, limit: 200 })
    // 王星's first visit is 2025-06-18
    expect(names(early)).not.toContain('王星')
    expect(names(topCustomers(db, { asOf: '2025-06-18', horizonDays: 90, limit: 200 }))).toContain('王星')
  })

  it('gives the next purchase as a date after the as-of day inside its 80% interval', () => {
    for (const r of top.rows) {
      const n = r.nextPurchase!
      expect(n.from! > '2026-06-30').toBe(true)
      expect(n.from! <= n.date && n.date <= n.to!).toBe(true)
    }
  })

  it('uses a pinned model instead (BG/NBD), says so, and shows its known flaw: a one-time buyer is taken to be still a customer', () => {
    const pinned = topCustomers(db, { asOf: '2026-06-30', horizonDays: 90, limit: 200, model: 'bgnbd' })
    expect(pinned).toMatchObject({ model: 'bgnbd', choice: { zh: '使用设置里固定的 BG/NBD（不按检验结果挑选）' } })
    expect(names(pinned).slice(0, 2)).toEqual(['王星', '李稳'])
    expect(names(pinned)[133]).toBe('张旧')
    expect(pinned.rows.find((r) => r.name === '赵一')).toMatchObject({ purchaseDays: 1, pAlive: 1, lastPurchase: '2025-12-12' })
    // Poisson timing cannot tell the rhythm: the interval for 李稳 spans far more than the regular model's
    const li = pinned.rows.find((r) => r.name === '李稳')!.nextPurchase!
    expect(daysBetween(li.from!, li.to!)).toBeGreaterThan(daysBetween(row('李稳').nextPurchase!.from!, row('李稳').nextPurchase!.to!))
  })

  it('a longer horizon is worth more to everyone near the top', () => {
    const year = topCustomers(db, { asOf: '2026-06-30', horizonDays: 365, limit: 3 })
    const month = topCustomers(db, { asOf: '2026-06-30', horizonDays: 30, limit: 3 })
    expect(names(year)[0]).toBe('王星')
    expect(year.rows[0].expectedValueFen!).toBeGreaterThan(top.rows[0].expectedValueFen!)
    expect(month.rows[0].expectedValueFen!).toBeLessThan(top.rows[0].expectedValueFen!)
  })

  it('ranks by spend over the last 365 days when too few customers have come back for the models', () => {
    const thin = topCustomers(db, { asOf: '2025-02-01', horizonDays: 90, limit: 5 })
    expect(thin).toMatchObject({ mode: 'rules', model: 'rules', spend: null, choice: null })
    expect(thin.message.zh).toMatch(/位回头客，少于模型需要的 100 位：按近 365 天的消费额排列$/)
    // 张旧 by then: 2025-01-05, -15 and -25 at ¥2,000; every other customer has at most two visits of ≤ ¥334
    expect(thin.rows[0]).toMatchObject({
      name: '张旧',
      model: 'rules',
      purchaseDays: 3,
      spentFen: 600_000,
      expectedValueFen: null,
      pAlive: null,
      lastPurchase: '2025-01-25',
      nextPurchase: { date: '2025-02-04', from: null, to: null }
    })
  })
})
