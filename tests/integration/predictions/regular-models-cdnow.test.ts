import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { loadCdnow } from './load-cdnow'
import { readPurchaseHistory } from '../../../electron/services/predictions/purchase-history'
import { calibrate, type CalibrationRow } from '../../../electron/services/predictions/calibration'
import { groupDays, type RfmGroups } from '../../../electron/services/predictions/models/rfm'
import { cnbdLogLik, fitCnbd } from '../../../electron/services/predictions/models/bgcnbd'
import { fitMbgNbd, mbgnbdLogLik } from '../../../electron/services/predictions/models/mbgnbd'
import { gapSummary } from '../../../electron/services/predictions/regularity'
import { dayNumber } from '../../../shared/domain/dates'
import { runCli } from '../../../electron/cli/run-cli'
import type { Db } from '../../../electron/db/driver'

// CDNOW in weeks with the 39-week calibration of Fader, Hardie & Lee (2005), imported as a CSV
describe('the regular-buyer models on CDNOW', () => {
  let db: Db
  let rows: CalibrationRow[]
  let g: RfmGroups
  const dir = mkdtempSync(join(tmpdir(), 'evergreen-cdnow-regular-'))
  const path = join(dir, 'cdnow.db')
  afterAll(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeAll(async () => {
    db = openNodeDatabase(path)
    await loadCdnow(db)
    rows = calibrate(readPurchaseHistory(db, '1997-09-30'), dayNumber('1997-09-30'))
    g = groupDays(
      rows.map((r) => r.x),
      rows.map((r) => r.txDays),
      rows.map((r) => r.TDays),
      7
    )
  })

  it('sums the log gaps between purchase days: 2,457 gaps, each at least a day', () => {
    expect(rows.reduce((s, r) => s + r.x, 0)).toBe(2457)
    expect(rows.every((r) => r.x > 0 || r.littDays === 0)).toBe(true)
    expect(rows.every((r) => r.littDays >= 0)).toBe(true)
  })

  it.each(['bg', 'mbg'] as const)('finds no rhythm (k = 1) with the %s variant, as BTYDplus reports for CDNOW', (variant) => {
    const fit = fitCnbd(g, gapSummary(rows, 7), variant)
    expect(fit.params.k).toBe(1)
    // k = 2 and k = 3 were tried and both fell short
    expect(fit.logLikByK).toHaveLength(3)
    expect(fit.logLikByK[1]).toBeLessThan(fit.logLikByK[0])
  })

  it('BG/CNBD-k at k = 1 reproduces the published BG/NBD optimum (r 0.243, α 4.414, a 0.793, b 2.426, LL −9582.4)', () => {
    const fit = fitCnbd(g, gapSummary(rows, 7), 'bg', 1)
    expect(Math.abs(fit.params.r - 0.243)).toBeLessThan(0.001)
    expect(Math.abs(fit.params.alpha - 4.414)).toBeLessThan(0.001)
    expect(Math.abs(fit.params.a - 0.793)).toBeLessThan(0.001)
    expect(Math.abs(fit.params.b - 2.426)).toBeLessThan(0.001)
    expect(Math.abs(fit.logLik - -9582.4)).toBeLessThan(0.05)
  })

  it('fits MBG/NBD to a true optimum of the closed-form likelihood (no published CDNOW figure: checked numerically)', () => {
    const fit = fitMbgNbd(g)
    const p = fit.params
    // the closed form of Batislam et al. agrees with the fit's own (MBG/CNBD-1) likelihood
    expect(mbgnbdLogLik(p, g)).toBeCloseTo(fit.logLik, 6)
    expect(cnbdLogLik({ k: 1, ...p }, 'mbg', g, { littSum: 0 })).toBeCloseTo(fit.logLik, 6)
    // central differences of the closed form vanish at the optimum, and every nudge lowers it
    for (const key of ['r', 'alpha', 'a', 'b'] as const) {
      const h = p[key] * 1e-5
      const up = mbgnbdLogLik({ ...p, [key]: p[key] + h }, g)
      const down = mbgnbdLogLik({ ...p, [key]: p[key] - h }, g)
      expect(Math.abs((up - down) / (2 * h))).toBeLessThan(0.05)
      const far = p[key] * 0.02
      expect(mbgnbdLogLik({ ...p, [key]: p[key] + far }, g)).toBeLessThan(fit.logLik)
      expect(mbgnbdLogLik({ ...p, [key]: p[key] - far }, g)).toBeLessThan(fit.logLik)
    }
    // the optimum so checked, pinned: r 0.525, α 6.183, a 0.891, b 1.614, LL −9582.14 (a hair above
    // BG/NBD's −9582.4 with the same four parameters: one-time buyers may drop out too)
    expect(p.r.toFixed(3)).toBe('0.525')
    expect(p.alpha.toFixed(3)).toBe('6.183')
    expect(p.a.toFixed(3)).toBe('0.891')
    expect(p.b.toFixed(3)).toBe('1.614')
    expect(fit.logLik.toFixed(2)).toBe('-9582.14')
  })

  it('prints every model, its backtest and the choice through `clv --json`, and pins one with --model', async () => {
    let out = ''
    const args = ['clv', '--db', path, '--calibration-end', '1997-09-30', '--holdout-end', '1998-06-30', '--unit', 'week', '--json']
    expect(await runCli(args, { stdout: (t) => (out += t), stderr: () => {}, env: {}, version: 'test' })).toBe(0)
    const j = JSON.parse(out)
    // the old keys stay
    for (const key of ['bgnbd', 'paretoNbd', 'gammaGamma', 'backtest', 'spend', 'paretoNbdError']) expect(j).toHaveProperty(key)
    expect(j.backtest.forecastRepeat.toFixed(1)).toBe('1653.4')
    expect(j.mbgnbd.r.toFixed(3)).toBe('0.525')
    expect(Object.keys(j.mbgnbd)).toEqual(['r', 'alpha', 'a', 'b', 'logLik'])
    expect(Object.keys(j.bgcnbd)).toEqual(['k', 'r', 'alpha', 'a', 'b', 'logLik'])
    expect(j.bgcnbd.k).toBe(1)
    expect(j.regularity.zh).toBe('购买时间没有明显规律（间隔长短随机）')
    expect(Object.keys(j.backtests).sort()).toEqual(['bgcnbd', 'bgnbd', 'mbgcnbd', 'mbgnbd', 'paretoNbd'])
    for (const b of Object.values(j.backtests) as { actualRepeat: number; mae: number }[]) {
      expect(b.actualRepeat).toBe(1882)
      expect(b.mae).toBeGreaterThan(0)
    }
    // BG/CNBD-k at k = 1 is BG/NBD, so its holdout forecast is BG/NBD's
    expect(j.backtests.bgcnbd.forecastRepeat).toBeCloseTo(j.backtests.bgnbd.forecastRepeat, 2)
    const maes = Object.entries(j.backtests as Record<string, { mae: number }>).sort((a, b) => a[1].mae - b[1].mae)
    expect(j.chosen).toBe(maes[0][0])

    out = ''
    expect(await runCli([...args, '--model', 'mbgnbd'], { stdout: (t) => (out += t), stderr: () => {}, env: {}, version: 'test' })).toBe(0)
    expect(JSON.parse(out).chosen).toBe('mbgnbd')
    out = ''
    let err = ''
    expect(await runCli([...args, '--model', 'nope'], { stdout: (t) => (out += t), stderr: (t) => (err += t), env: {}, version: 'test' })).not.toBe(0)
    // refused through the catalogue (cliFlagChoice), in the language LANG asks for
    expect(err + out).toContain('"key":"cliFlagChoice"')
    expect(err + out).toContain('--model must be one of auto, bgnbd, paretoNbd, mbgnbd, bgcnbd, mbgcnbd, got nope')
    err = ''
    const zh = { stdout: () => {}, stderr: (t: string) => (err += t), env: { LANG: 'zh_CN.UTF-8' }, version: 'test' }
    expect(await runCli([...args, '--model', 'nope'], zh)).not.toBe(0)
    expect(err).toContain('--model 只能是 auto, bgnbd, paretoNbd, mbgnbd, bgcnbd, mbgcnbd，这里是 nope')
  })
})
