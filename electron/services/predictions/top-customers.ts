/**
 * 最有价值的顾客 as of a date: the count model the shop's own backtest chose (the 26 weeks before
 * the date) or the one pinned, fitted on every purchase up to and including it (not on the
 * backtest's calibration window), with the spend model; every customer who had bought by then ranked by
 * expected value over the horizon, with P(alive), expected purchases, the expected next
 * purchase and the last one beside it. Nobody whose first purchase comes later can appear:
 * only purchases up to the as-of date are read.
 */
import type { Db } from '../../db/driver'
import { DomainError } from '../../../shared/result'
import { addDays, dayNumber } from '../../../shared/domain/dates'
import { formatFen } from '../../../shared/domain/money'
import type { CountModelName, TopCustomer, TopList, Words } from '../../../shared/schemas/predictions'
import { readPurchaseHistory, type CustomerHistory } from './purchase-history'
import { calibrate, type CalibrationRow } from './calibration'
import { fitSpendModel } from './spend'
import { countScoringModel, type ScoringModel } from './scoring-model'
import { countModelSteps, drain, fitCountModel, MODEL_LABELS, pinnedChoice, pinnedFailed, type CountModelStep, type CountModelsResult } from './model-choice'
import type { CountModel } from './models/count-models'
import { groupDays } from './models/rfm'
import { errorWords } from './error-words'
import { ruleFigures } from './rules'
import { MIN_REPEAT_BUYERS } from './clv-service'
import { customerRefs } from '../campaigns/customer-refs'

export interface TopOptions {
  asOf: string
  horizonDays: number
  limit: number
  /** the pinned model; undefined = the shop's backtest chooses */
  model?: CountModelName
}

/**
 * What the list is doing, for a job to say: reading the purchases, checking a model on the 26
 * weeks before the day (the shop's choice), fitting the model that scores on everything, ranking.
 */
export type TopStep =
  | { kind: 'reading' }
  | { kind: 'checking'; name: CountModelName; index: number; count: number }
  | { kind: 'fitting'; name: CountModelName }
  | { kind: 'ranking' }

/** The plain rule when the models cannot speak: what each customer spent in the year before. */
export const RULES_WINDOW_DAYS = 365

const dateOf = (day: number) => addDays('1970-01-01', day)
const yuan = (fen: number) => formatFen(fen).replace(/\.00$/, '')
const daysAgoZh = (d: number) => (d === 0 ? '今天' : `${d} 天前`)
const daysAgoEn = (d: number) => (d === 0 ? 'today' : d === 1 ? '1 day ago' : `${d} days ago`)

/** The backtest the choice runs before the as-of date, as the predictions page does by default: the last 26 weeks, in weeks. */
export const CHOICE_HOLDOUT_DAYS = 182

/**
 * Pareto/NBD takes part only when pinned: its fit can take half a minute on a shop of a few
 * hundred regular buyers (issue #20 item 6), too long for a list that reloads with the horizon.
 */
const CHOICE_WITH_PARETO = false

/** How many models the shop's choice checks (a job's progress counts them). */
export const CHOICE_MODELS = CHOICE_WITH_PARETO ? 5 : 4

/** A choice's model steps as the list's own: each model about to be checked. */
function* checking<R>(steps: Generator<CountModelStep, R>): Generator<TopStep, R> {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
    const s = next.value
    if (s.kind === 'fitting') yield { kind: 'checking', name: s.name, index: s.index, count: s.count }
  }
}

interface ModelPick {
  /** the models to try on everything up to the as-of date, best first */
  order: CountModelName[]
  choice: Words
  /** when no backtest was possible: the models already fitted on everything (BIC chose among them) */
  fitted?: CountModelsResult['models']
}

/** Why no model answers, in each language on its own (the model's refusal is written "中文 (English)"). */
export function unfitted(e: DomainError | null): Words {
  if (!e) return { zh: '模型无法拟合', en: 'the models could not be fitted' }
  const why = errorWords(e)
  return { zh: `模型无法拟合（${why.zh}）`, en: `the models could not be fitted (${why.en})` }
}

/** The shop's own choice as of the day: the model that forecast the 26 weeks before it best, else the best BIC on everything. */
function* chooseByShop(histories: CustomerHistory[], rows: CalibrationRow[], asOf: string): Generator<TopStep, ModelPick> {
  const calEnd = addDays(asOf, -CHOICE_HOLDOUT_DAYS)
  const calRows = calibrate(histories, dayNumber(calEnd))
  const calGroups = groupRows(calRows, 7)
  if (calGroups.repeatBuyers >= MIN_REPEAT_BUYERS) {
    try {
      const c = yield* checking(
        countModelSteps(calGroups, calRows, 7, {
          paretoNbd: CHOICE_WITH_PARETO,
          holdout: { calibrationEnd: calEnd, holdoutEnd: asOf, days: CHOICE_HOLDOUT_DAYS }
        })
      )
      const rest = (Object.keys(c.backtests) as CountModelName[]).filter((n) => n !== c.chosen).sort((a, b) => c.backtests[a]!.mae - c.backtests[b]!.mae)
      return { order: [c.chosen, ...rest], choice: c.choice }
    } catch (e) {
      if (!(e instanceof DomainError)) throw e
    }
  }
  // too few repeat buyers before the window (a young shop): choose on everything by likelihood
  const all = yield* checking(countModelSteps(groupRows(rows, 1), rows, 1, { paretoNbd: CHOICE_WITH_PARETO }))
  return { order: [all.chosen], choice: all.choice, fitted: all.models }
}

/** The model, or why there is none (too few repeat buyers, or no model that can settle). */
function* chooseModel(
  histories: CustomerHistory[],
  rows: CalibrationRow[],
  o: TopOptions
): Generator<TopStep, { model: ScoringModel | null; message: Words; choice: Words | null }> {
  const repeat = rows.filter((r) => r.x > 0).length
  const rules = (why: Words) => ({
    model: null,
    choice: null,
    message: { zh: `${why.zh}：按近 ${RULES_WINDOW_DAYS} 天的消费额排列`, en: `${why.en}: ranked by spend in the last ${RULES_WINDOW_DAYS} days` }
  })
  if (repeat < MIN_REPEAT_BUYERS) {
    return rules({
      zh: `只有 ${repeat} 位回头客，少于模型需要的 ${MIN_REPEAT_BUYERS} 位`,
      en: `only ${repeat} repeat buyers, fewer than the ${MIN_REPEAT_BUYERS} the models need`
    })
  }
  const groups = groupRows(rows, 1)
  let firstError = null as DomainError | null
  const tryFit = (name: CountModelName, fitted?: ModelPick['fitted']): CountModel | null => {
    if (fitted?.[name]) return fitted[name]!
    try {
      return fitCountModel(name, groups, rows, 1)
    } catch (e) {
      if (!(e instanceof DomainError)) throw e
      firstError ??= e
      return null
    }
  }
  let found: { model: CountModel; choice: Words } | null = null
  if (o.model) {
    yield { kind: 'fitting', name: o.model }
    const m = tryFit(o.model)
    if (m) found = { model: m, choice: pinnedChoice(o.model) }
  }
  if (!found) {
    let pick: ModelPick
    try {
      pick = yield* chooseByShop(histories, rows, o.asOf)
    } catch (e) {
      if (!(e instanceof DomainError)) throw e
      return rules(unfitted(e))
    }
    for (const name of pick.order) {
      if (!pick.fitted?.[name]) yield { kind: 'fitting', name }
      const m = tryFit(name, pick.fitted)
      if (!m) continue
      const choice =
        name === pick.order[0]
          ? pick.choice
          : {
              zh: `${MODEL_LABELS[pick.order[0]]} 在全部数据上无法拟合，改用 ${MODEL_LABELS[name]}`,
              en: `${MODEL_LABELS[pick.order[0]]} cannot be fitted on all the data, so ${MODEL_LABELS[name]} is used`
            }
      found = { model: m, choice: o.model ? pinnedFailed(o.model, { chosen: name, choice }) : choice }
      break
    }
  }
  if (!found) return rules(unfitted(firstError))
  const label = MODEL_LABELS[found.model.name]
  return {
    model: countScoringModel(found.model, fitSpendModel(rows)),
    choice: found.choice,
    message: {
      zh: `用 ${label} 在截至当天全部 ${rows.length} 位顾客（其中 ${repeat} 位回头客）的购买记录上拟合，按预计消费额排列`,
      en: `${label} fitted on all ${rows.length} customers' purchases up to the day (${repeat} repeat buyers), ranked by expected value`
    }
  }
}

const groupRows = (rows: CalibrationRow[], perUnit: number) =>
  groupDays(
    rows.map((r) => r.x),
    rows.map((r) => r.txDays),
    rows.map((r) => r.TDays),
    perUnit
  )

interface Ranked {
  row: CalibrationRow
  history: CustomerHistory
  key: number
  expectedPurchases: number | null
  expectedValueFen: number | null
  pAlive: number | null
}

function rankByModel(m: ScoringModel, rows: CalibrationRow[], byId: Map<number, CustomerHistory>, horizonDays: number): Ranked[] {
  return rows.map((row) => {
    const expectedPurchases = m.expectedPurchases(row, horizonDays)
    const expectedValueFen = Math.round(expectedPurchases * m.valuePerPurchaseFen(row))
    return { row, history: byId.get(row.customerId)!, key: expectedValueFen, expectedPurchases, expectedValueFen, pAlive: m.pAlive(row) }
  })
}

function rankByRules(rows: CalibrationRow[], byId: Map<number, CustomerHistory>, asOfDay: number): Ranked[] {
  return rows.map((row) => {
    const h = byId.get(row.customerId)!
    let recent = 0
    for (let i = 0; i < h.days.length; i++) if (h.days[i] > asOfDay - RULES_WINDOW_DAYS && h.days[i] <= asOfDay) recent += h.fen[i]
    return { row, history: h, key: recent, expectedPurchases: null, expectedValueFen: null, pAlive: null }
  })
}

/** The next purchase: the model's median wait with its 80% interval, or last + usual gap by the rule. */
function nextPurchase(m: ScoringModel | null, r: Ranked, asOf: string, lastDay: number): TopCustomer['nextPurchase'] {
  const wait = m?.nextPurchaseDays(r.row) ?? null
  if (wait) {
    const at = (w: number) => addDays(asOf, Math.max(1, Math.ceil(w)))
    return { date: at(wait.median), from: at(wait.low), to: at(wait.high) }
  }
  const rules = ruleFigures(r.history.days, dayNumber(asOf))
  if (rules.usualGapDays === null) return null
  return { date: dateOf(lastDay + Math.round(rules.usualGapDays)), from: null, to: null }
}

function explain(r: Ranked, c: Pick<TopCustomer, 'purchaseDays' | 'spentFen' | 'nextPurchase'>, since: number, horizonDays: number): Words {
  const head = {
    zh: `买过 ${c.purchaseDays} 次，共 ${yuan(c.spentFen)}，上次是${daysAgoZh(since)}`,
    en: `${c.purchaseDays} purchase ${c.purchaseDays === 1 ? 'day' : 'days'}, ${yuan(c.spentFen)} in all, last ${daysAgoEn(since)}`
  }
  if (r.expectedPurchases === null || r.pAlive === null || r.expectedValueFen === null) return head
  const n = r.expectedPurchases.toFixed(1)
  const pct = Math.round(r.pAlive * 100)
  const np = c.nextPurchase
  const next =
    np && np.from && np.to
      ? {
          zh: `；若还会来，下次大约在 ${np.date}（八成在 ${np.from} 至 ${np.to} 之间）`,
          en: `; if still a customer, next about ${np.date} (80%: ${np.from} to ${np.to})`
        }
      : { zh: '', en: '' }
  return {
    zh: `${head.zh}；预计未来 ${horizonDays} 天再买 ${n} 次、约 ${yuan(r.expectedValueFen)}，仍是回头客的可能约 ${pct}%${next.zh}`,
    en: `${head.en}; expected ${n} purchases worth about ${yuan(r.expectedValueFen)} in the next ${horizonDays} days, about ${pct}% likely still a customer${next.en}`
  }
}

type Chosen = ReturnType<typeof chooseModel> extends Generator<TopStep, infer R> ? R : never

/**
 * The last few choices and fits, keyed by the as-of date, the pin and a summary of the data they
 * were fitted on: picking another horizon on the page rescores without running the backtest and the
 * fits again (tens of seconds on a 20,000-customer shop), while any new purchase changes the key.
 */
const recentFits = new Map<string, Chosen>()
const RECENT_FITS = 4

function fitKey(rows: CalibrationRow[], o: TopOptions): string {
  let x = 0
  let tx = 0
  let T = 0
  let z = 0
  let l = 0
  for (const r of rows) {
    x += r.x
    tx += r.txDays
    T += r.TDays
    z += r.zbarFen * (r.spendDays + 1)
    l += r.littDays
  }
  return [o.asOf, o.model ?? 'auto', rows.length, x, tx, T, z, l].join('|')
}

function* chooseModelOnce(histories: CustomerHistory[], rows: CalibrationRow[], o: TopOptions): Generator<TopStep, Chosen> {
  const key = fitKey(rows, o)
  const hit = recentFits.get(key)
  if (hit) return hit
  const chosen = yield* chooseModel(histories, rows, o)
  recentFits.set(key, chosen)
  if (recentFits.size > RECENT_FITS) recentFits.delete(recentFits.keys().next().value as string)
  return chosen
}

/** The top `limit` customers as of `asOf`, highest expected value over `horizonDays` first. */
export function topCustomers(db: Db, o: TopOptions): TopList {
  return drain(topCustomerSteps(db, o))
}

/** topCustomers one step at a time, so a job can say what it is doing and stop between models. */
export function* topCustomerSteps(db: Db, o: TopOptions): Generator<TopStep, TopList> {
  const asOfDay = dayNumber(o.asOf)
  yield { kind: 'reading' }
  const histories = readPurchaseHistory(db, o.asOf)
  const rows = calibrate(histories, asOfDay)
  const byId = new Map(histories.map((h) => [h.customerId, h]))
  const { model, message, choice } = yield* chooseModelOnce(histories, rows, o)
  yield { kind: 'ranking' }
  const ranked = (model ? rankByModel(model, rows, byId, o.horizonDays) : rankByRules(rows, byId, asOfDay))
    .sort((a, b) => b.key - a.key || a.row.customerId - b.row.customerId)
    .slice(0, o.limit)
  const refs = customerRefs(
    db,
    ranked.map((r) => r.row.customerId)
  )
  return {
    asOf: o.asOf,
    horizonDays: o.horizonDays,
    mode: model ? 'model' : 'rules',
    model: model?.name ?? 'rules',
    message,
    choice,
    spend: model ? { model: model.spend.model, fallback: model.spend.fallback, reason: model.spend.reason } : null,
    customers: rows.length,
    rows: ranked.map((r) => {
      const h = r.history
      const lastDay = h.days[h.days.length - 1]
      const who = refs.get(r.row.customerId)
      const base = {
        purchaseDays: h.days.length,
        spentFen: h.fen.reduce((a, b) => a + b, 0),
        nextPurchase: nextPurchase(model, r, o.asOf, lastDay)
      }
      return {
        customerId: r.row.customerId,
        ref: who?.ref ?? `#${r.row.customerId}`,
        name: who?.name || null,
        model: model?.name ?? 'rules',
        expectedPurchases: r.expectedPurchases,
        expectedValueFen: r.expectedValueFen,
        pAlive: r.pAlive,
        lastPurchase: dateOf(lastDay),
        ...base,
        explanation: explain(r, base, asOfDay - lastDay, o.horizonDays)
      }
    })
  }
}
