import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { loadCdnow } from './load-cdnow'
import { fitClv } from '../../../electron/services/predictions/clv-service'
import { addDays } from '../../../shared/domain/dates'
import type { Db } from '../../../electron/db/driver'
import type { ClvFit } from '../../../shared/schemas/predictions'
import { mulberry32 } from '../../unit/predictions/simulate'

/**
 * A nappy-and-formula shop as an export file: 600 members, each with their own rhythm of
 * 25–35 days (±2 days from visit to visit), starting in the first 90 days of 2025; after
 * every visit a member stops for good with their own probability (2–22 %). Prices vary a
 * little so the spend model has something to fit. Seeded, so the file is the same every run.
 */
function regularShopCsv(): string {
  const rand = mulberry32(20261203)
  const lines = ['customer_id,order_date,quantity,amount']
  for (let i = 1; i <= 600; i++) {
    const rhythm = 25 + Math.floor(rand() * 11)
    const stop = 0.02 + 0.2 * rand()
    let day = addDays('2025-01-01', Math.floor(rand() * 90))
    while (day <= '2025-12-31') {
      lines.push(`${i},${day},1,${(150 + Math.floor(rand() * 100)).toFixed(2)}`)
      if (rand() < stop) break
      day = addDays(day, rhythm - 2 + Math.floor(rand() * 5))
    }
  }
  return lines.join('\n') + '\n'
}

describe('a shop of regular buyers', () => {
  let db: Db
  let fit: ClvFit
  let csvText: string
  const dir = mkdtempSync(join(tmpdir(), 'evergreen-regular-'))
  afterAll(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeAll(async () => {
    const csv = join(dir, 'regular.csv')
    csvText = regularShopCsv()
    writeFileSync(csv, csvText)
    db = openNodeDatabase(join(dir, 'regular.db'))
    await loadCdnow(db, csv)
    fit = fitClv(db, { calibrationEnd: '2025-08-31', holdoutEnd: '2025-12-31', unit: 'day', paretoNbd: false })
  })

  it('counts the holdout purchases straight from the file: every model is scored against the same actual figure', () => {
    // purchase days from 09-01 to 12-31 of members whose first purchase came by 08-31
    const firstDay = new Map<string, string>()
    let later = 0
    for (const line of csvText.trim().split('\n').slice(1)) {
      const [id, day] = line.split(',')
      if (!firstDay.has(id)) firstDay.set(id, day)
      if (day > '2025-08-31' && firstDay.get(id)! <= '2025-08-31') later++
    }
    expect(Object.keys(fit.backtests).sort()).toEqual(['bgcnbd', 'bgnbd', 'mbgcnbd', 'mbgnbd'])
    for (const bt of Object.values(fit.backtests)) expect(bt.actualRepeat).toBe(later)
    expect(fit.modelErrors).toEqual({})
  })

  it('finds the rhythm: k = 12 (the steadiest tried) and says it in words with the mean gap', () => {
    expect(fit.bgcnbd!.k).toBe(12)
    expect(fit.mbgcnbd!.k).toBe(12)
    expect(fit.regularity!.zh).toMatch(/^买得很有规律，大约每 (29|30|31) 天一次$/)
    expect(fit.regularity!.en).toMatch(/^buys very regularly, about every (29|30|31) days$/)
  })

  it('chooses the model with the smallest per-customer holdout error, a regular-timing one, and says why in one sentence', () => {
    const maes = Object.entries(fit.backtests).map(([name, b]) => [name, b.mae] as const)
    const best = maes.reduce((a, b) => (b[1] < a[1] ? b : a))
    expect(fit.chosen).toBe(best[0])
    expect(['bgcnbd', 'mbgcnbd']).toContain(fit.chosen)
    // Poisson timing misses each member by far more than Erlang timing on this shop
    expect(fit.backtests.bgnbd!.mae).toBeGreaterThan(1.5 * fit.backtests[fit.chosen!]!.mae)
    expect(fit.choice!.zh).toMatch(
      /^按最近 122 天（2025-08-31 之后至 2025-12-31）的实际购买检验，M?BG\/CNBD-k 预测得最准（每位顾客平均差 \d\.\d\d 次，次好的 \S+ 差 \d\.\d\d 次；全店预测 \d+\.\d 次、实际 \d+ 次，误差 \d+%），所以用它打分$/
    )
  })

  it('uses a pinned model whatever the backtest says, and says it was pinned', () => {
    const pinned = fitClv(db, { calibrationEnd: '2025-08-31', holdoutEnd: '2025-12-31', unit: 'day', paretoNbd: false, model: 'bgnbd' })
    expect(pinned.chosen).toBe('bgnbd')
    expect(pinned.choice!.zh).toBe('使用设置里固定的 BG/NBD（不按检验结果挑选）')
    expect(pinned.backtests.mbgcnbd!.mae).toBeCloseTo(fit.backtests.mbgcnbd!.mae, 9)
  })
})
