/**
 * 最有价值的顾客 as of a date: the models fitted on every purchase up to and including it (not
 * on a backtest's calibration window), every customer who had bought by then ranked by
 * expected value over the horizon, with P(alive), expected purchases, the expected next
 * purchase and the last one beside it. Nobody whose first purchase comes later can appear:
 * only purchases up to the as-of date are read.
 */
import type { Db } from '../../db/driver'
import { DomainError } from '../../../shared/result'
import { addDays, dayNumber } from '../../../shared/domain/dates'
import { formatFen } from '../../../shared/domain/money'
import type { TopCustomer, TopList, Words } from '../../../shared/schemas/predictions'
import { readPurchaseHistory, type CustomerHistory } from './purchase-history'
import { calibrate, type CalibrationRow } from './calibration'
import { fitSpendModel } from './spend'
import { fitBgnbdScoringModel, type ScoringModel } from './scoring-model'
import { ruleFigures } from './rules'
import { MIN_REPEAT_BUYERS } from './clv-service'
import { customerRefs } from '../campaigns/customer-refs'

export interface TopOptions {
  asOf: string
  horizonDays: number
  limit: number
}

/** The plain rule when the models cannot speak: what each customer spent in the year before. */
export const RULES_WINDOW_DAYS = 365

const dateOf = (day: number) => addDays('1970-01-01', day)
const yuan = (fen: number) => formatFen(fen).replace(/\.00$/, '')
const daysAgoZh = (d: number) => (d === 0 ? '今天' : `${d} 天前`)
const daysAgoEn = (d: number) => (d === 0 ? 'today' : d === 1 ? '1 day ago' : `${d} days ago`)

/** The model, or why there is none (too few repeat buyers, or a fit that cannot settle). */
function chooseModel(rows: CalibrationRow[]): { model: ScoringModel | null; message: Words } {
  const repeat = rows.filter((r) => r.x > 0).length
  if (repeat < MIN_REPEAT_BUYERS) {
    return {
      model: null,
      message: {
        zh: `只有 ${repeat} 位回头客，少于模型需要的 ${MIN_REPEAT_BUYERS} 位：按近 ${RULES_WINDOW_DAYS} 天的消费额排列`,
        en: `only ${repeat} repeat buyers, fewer than the ${MIN_REPEAT_BUYERS} the models need: ranked by spend in the last ${RULES_WINDOW_DAYS} days`
      }
    }
  }
  try {
    const model = fitBgnbdScoringModel(rows, fitSpendModel(rows))
    return {
      model,
      message: {
        zh: `用截至当天全部 ${rows.length} 位顾客（其中 ${repeat} 位回头客）的购买记录拟合，按预计消费额排列`,
        en: `fitted on all ${rows.length} customers' purchases up to the day (${repeat} repeat buyers), ranked by expected value`
      }
    }
  } catch (e) {
    if (!(e instanceof DomainError)) throw e
    return {
      model: null,
      message: {
        zh: `模型无法拟合（${e.message}）：按近 ${RULES_WINDOW_DAYS} 天的消费额排列`,
        en: `the model could not be fitted: ranked by spend in the last ${RULES_WINDOW_DAYS} days`
      }
    }
  }
}

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

/** The top `limit` customers as of `asOf`, highest expected value over `horizonDays` first. */
export function topCustomers(db: Db, o: TopOptions): TopList {
  const asOfDay = dayNumber(o.asOf)
  const histories = readPurchaseHistory(db, o.asOf)
  const rows = calibrate(histories, asOfDay)
  const byId = new Map(histories.map((h) => [h.customerId, h]))
  const { model, message } = chooseModel(rows)
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
