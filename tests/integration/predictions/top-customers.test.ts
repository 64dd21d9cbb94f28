import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { runImport } from '../../../electron/services/imports/import-service'
import { topCustomers } from '../../../electron/services/predictions/top-customers'
import type { Db } from '../../../electron/db/driver'
import type { TopList } from '../../../shared/schemas/predictions'

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

  it('ranks everyone who had bought by the as-of date with BG/NBD and Gamma-Gamma fitted on all of it', () => {
    expect(top).toMatchObject({ asOf: '2026-06-30', horizonDays: 90, mode: 'model', model: 'bgnbd', customers: 134 })
    expect(top.spend).toEqual({ model: 'gamma-gamma', fallback: false, reason: null })
    expect(top.rows).toHaveLength(134)
    expect(top.rows.every((r) => r.model === 'bgnbd')).toBe(true)
  })

  it('puts the best current customer first, the steady regular second, and the big spender who stopped coming last', () => {
    expect(names().slice(0, 2)).toEqual(['王星', '李稳'])
    expect(names()[133]).toBe('张旧')
    const values = top.rows.map((r) => r.expectedValueFen!)
    expect(values).toEqual([...values].sort((a, b) => b - a))
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

  it('says the BG/NBD flaw plainly: a one-time buyer is taken to be still a customer (P(alive) = 1)', () => {
    expect(row('赵一')).toMatchObject({ purchaseDays: 1, pAlive: 1, lastPurchase: '2025-12-12' })
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
    expect(thin).toMatchObject({ mode: 'rules', model: 'rules', spend: null })
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
