/**
 * Predictions as of a date: the models fitted on the shop's purchase days, or, when the
 * shop has fewer repeat buyers than the models need, the plain rules with a message that
 * says so. Every customer score comes with its explanation in words.
 */
import type { Db } from '../../db/driver'
import { keptUntilWrite } from '../app/data-version'
import { addDays, dayNumber, daysBetween } from '../../../shared/domain/dates'
import type { ClvFit, CountModelName, CustomerScore, TimeUnit, Words } from '../../../shared/schemas/predictions'
import { readPurchaseHistory, type CustomerHistory } from './purchase-history'
import { calibrate, type CalibrationRow } from './calibration'
import { groupDays } from './models/rfm'
import { bgnbdExpected, bgnbdPAlive, fitBgNbd, type BgNbdParams } from './models/bgnbd'
import { expectedSpendFen, fitSpendModel, type SpendModel } from './spend'
import { countModelSteps, drain, type CountModelStep } from './model-choice'
import { describeRegularity, meanGapDays } from './regularity'
import { explainModel, explainRules, ruleFigures } from './rules'
import { refuse } from '../../../shared/errors/refuse'

/** Below this many repeat buyers the models are not trusted and the rules speak alone. */
export const MIN_REPEAT_BUYERS = 100

export const daysPerUnit = (unit: TimeUnit): number => (unit === 'week' ? 7 : 1)

export interface FitOptions {
  calibrationEnd: string
  holdoutEnd?: string
  unit: TimeUnit
  paretoNbd: boolean
  /** the model to use whatever the backtest says; undefined = the backtest chooses */
  model?: CountModelName
}

function rulesMessage(repeatBuyers: number): Words {
  return {
    zh: `只有 ${repeatBuyers} 位回头客，少于模型需要的 ${MIN_REPEAT_BUYERS} 位：以下按简单规则（距上次购买的天数对比顾客自己的平时间隔）评分`,
    en: `only ${repeatBuyers} repeat buyers, fewer than the ${MIN_REPEAT_BUYERS} the models need: scores follow plain rules (days since the last purchase against the customer's own usual gap)`
  }
}

function modelMessage(repeatBuyers: number, customers: number): Words {
  return {
    zh: `用 ${customers} 位顾客（其中 ${repeatBuyers} 位回头客）的购买记录拟合模型`,
    en: `models fitted on ${customers} customers' purchases (${repeatBuyers} repeat buyers)`
  }
}

/** Refuse a holdout that does not come after the calibration end (a job refuses before it starts). */
export function checkFitDates(o: FitOptions): void {
  if (o.holdoutEnd !== undefined && daysBetween(o.calibrationEnd, o.holdoutEnd) <= 0) {
    throw refuse('holdoutBeforeCalibration', { holdoutEnd: o.holdoutEnd, calibrationEnd: o.calibrationEnd })
  }
}

/** What a fit says as it goes: reading the purchases, each model (see CountModelStep), then the spend model. */
export type FitStep = { kind: 'reading' } | { kind: 'spend' } | CountModelStep

/** Fit the models as of the calibration end; backtest when a holdout end is given. */
export function fitClv(db: Db, o: FitOptions): ClvFit {
  return drain(fitClvSteps(db, o))
}

/** fitClv one step at a time, so a job can report each model's answer as it comes and stop between models. */
export function* fitClvSteps(db: Db, o: FitOptions): Generator<FitStep, ClvFit> {
  checkFitDates(o)
  yield { kind: 'reading' }
  const rows = calibrate(readPurchaseHistory(db, o.holdoutEnd ?? o.calibrationEnd), dayNumber(o.calibrationEnd))
  const perUnit = daysPerUnit(o.unit)
  const groups = groupDays(
    rows.map((r) => r.x),
    rows.map((r) => r.txDays),
    rows.map((r) => r.TDays),
    perUnit
  )
  const base = {
    calibrationEnd: o.calibrationEnd,
    holdoutEnd: o.holdoutEnd ?? null,
    unit: o.unit,
    customers: groups.customers,
    repeatBuyers: groups.repeatBuyers,
    minRepeatBuyers: MIN_REPEAT_BUYERS
  }
  if (groups.repeatBuyers < MIN_REPEAT_BUYERS) {
    return {
      ...base,
      mode: 'rules',
      message: rulesMessage(groups.repeatBuyers),
      bgnbd: null,
      paretoNbd: null,
      gammaGamma: null,
      paretoNbdError: null,
      spend: null,
      backtest: null,
      mbgnbd: null,
      bgcnbd: null,
      mbgcnbd: null,
      regularity: null,
      chosen: null,
      choice: null,
      backtests: {},
      modelErrors: {}
    }
  }
  const holdout = o.holdoutEnd ? { calibrationEnd: o.calibrationEnd, holdoutEnd: o.holdoutEnd, days: daysBetween(o.calibrationEnd, o.holdoutEnd) } : undefined
  const counts = yield* countModelSteps(groups, rows, perUnit, { paretoNbd: o.paretoNbd, pinned: o.model, holdout })
  const bg = counts.bgnbd
  yield { kind: 'spend' }
  const spend = fitSpendModel(rows)
  const cnbd = (f: typeof counts.bgcnbd) => (f ? { ...f.params, logLik: f.logLik, regularised: f.regularised } : null)
  return {
    ...base,
    mode: 'model',
    message: modelMessage(groups.repeatBuyers, groups.customers),
    bgnbd: bg ? { ...bg.params, logLik: bg.logLik, regularised: bg.regularised } : null,
    paretoNbd: counts.paretoNbd ? { ...counts.paretoNbd.params, logLik: counts.paretoNbd.logLik, regularised: counts.paretoNbd.regularised } : null,
    // z̄ is in fen; the scale parameter is reported in yuan, the unit amounts are written in
    gammaGamma: spend.model === 'gamma-gamma' ? { p: spend.params.p, q: spend.params.q, gamma: spend.params.gamma / 100 } : null,
    paretoNbdError: counts.errors.paretoNbd ?? null,
    spend: { model: spend.model, fallback: spend.fallback, reason: spend.reason },
    backtest: counts.backtests.bgnbd ?? null,
    mbgnbd: counts.mbgnbd ? { ...counts.mbgnbd.params, logLik: counts.mbgnbd.logLik, regularised: counts.mbgnbd.regularised } : null,
    bgcnbd: cnbd(counts.bgcnbd),
    mbgcnbd: cnbd(counts.mbgcnbd),
    regularity: counts.bgcnbd ? describeRegularity(counts.bgcnbd.params.k, meanGapDays(rows)) : null,
    chosen: counts.chosen,
    choice: counts.choice,
    backtests: counts.backtests,
    modelErrors: counts.errors
  }
}

/** What scoring needs once fitted: BG/NBD and the spend model (fen), or null in rules mode. */
export interface Fitted {
  mode: 'model' | 'rules'
  message: Words
  bgnbd: BgNbdParams | null
  spend: SpendModel | null
}

/** Fit the two models scoring uses, or fall back to rules when the data is thin. */
export function fitForScoring(rows: CalibrationRow[], unit: TimeUnit): Fitted {
  const groups = groupDays(
    rows.map((r) => r.x),
    rows.map((r) => r.txDays),
    rows.map((r) => r.TDays),
    daysPerUnit(unit)
  )
  if (groups.repeatBuyers < MIN_REPEAT_BUYERS) return { mode: 'rules', message: rulesMessage(groups.repeatBuyers), bgnbd: null, spend: null }
  return {
    mode: 'model',
    message: modelMessage(groups.repeatBuyers, groups.customers),
    bgnbd: fitBgNbd(groups).params,
    spend: fitSpendModel(rows)
  }
}

/** One customer's score from their calibration row and purchase days. */
export function scoreRow(
  f: Fitted,
  row: CalibrationRow,
  history: CustomerHistory,
  asOf: string,
  horizon: number,
  unit: TimeUnit,
  name: string | null
): CustomerScore {
  const perUnit = daysPerUnit(unit)
  const asOfDay = dayNumber(asOf)
  const rules = ruleFigures(
    history.days.filter((d) => d <= asOfDay),
    asOfDay
  )
  const tx = row.txDays / perUnit
  const T = row.TDays / perUnit
  let words = explainRules(rules)
  let expectedPurchases: number | null = null
  let pAlive: number | null = null
  let expectedValueFen: number | null = null
  if (f.bgnbd && f.spend) {
    expectedPurchases = bgnbdExpected(f.bgnbd, horizon, row.x, tx, T)
    pAlive = bgnbdPAlive(f.bgnbd, row.x, tx, T)
    expectedValueFen = Math.round(expectedPurchases * expectedSpendFen(f.spend, row.spendDays, row.zbarFen))
    const m = explainModel(expectedPurchases, pAlive, horizon, unit)
    words = { zh: words.zh + m.zh, en: words.en + m.en }
  }
  return {
    customerId: row.customerId,
    name,
    mode: f.mode,
    x: row.x,
    tx,
    T,
    expectedPurchases,
    pAlive,
    expectedValueFen,
    rules,
    explanation: words
  }
}

function customerName(db: Db, id: number): string | null {
  return (db.prepare('SELECT name FROM customers WHERE id = ?').pluck().get(id) as string | null | undefined) ?? null
}

/** Everyone's purchases up to a date and the models fitted on them, by customer. */
interface ShopScoring {
  rows: Map<number, CalibrationRow>
  histories: Map<number, CustomerHistory>
  fitted: Fitted
}

/**
 * The shop's fit as of a date, in a unit: reading every purchase and fitting BG/NBD and the
 * spend model is ~200 ms at 20,000 customers, and each customer file opened asks for it, so it
 * is kept until the data changes.
 */
function shopScoring(db: Db, asOf: string, unit: TimeUnit): ShopScoring {
  return keptUntilWrite(db, ['shopScoring', asOf, unit], () => {
    const histories = readPurchaseHistory(db, asOf)
    const rows = calibrate(histories, dayNumber(asOf))
    return {
      rows: new Map(rows.map((r) => [r.customerId, r])),
      histories: new Map(histories.map((h) => [h.customerId, h])),
      fitted: fitForScoring(rows, unit)
    }
  })
}

/** Score one customer as of a date (the models fitted on everyone's purchases up to it). */
export function scoreCustomer(db: Db, customerId: number, asOf: string, horizon: number, unit: TimeUnit): CustomerScore {
  const { rows, histories, fitted } = shopScoring(db, asOf, unit)
  const row = rows.get(customerId)
  if (!row) throw refuse('noPurchasesBy', { asOf })
  const history = histories.get(customerId) as CustomerHistory
  return scoreRow(fitted, row, history, asOf, horizon, unit, customerName(db, customerId))
}

/** The default calibration end for a backtest ending today: 26 weeks earlier. */
export function defaultCalibrationEnd(today: string): string {
  return addDays(today, -182)
}
