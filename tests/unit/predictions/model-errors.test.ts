import { describe, expect, it } from 'vitest'
import { DomainError } from '../../../shared/result'
import { groupRfm } from '../../../electron/services/predictions/models/rfm'
import { fitCountModels } from '../../../electron/services/predictions/model-choice'
import { errorWords } from '../../../electron/services/predictions/error-words'
import { unfitted } from '../../../electron/services/predictions/top-customers'
import { fitSpendModel } from '../../../electron/services/predictions/spend'
import { refuse } from '../../../shared/errors/refuse'
import type { CalibrationRow } from '../../../electron/services/predictions/calibration'
import { simulateBgNbd } from './simulate'

const CJK = /[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/
// English words in a Chinese sentence, once the model names and parameter assignments are taken out
const englishIn = (zh: string) =>
  zh
    .replace(/((BG|MBG|Pareto)\/)?C?NBD(-k)?|Gamma-Gamma/g, '')
    .replace(/\b\w+=[\d.]+/g, '')
    .match(/[A-Za-z]{3,}/g)

describe('a model failure in words', () => {
  it('splits a "中文 (English)" refusal into its two languages, brackets and all', () => {
    expect(errorWords(new DomainError('BAD_INPUT', 'Gamma-Gamma q=0.800 ≤ 1: 平均客单价无定义 (mean spend undefined)'))).toEqual({
      zh: 'Gamma-Gamma q=0.800 ≤ 1: 平均客单价无定义',
      en: 'mean spend undefined'
    })
    // the English may itself hold a bracket's worth of words: P(alive) stays whole
    const nd = errorWords(new DomainError('BAD_INPUT', '无法给出存活概率 (the model cannot give P(alive))'))
    expect(nd).toEqual({ zh: '无法给出存活概率', en: 'the model cannot give P(alive)' })
  })

  it('says why the top list fell back to rules in Chinese alone and in English alone', () => {
    expect(unfitted(new DomainError('BAD_INPUT', '似然不收敛 (the likelihood did not converge)'))).toEqual({
      zh: '模型无法拟合（似然不收敛）',
      en: 'the models could not be fitted (the likelihood did not converge)'
    })
    expect(unfitted(null)).toEqual({ zh: '模型无法拟合', en: 'the models could not be fitted' })
  })

  it('takes a catalogued refusal from the catalogue with its parameters filled in', () => {
    expect(errorWords(refuse('fileNotFound', { path: '/tmp/a.csv' }))).toEqual({ zh: '找不到文件：/tmp/a.csv', en: 'file not found: /tmp/a.csv' })
  })

  it('says why Pareto/NBD has no answer in each language on its own, and the other models still answer', () => {
    // dropout chance per purchase ~ Beta(0.001, 5000): nobody leaves, Pareto/NBD stops at no dropout
    const g = groupRfm(simulateBgNbd(1000, { r: 0.8, alpha: 6, a: 0.001, b: 5000 }, 26, 52, 3))
    const fit = fitCountModels(g, [], 1, { paretoNbd: true })
    const e = fit.errors.paretoNbd!
    expect(e.zh).toBe('Pareto/NBD 的流失率趋于零：数据里看不出顾客会流失，模型退化为不流失的 NBD，无法给出存活概率；其他模型照常给出结果')
    expect(e.en).toBe(
      'Pareto/NBD has no answer: no dropout: the data show no sign of customers leaving, the model reduces to the NBD and cannot give P(alive); the other models still do'
    )
    expect(fit.models.bgnbd).toBeDefined()
    for (const words of Object.values(fit.errors)) {
      expect(words.en).not.toMatch(CJK)
      expect(englishIn(words.zh)).toBeNull()
    }
  })

  it('gives the spend fallback its reason in each language', () => {
    // a single repeat buyer: Gamma-Gamma refuses, the shrunk mean stands in
    const row = (customerId: number, spendDays: number, zbarFen: number): CalibrationRow => ({
      customerId,
      x: spendDays,
      txDays: spendDays * 10,
      TDays: 100,
      zbarFen,
      spendDays,
      littDays: 0,
      later: []
    })
    const spend = fitSpendModel([row(1, 2, 5000), row(2, 0, 0)])
    expect(spend.fallback).toBe(true)
    const reason = spend.reason!
    expect(reason.en).toMatch(/^Gamma-Gamma could not be fitted \(too few repeat buyers to fit spend: 1\); spend is each customer's own mean/)
    expect(reason.en).not.toMatch(CJK)
    expect(reason.zh).toMatch(/^Gamma-Gamma 无法拟合（只有 1 位回头客，无法估计客单价分布）；/)
    expect(englishIn(reason.zh)).toBeNull()
  })
})
