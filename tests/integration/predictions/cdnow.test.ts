import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { testContext, testDispatch } from '../../helpers/db'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { runCli } from '../../../electron/cli/run-cli'
import { loadCdnow } from './load-cdnow'
import { fitClv, scoreCustomer } from '../../../electron/services/predictions/clv-service'
import type { Db } from '../../../electron/db/driver'
import type { ClvFit } from '../../../shared/schemas/predictions'

// Fader, Hardie & Lee (2005): 39-week calibration to 1997-09-30, 39-week holdout to 1998-06-30
describe('the CDNOW reproduction', () => {
  let db: Db
  let fit: ClvFit
  const dir = mkdtempSync(join(tmpdir(), 'evergreen-cdnow-'))
  const path = join(dir, 'cdnow.db')
  afterAll(() => {
    db.close()
    rmSync(dir, { recursive: true, force: true })
  })
  beforeAll(async () => {
    db = openNodeDatabase(path)
    // through the ordinary import, as the issue asks: 6,919 rows, none rejected
    expect(await loadCdnow(db)).toBe(6919)
    fit = fitClv(db, { calibrationEnd: '1997-09-30', holdoutEnd: '1998-06-30', unit: 'week', paretoNbd: true })
  })

  it('sees 2,357 customers of whom 946 bought again in the calibration period', () => {
    expect(fit.mode).toBe('model')
    expect(fit.customers).toBe(2357)
    expect(fit.repeatBuyers).toBe(946)
  })

  it('reproduces the published BG/NBD estimates and log-likelihood', () => {
    const b = fit.bgnbd!
    expect(Math.abs(b.r - 0.243)).toBeLessThan(0.001)
    expect(Math.abs(b.alpha - 4.414)).toBeLessThan(0.001)
    expect(Math.abs(b.a - 0.793)).toBeLessThan(0.001)
    expect(Math.abs(b.b - 2.426)).toBeLessThan(0.001)
    expect(Math.abs(b.logLik - -9582.4)).toBeLessThan(0.05)
  })

  it('reproduces the published Pareto/NBD estimates', () => {
    const p = fit.paretoNbd!
    expect(Math.abs(p.r - 0.553)).toBeLessThan(0.001)
    expect(Math.abs(p.alpha - 10.578)).toBeLessThan(0.001)
    expect(Math.abs(p.s - 0.606)).toBeLessThan(0.001)
    expect(Math.abs(p.beta - 11.669)).toBeLessThan(0.003)
    expect(Math.abs(p.logLik - -9595.0)).toBeLessThan(0.05)
  })

  it('reproduces the published Gamma-Gamma estimates on the 946 repeat buyers', () => {
    const g = fit.gammaGamma!
    expect(Math.abs(g.p - 6.25)).toBeLessThan(0.005)
    expect(Math.abs(g.q - 3.74)).toBeLessThan(0.005)
    expect(Math.abs(g.gamma - 15.44)).toBeLessThan(0.01)
  })

  it('counts 1,882 repeat purchase days in weeks 40–78 against 1,653.4 forecast', () => {
    const bt = fit.backtest!
    expect(bt.actualRepeat).toBe(1882)
    expect(bt.periods).toHaveLength(39)
    expect(bt.periods[0]).toMatchObject({ from: '1997-10-01', to: '1997-10-07' })
    expect(bt.periods[38].to).toBe('1998-06-30')
    expect(bt.periods.reduce((s, p) => s + p.actual, 0)).toBe(1882)
    // Σ E[X(39) | x, t_x, T] over the 2,357 customers, checked independently with scipy's hyp2f1: 1653.42
    expect(bt.forecastRepeat.toFixed(1)).toBe('1653.4')
    expect(bt.periods.reduce((s, p) => s + p.forecast, 0)).toBeCloseTo(bt.forecastRepeat, 6)
  })

  it('counts 2,457 repeat purchase days in the calibration weeks 1–39', () => {
    const x = db
      .prepare(
        `SELECT sum(days - 1) FROM (SELECT count(DISTINCT substr(ordered_at, 1, 10)) AS days FROM orders
         WHERE is_purchase = 1 AND ordered_at <= '1997-09-30' GROUP BY customer_id)`
      )
      .pluck()
      .get()
    expect(x).toBe(2457)
  })

  it('expects 1.226 purchases from customer 1 (x=2, t_x=30.43, T=38.86) in the next 39 weeks', () => {
    const id = db.prepare("SELECT customer_id FROM customer_identities WHERE kind = 'external' AND value = '1'").pluck().get() as number
    const s = scoreCustomer(db, id, '1997-09-30', 39, 'week')
    expect(s.x).toBe(2)
    expect(s.tx.toFixed(2)).toBe('30.43')
    expect(s.T.toFixed(2)).toBe('38.86')
    expect(s.expectedPurchases!.toFixed(3)).toBe('1.226')
    expect(s.pAlive).toBeGreaterThan(0.5)
  })

  it('answers the clv channels with the same figures', async () => {
    const ctx = testContext('1998-07-01', db)
    const r = await testDispatch(ctx)('predictions.customer', { ref: '1', asOf: '1997-09-30', horizon: 39, unit: 'week' })
    expect(r.ok).toBe(true)
    if (r.ok) expect((r.data as { expectedPurchases: number }).expectedPurchases.toFixed(3)).toBe('1.226')
  })

  const cli = async (...args: string[]) => {
    let out = ''
    const code = await runCli(args, { stdout: (t) => (out += t), stderr: () => {}, env: {}, version: 'test' })
    return { code, json: JSON.parse(out) as Record<string, unknown> }
  }

  it('prints one customer through `clv --customer 1 --horizon 39 --json`', async () => {
    const r = await cli('clv', '--db', path, '--calibration-end', '1997-09-30', '--customer', '1', '--horizon', '39', '--json')
    expect(r.code).toBe(0)
    expect(Object.keys(r.json)).toEqual(['x', 'tx', 'T', 'expectedPurchases', 'pAlive', 'expectedValueFen'])
    expect((r.json.expectedPurchases as number).toFixed(3)).toBe('1.226')
    expect(r.json.expectedValueFen).toBeGreaterThan(2000)
  })

  it('prints the fits and backtest through `clv --json` in days as well', async () => {
    const r = await cli('clv', '--db', path, '--calibration-end', '1997-09-30', '--holdout-end', '1998-06-30', '--unit', 'day', '--json')
    expect(r.code).toBe(0)
    const j = r.json as { bgnbd: { r: number; alpha: number }; gammaGamma: { p: number }; backtest: { actualRepeat: number; forecastRepeat: number } }
    // in days r is unchanged and α scales by 7
    expect(Math.abs(j.bgnbd.r - 0.243)).toBeLessThan(0.001)
    expect(Math.abs(j.bgnbd.alpha / 7 - 4.414)).toBeLessThan(0.002)
    expect(j.backtest.actualRepeat).toBe(1882)
    expect(j.backtest.forecastRepeat.toFixed(0)).toBe('1653')
    // Gamma-Gamma fits CDNOW, so no fallback is used or explained
    expect(r.json.spend).toEqual({ model: 'gamma-gamma', fallback: false, reason: null })
  })
})
