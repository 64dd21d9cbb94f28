import { describe, expect, it } from 'vitest'
import type { Backtest, ClvFit, TopList } from '../../../shared/schemas/predictions'
import { asSentence, chartModels, choiceDiffers, gapText, modelRows } from '../../../renderer/src/components/predictions/model-rows'

const bt = (forecastRepeat: number, actualRepeat: number, mae: number): Backtest => ({ forecastRepeat, actualRepeat, mae, periods: [] })
const words = (zh: string) => ({ zh, en: zh })
const params = { r: 0.5, alpha: 4, a: 0.8, b: 2.4, logLik: -100, regularised: false }

/** A fit where BG/CNBD-k won, Pareto/NBD was not asked for and MBG/CNBD-k failed. */
function fit(over: Partial<ClvFit> = {}): ClvFit {
  return {
    mode: 'model',
    message: words('ok'),
    calibrationEnd: '2026-05-25',
    holdoutEnd: '2026-11-23',
    unit: 'week',
    customers: 600,
    repeatBuyers: 350,
    minRepeatBuyers: 20,
    bgnbd: params,
    paretoNbd: null,
    gammaGamma: null,
    paretoNbdError: null,
    spend: null,
    backtest: bt(794.4, 764, 0.96),
    mbgnbd: params,
    bgcnbd: { ...params, k: 12 },
    mbgcnbd: null,
    regularity: words('买得很有规律，大约每 34 天一次'),
    chosen: 'bgcnbd',
    choice: words('BG/CNBD-k 预测得最准'),
    backtests: { bgnbd: bt(794.4, 764, 0.96), mbgnbd: bt(770, 764, 0.95), bgcnbd: bt(745.4, 764, 0.73) },
    modelErrors: { mbgcnbd: words('MBG/CNBD-k 没有结果：数据太少') },
    ...over
  }
}

describe('modelRows', () => {
  it('gives one row per model tried, in the fixed order, with the holdout figures and the k of the rhythm model', () => {
    const rows = modelRows(fit())
    expect(rows.map((r) => [r.name, r.state, r.chosen])).toEqual([
      ['bgnbd', 'scored', false],
      ['mbgnbd', 'scored', false],
      ['bgcnbd', 'scored', true],
      ['mbgcnbd', 'failed', false]
    ])
    expect(rows[2]).toEqual({ name: 'bgcnbd', state: 'scored', chosen: true, forecast: 745.4, actual: 764, gapPct: -2, mae: 0.73, k: 12 })
    expect(rows[0]).toMatchObject({ gapPct: 4, k: null })
  })
  it('puts the reason in a failed model’s row, Pareto/NBD’s own error included', () => {
    const rows = modelRows(fit({ paretoNbdError: words('Pareto/NBD 没有结果：不流失') }))
    expect(rows.find((r) => r.name === 'mbgcnbd')).toEqual({ name: 'mbgcnbd', state: 'failed', chosen: false, why: words('MBG/CNBD-k 没有结果：数据太少') })
    expect(rows.find((r) => r.name === 'paretoNbd')).toMatchObject({ state: 'failed', why: { zh: 'Pareto/NBD 没有结果：不流失' } })
  })
  it('keeps a fitted model with no holdout as unchecked, still marked when chosen', () => {
    const rows = modelRows(fit({ holdoutEnd: null, backtests: {}, backtest: null }))
    expect(rows.filter((r) => r.state === 'unchecked').map((r) => r.name)).toEqual(['bgnbd', 'mbgnbd', 'bgcnbd'])
    expect(rows.find((r) => r.chosen)?.name).toBe('bgcnbd')
  })
})

describe('chartModels and gapText', () => {
  it('offers the chart of every model with a backtest', () => {
    expect(chartModels(fit())).toEqual(['bgnbd', 'mbgnbd', 'bgcnbd'])
  })
  it('writes the gap signed, with a true minus, and a dash when the holdout was empty', () => {
    expect(gapText(4)).toBe('+4%')
    expect(gapText(-12)).toBe('−12%')
    expect(gapText(0)).toBe('0%')
    expect(gapText(null)).toBe('—')
  })
})

describe('choiceDiffers', () => {
  const top = (model: string, mode: 'model' | 'rules' = 'model'): TopList => ({
    asOf: '2026-11-23',
    horizonDays: 90,
    mode,
    model,
    message: words('ok'),
    choice: null,
    spend: null,
    customers: 800,
    rows: []
  })
  it('names both models when the page’s backtest and the top list disagree', () => {
    expect(choiceDiffers(fit({ chosen: 'mbgcnbd' }), top('bgcnbd'))).toEqual({ fit: 'mbgcnbd', top: 'bgcnbd' })
  })
  it('says nothing when they agree, before a fit, or when either has no model', () => {
    expect(choiceDiffers(fit(), top('bgcnbd'))).toBeNull()
    expect(choiceDiffers(null, top('bgcnbd'))).toBeNull()
    expect(choiceDiffers(fit(), top('rules', 'rules'))).toBeNull()
    expect(choiceDiffers(fit({ mode: 'rules', chosen: null }), top('bgcnbd'))).toBeNull()
  })
})

describe('asSentence', () => {
  it('starts an English sentence with a capital and leaves Chinese as it is', () => {
    expect(asSentence('checked against the real purchases')).toBe('Checked against the real purchases')
    expect(asSentence('按最近 26 周')).toBe('按最近 26 周')
  })
})
