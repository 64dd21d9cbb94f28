/**
 * Every purchase-count model fitted on the same calibration data, each on its own (one that
 * fails says why and leaves the others standing), each backtested on the holdout when there
 * is one, and the shop's model chosen: the one the user pinned, else the one whose forecast
 * missed each customer's holdout purchases by least on average (MAE), else, with no holdout,
 * the best likelihood penalised for parameters (BIC).
 */
import { DomainError } from '../../../shared/result'
import type { Backtest, CountModelName, Words } from '../../../shared/schemas/predictions'
import type { RfmGroups } from './models/rfm'
import type { CalibrationRow } from './calibration'
import { fitBgNbd, type BgNbdParams } from './models/bgnbd'
import { fitParetoNbd, type ParetoNbdParams } from './models/pareto-nbd'
import { fitMbgNbd, type MbgNbdParams } from './models/mbgnbd'
import { fitCnbd, type CnbdParams } from './models/bgcnbd'
import { bgnbdModel, cnbdModel, mbgnbdModel, paretoNbdModel, type CountModel } from './models/count-models'
import type { FitReport } from './models/fit-report'
import { runBacktest } from './backtest'
import { gapSummary } from './regularity'
import { errorWords } from './error-words'
import { refuse } from '../../../shared/errors/refuse'

export const MODEL_LABELS: Record<CountModelName, string> = {
  bgnbd: 'BG/NBD',
  paretoNbd: 'Pareto/NBD',
  mbgnbd: 'MBG/NBD',
  bgcnbd: 'BG/CNBD-k',
  mbgcnbd: 'MBG/CNBD-k'
}

export interface CountModelsOptions {
  paretoNbd: boolean
  /** the model to use whatever the backtest says; undefined = choose */
  pinned?: CountModelName
  holdout?: { calibrationEnd: string; holdoutEnd: string; days: number }
}

export interface CountModelsResult {
  bgnbd: FitReport<BgNbdParams> | null
  paretoNbd: FitReport<ParetoNbdParams> | null
  mbgnbd: FitReport<MbgNbdParams> | null
  bgcnbd: FitReport<CnbdParams> | null
  mbgcnbd: FitReport<CnbdParams> | null
  models: Partial<Record<CountModelName, CountModel>>
  errors: Partial<Record<CountModelName, Words>>
  backtests: Partial<Record<CountModelName, Backtest>>
  chosen: CountModelName
  choice: Words
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Run one fit; a DomainError becomes that model's message instead of everyone's failure. */
function attempt<T>(name: CountModelName, errors: CountModelsResult['errors'], fit: () => T): T | null {
  try {
    return fit()
  } catch (e) {
    if (!(e instanceof DomainError)) throw e
    const label = MODEL_LABELS[name]
    const why = errorWords(e)
    // a reason that already names the model is not prefixed with its name a second time
    // (「MBG/NBD 没有结果：MBG/NBD 的参数…」 read as a stutter in the page's comparison table)
    errors[name] = {
      zh: `${why.zh.includes(label) ? why.zh : `${label} 没有结果：${why.zh}`}；其他模型照常给出结果`,
      en: `${why.en.includes(label) ? capitalise(why.en) : `${label} has no answer: ${why.en}`}; the other models still do`
    }
    return null
  }
}

const fmt = (v: number, digits = 2) => v.toFixed(digits)

/** The holdout's length as a shop owner says it: whole weeks, else days. */
function spanWords(days: number): Words {
  return days % 7 === 0 ? { zh: `${days / 7} 周`, en: `${days / 7} weeks` } : { zh: `${days} 天`, en: `${days} days` }
}

function chooseByBacktest(
  backtests: CountModelsResult['backtests'],
  holdout: NonNullable<CountModelsOptions['holdout']>
): { chosen: CountModelName; choice: Words } | null {
  const ranked = (Object.entries(backtests) as [CountModelName, Backtest][]).sort((a, b) => a[1].mae - b[1].mae)
  if (ranked.length === 0) return null
  const [name, best] = ranked[0]
  const label = MODEL_LABELS[name]
  const next = ranked[1]
  const versus = next
    ? { zh: `，次好的 ${MODEL_LABELS[next[0]]} 差 ${fmt(next[1].mae)} 次`, en: `; next best ${MODEL_LABELS[next[0]]}: ${fmt(next[1].mae)}` }
    : { zh: '', en: '' }
  const off = best.actualRepeat > 0 ? Math.round((Math.abs(best.forecastRepeat - best.actualRepeat) / best.actualRepeat) * 100) : null
  const total =
    off === null
      ? { zh: `全店预测 ${fmt(best.forecastRepeat, 1)} 次、实际 0 次`, en: `${fmt(best.forecastRepeat, 1)} forecast for the shop against none` }
      : {
          zh: `全店预测 ${fmt(best.forecastRepeat, 1)} 次、实际 ${best.actualRepeat} 次，误差 ${off}%`,
          en: `${fmt(best.forecastRepeat, 1)} forecast for the shop against ${best.actualRepeat} actual, ${off}% off`
        }
  const span = spanWords(holdout.days)
  return {
    chosen: name,
    choice: {
      zh: `按最近 ${span.zh}（${holdout.calibrationEnd} 之后至 ${holdout.holdoutEnd}）的实际购买检验，${label} 预测得最准（每位顾客平均差 ${fmt(best.mae)} 次${versus.zh}；${total.zh}），所以用它打分`,
      en: `checked against the real purchases of the last ${span.en} (after ${holdout.calibrationEnd} to ${holdout.holdoutEnd}), ${label} forecast best (each customer's repeat purchases missed by ${fmt(best.mae)} on average${versus.en}; ${total.en}), so it does the scoring`
    }
  }
}

function chooseByLikelihood(models: CountModelsResult['models'], customers: number): { chosen: CountModelName; choice: Words } {
  const bic = (m: CountModel) => m.logLik - (m.parameters / 2) * Math.log(customers)
  const ranked = (Object.values(models) as CountModel[]).sort((a, b) => bic(b) - bic(a))
  const label = MODEL_LABELS[ranked[0].name]
  return {
    chosen: ranked[0].name,
    choice: {
      zh: `选用 ${label}：没有检验期可比，按拟合优度（BIC，参数多的要扣分）选出`,
      en: `${label} is used: with no holdout to compare on, it has the best fit penalised for parameters (BIC)`
    }
  }
}

/** Why a pinned model is used, in one sentence. */
export function pinnedChoice(name: CountModelName): Words {
  const label = MODEL_LABELS[name]
  return { zh: `使用设置里固定的 ${label}（不按检验结果挑选）`, en: `${label} is used because it is pinned in the settings (not chosen by the backtest)` }
}

/** The pinned model has no answer: say so before the sentence of the one used instead. */
export function pinnedFailed(pinned: CountModelName, used: { chosen: CountModelName; choice: Words }): Words {
  const label = MODEL_LABELS[pinned]
  return {
    zh: `固定的 ${label} 没有结果，改用 ${MODEL_LABELS[used.chosen]}。${used.choice.zh}`,
    en: `the pinned ${label} has no answer, so ${MODEL_LABELS[used.chosen]} is used. ${used.choice.en}`
  }
}

/** Fit one named model on its own (the scores refit the chosen one on everything up to the as-of date); throws its DomainError. */
export function fitCountModel(name: CountModelName, groups: RfmGroups, rows: CalibrationRow[], perUnit: number): CountModel {
  switch (name) {
    case 'bgnbd': {
      const f = fitBgNbd(groups)
      return bgnbdModel(f.params, f.logLik)
    }
    case 'paretoNbd': {
      const f = fitParetoNbd(groups)
      return paretoNbdModel(f.params, f.logLik)
    }
    case 'mbgnbd': {
      const f = fitMbgNbd(groups)
      return mbgnbdModel(f.params, f.logLik)
    }
    case 'bgcnbd':
    case 'mbgcnbd': {
      const variant = name === 'bgcnbd' ? 'bg' : 'mbg'
      const f = fitCnbd(groups, gapSummary(rows, perUnit), variant)
      return cnbdModel(f.params, variant, f.logLik)
    }
  }
}

/** The order the models are fitted in: Pareto/NBD, the slowest on some shops, last, so it never holds back the others' answers. */
export const FIT_ORDER: readonly CountModelName[] = ['bgnbd', 'mbgnbd', 'bgcnbd', 'mbgcnbd', 'paretoNbd']
/** The order the answers are reported in (the CLI's keys and the choice's ties), whatever order they were fitted in. */
const REPORT_ORDER: readonly CountModelName[] = ['bgnbd', 'paretoNbd', 'mbgnbd', 'bgcnbd', 'mbgcnbd']

/** One model's answer as soon as it has one: its fit and backtest, or why it has none. */
export interface ModelAnswer {
  name: CountModelName
  fit: FitReport<BgNbdParams | ParetoNbdParams | MbgNbdParams | CnbdParams> | null
  backtest: Backtest | null
  /** why the model (or its backtest) has no answer */
  error: Words | null
}

/** What the loop says as it goes: a model about to be fitted (a job may stop here), then its answer. */
export type CountModelStep = { kind: 'fitting'; name: CountModelName; index: number; count: number } | { kind: 'answer'; answer: ModelAnswer }

/** The models a fit asks for, in fitting order. */
export function modelsToFit(o: Pick<CountModelsOptions, 'paretoNbd'>): CountModelName[] {
  return FIT_ORDER.filter((n) => n !== 'paretoNbd' || o.paretoNbd)
}

/**
 * Fit, backtest and choose, one model at a time: each model's answer is yielded as soon as it
 * is backtested, so a job can report it before the next model starts. Throws only when no
 * model at all can be fitted.
 */
export function* countModelSteps(
  groups: RfmGroups,
  rows: CalibrationRow[],
  perUnit: number,
  o: CountModelsOptions
): Generator<CountModelStep, CountModelsResult> {
  const errors: CountModelsResult['errors'] = {}
  const fits: Partial<Record<CountModelName, ModelAnswer['fit']>> = {}
  const fitted: Partial<Record<CountModelName, CountModel>> = {}
  const tested: CountModelsResult['backtests'] = {}
  const gaps = gapSummary(rows, perUnit)
  let firstError: unknown
  const fitOne = (name: CountModelName): { fit: ModelAnswer['fit']; model: CountModel } => {
    switch (name) {
      case 'bgnbd': {
        try {
          const f = fitBgNbd(groups)
          return { fit: f, model: bgnbdModel(f.params, f.logLik) }
        } catch (e) {
          firstError = e
          throw e
        }
      }
      case 'paretoNbd': {
        const f = fitParetoNbd(groups)
        return { fit: f, model: paretoNbdModel(f.params, f.logLik) }
      }
      case 'mbgnbd': {
        const f = fitMbgNbd(groups)
        return { fit: f, model: mbgnbdModel(f.params, f.logLik) }
      }
      case 'bgcnbd':
      case 'mbgcnbd': {
        const variant = name === 'bgcnbd' ? 'bg' : 'mbg'
        const f = fitCnbd(groups, gaps, variant)
        return { fit: f, model: cnbdModel(f.params, variant, f.logLik) }
      }
    }
  }
  const names = modelsToFit(o)
  for (const [index, name] of names.entries()) {
    yield { kind: 'fitting', name, index, count: names.length }
    const got = attempt(name, errors, () => fitOne(name))
    let backtest: Backtest | null = null
    if (got) {
      fits[name] = got.fit
      fitted[name] = got.model
      const h = o.holdout
      if (h) backtest = attempt(name, errors, () => runBacktest(got.model, rows, h.calibrationEnd, h.days, perUnit))
      if (backtest) tested[name] = backtest
    }
    yield { kind: 'answer', answer: { name, fit: got?.fit ?? null, backtest, error: errors[name] ?? null } }
  }
  const models: CountModelsResult['models'] = {}
  const backtests: CountModelsResult['backtests'] = {}
  const orderedErrors: CountModelsResult['errors'] = {}
  for (const name of REPORT_ORDER) {
    if (fitted[name]) models[name] = fitted[name]
    if (tested[name]) backtests[name] = tested[name]
    if (errors[name]) orderedErrors[name] = errors[name]
  }
  if (Object.keys(models).length === 0) throw firstError ?? refuse('noModelFitted')
  let pick = (o.holdout && chooseByBacktest(backtests, o.holdout)) || chooseByLikelihood(models, groups.customers)
  if (o.pinned) {
    pick = models[o.pinned] ? { chosen: o.pinned, choice: pinnedChoice(o.pinned) } : { chosen: pick.chosen, choice: pinnedFailed(o.pinned, pick) }
  }
  const fit = <P>(name: CountModelName) => (fits[name] ?? null) as FitReport<P> | null
  return {
    bgnbd: fit<BgNbdParams>('bgnbd'),
    paretoNbd: fit<ParetoNbdParams>('paretoNbd'),
    mbgnbd: fit<MbgNbdParams>('mbgnbd'),
    bgcnbd: fit<CnbdParams>('bgcnbd'),
    mbgcnbd: fit<CnbdParams>('mbgcnbd'),
    models,
    errors: orderedErrors,
    backtests,
    ...pick
  }
}

/** Run a step generator to its end (the synchronous callers: the CLI, scoring, tests); `each` sees every step. */
export function drain<S, R>(steps: Generator<S, R>, each?: (step: S) => void): R {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
    each?.(next.value)
  }
}

/** Fit, backtest and choose in one call; throws only when no model at all can be fitted. */
export function fitCountModels(groups: RfmGroups, rows: CalibrationRow[], perUnit: number, o: CountModelsOptions): CountModelsResult {
  return drain(countModelSteps(groups, rows, perUnit, o))
}
