import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { loadCdnow } from './load-cdnow'
import { fitClv, scoreCustomer } from '../../../electron/services/predictions/clv-service'
import { topCustomers } from '../../../electron/services/predictions/top-customers'
import { paretoNbdPAlive } from '../../../electron/services/predictions/models/pareto-nbd'
import { dayNumber } from '../../../shared/domain/dates'
import type { Db } from '../../../electron/db/driver'
import type { ClvFit } from '../../../shared/schemas/predictions'

/**
 * A mother-and-baby shop as an export file: 300 members buy one tin of stage-3 formula at
 * ¥268.00 every 28–32 days from a start in January or February; member i stops after
 * 2 + (i mod 9) tins. Every visit costs the same, so Gamma-Gamma has nothing to fit.
 */
function formulaShopCsv(): string {
  const lines = ['customer_id,order_date,quantity,amount']
  const start = dayNumber('2026-01-01')
  for (let i = 1; i <= 300; i++) {
    let day = start + (i % 60)
    for (let n = 0; n < 2 + (i % 9); n++) {
      const d = new Date(day * 86_400_000).toISOString().slice(0, 10)
      lines.push(`${i},${d},1,268.00`)
      day += 28 + ((i * 7 + n * 3) % 5)
    }
  }
  return lines.join('\n') + '\n'
}

describe('a fixed-price formula shop', () => {
  let db: Db
  let fit: ClvFit
  const dir = mkdtempSync(join(tmpdir(), 'evergreen-formula-'))
  const path = join(dir, 'formula.db')
  afterAll(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeAll(async () => {
    const csv = join(dir, 'formula.csv')
    writeFileSync(csv, formulaShopCsv())
    db = openNodeDatabase(path)
    // 300 members × (2 + i mod 9) tins = 300·2 + 33 full rounds of 0..8 (36 each) + 1+2+3 = 1,794 rows
    expect(await loadCdnow(db, csv)).toBe(1794)
    fit = fitClv(db, { calibrationEnd: '2026-06-30', holdoutEnd: '2026-09-30', unit: 'week', paretoNbd: true })
  })

  it('still fits the count models when the spend model cannot be fitted, and says why', () => {
    expect(fit.mode).toBe('model')
    expect(fit.customers).toBe(300)
    expect(fit.bgnbd).not.toBeNull()
    expect(fit.gammaGamma).toBeNull()
    expect(fit.spend).toMatchObject({ model: 'shrunk-mean', fallback: true })
    expect(fit.spend!.reason!.zh).toMatch(/^Gamma-Gamma 无法拟合.*向全店平均（268\.00 元）靠拢一次购买的分量$/)
    expect(fit.backtest!.actualRepeat).toBeGreaterThan(0)
  })

  it('values a member at expected purchases × ¥268.00, the price every visit costs', () => {
    const id = db.prepare("SELECT customer_id FROM customer_identities WHERE kind = 'external' AND value = '8'").pluck().get() as number
    const s = scoreCustomer(db, id, '2026-06-30', 13, 'week')
    expect(s.expectedPurchases).toBeGreaterThan(0)
    // own mean 26,800 fen blended with the shop mean 26,800 fen is 26,800 fen per purchase
    expect(s.expectedValueFen).toBe(Math.round(s.expectedPurchases! * 26800))
  })

  it('fits Pareto/NBD too (it used to run for over ten minutes here), and trusts a member still buying more than one who stopped', () => {
    // the likelihood runs towards one shared buying rate and one shared dropout rate (r, α, s, β large)
    expect(fit.paretoNbdError).toBeNull()
    const p = fit.paretoNbd!
    expect(Number.isFinite(p.logLik)).toBe(true)
    // member 8 (first tin 2026-01-09, ten tins): by 06-30 tins on days 0, 29, 61, 91, 119, 150 → x = 5,
    // t_x = 150/7, T = 172/7 weeks; member 9 (first tin 01-10, two tins 31 days apart): x = 1, t_x = 31/7, T = 171/7
    const still = paretoNbdPAlive(p, 5, 150 / 7, 172 / 7)
    const stopped = paretoNbdPAlive(p, 1, 31 / 7, 171 / 7)
    expect(still).toBeGreaterThan(0.99)
    expect(stopped).toBeLessThan(still)
  })
  it('answers the top list as of 09-30 (issue 20, "Done means"): the rhythm named, the model its own holdout chose, and every member still buying above every one who stopped', () => {
    const asOf = '2026-09-30'
    const top = topCustomers(db, { asOf, horizonDays: 90, limit: 300 })
    expect(top.mode).toBe('model')
    expect(top.customers).toBe(300)
    expect(top.spend).toMatchObject({ model: 'shrunk-mean', fallback: true })
    // the choice is the shop's own 26-week backtest before the day, and says so
    expect(top.choice!.zh).toMatch(/^按最近 26 周（2026-04-01 之后至 2026-09-30）的实际购买检验，\S+ 预测得最准/)
    const sinceLast = top.rows.map((r) => dayNumber(asOf) - dayNumber(r.lastPurchase))
    const buying = sinceLast.flatMap((d, i) => (d <= 35 ? [i] : []))
    const stopped = sinceLast.flatMap((d, i) => (d > 45 ? [i] : []))
    // the members whose last tin in the file came within 35 days of the day: 86 of them
    const lastTin = new Map<string, string>()
    for (const line of formulaShopCsv().trim().split('\n').slice(1)) lastTin.set(line.split(',')[0], line.split(',')[1])
    expect([...lastTin.values()].filter((d) => dayNumber(asOf) - dayNumber(d) <= 35)).toHaveLength(86)
    expect(buying).toHaveLength(86)
    expect(Math.max(...buying)).toBeLessThan(Math.min(...stopped))
    // at one price for everyone, value is expected tins × ¥268
    for (const r of top.rows.slice(0, 5)) expect(r.expectedValueFen).toBe(Math.round(r.expectedPurchases! * 26800))
    // the page's fit on the same shop names the rhythm
    const paged = fitClv(db, { calibrationEnd: '2026-06-30', holdoutEnd: asOf, unit: 'week', paretoNbd: false })
    expect(paged.regularity!.zh).toBe('买得很有规律，大约每 30 天一次')
    const best = Object.entries(paged.backtests).sort((a, b) => a[1].mae - b[1].mae)[0][0]
    expect(paged.chosen).toBe(best)
  })
})
