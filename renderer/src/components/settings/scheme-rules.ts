/**
 * The loyalty ladder's core criteria and the member tiers as typed in the settings forms:
 * money shown and entered in yuan (stored in fen), counts as whole numbers, tiers rising from
 * silver to diamond. Checked here field by field so each input can say what is wrong; the
 * service checks the same limits again (shared/schemas/segments.ts).
 */
import { fenToYuanText, yuanToFen } from '@shared/domain/money'
import type { CoreCriteria } from '@shared/domain/ladder'
import type { TierRules } from '@shared/domain/tiers'

type Typed = number | string

/** What is wrong with one field. */
export type SchemeError =
  /** not a whole number in [min, max] (max absent: no upper limit) */
  | { kind: 'whole'; min: number; max?: number }
  /** not an amount of yuan with at most two decimals */
  | { kind: 'money' }
  /** a tier below the tier beneath it: fewer orders than `value`, or less spend than `value` yuan */
  | { kind: 'rise'; below: TierLevel; measure: 'orders' | 'spend'; value: string }

// ---------------------------------------------------------------- core (铁杆客户)

export const coreKeys = ['windowDays', 'minOrders', 'minCategories', 'minSpendYuan'] as const
export type CoreKey = (typeof coreKeys)[number]
export type CoreForm = Record<CoreKey, Typed>

/** The limits CoreCriteriaSchema enforces, for the inputs and their messages. */
export const coreLimits = {
  windowDays: { min: 1, max: 3660 },
  minOrders: { min: 0, max: 10_000 },
  minCategories: { min: 0, max: 100 }
} as const

export function coreToForm(c: CoreCriteria): CoreForm {
  return { windowDays: c.windowDays, minOrders: c.minOrders, minCategories: c.minCategories, minSpendYuan: fenToYuanText(c.minSpendFen) }
}

export function checkCore(form: CoreForm): Partial<Record<CoreKey, SchemeError>> {
  const errors: Partial<Record<CoreKey, SchemeError>> = {}
  for (const key of ['windowDays', 'minOrders', 'minCategories'] as const) {
    const { min, max } = coreLimits[key]
    if (wholeIn(form[key], min, max) === null) errors[key] = { kind: 'whole', min, max }
  }
  if (yuanToFen(form.minSpendYuan) === null) errors.minSpendYuan = { kind: 'money' }
  return errors
}

/** The criteria to save (call only when checkCore found nothing). */
export function formToCore(form: CoreForm): CoreCriteria {
  return {
    windowDays: Number(form.windowDays),
    minOrders: Number(form.minOrders),
    minCategories: Number(form.minCategories),
    minSpendFen: yuanToFen(form.minSpendYuan) ?? 0
  }
}

// ---------------------------------------------------------------- member tiers (会员等级)

export const tierLevels = ['silver', 'gold', 'diamond'] as const
export type TierLevel = (typeof tierLevels)[number]
export type TierField = `${TierLevel}.${'orders' | 'spend'}`

export interface TiersForm {
  match: 'any' | 'all'
  silver: { orders: Typed; spendYuan: Typed }
  gold: { orders: Typed; spendYuan: Typed }
  diamond: { orders: Typed; spendYuan: Typed }
}

export function tiersToForm(r: TierRules): TiersForm {
  const one = (level: TierLevel) => ({ orders: r[level].minOrders, spendYuan: fenToYuanText(r[level].minSpendFen) })
  return { match: r.match, silver: one('silver'), gold: one('gold'), diamond: one('diamond') }
}

/**
 * One error per offending field. A tier's threshold may equal the one beneath it but not fall
 * below it; it is compared with the nearest lower tier whose value could be read.
 */
export function checkTiers(form: TiersForm): Partial<Record<TierField, SchemeError>> {
  const errors: Partial<Record<TierField, SchemeError>> = {}
  let orders: { level: TierLevel; n: number } | null = null
  let spend: { level: TierLevel; fen: number } | null = null
  for (const level of tierLevels) {
    const n = wholeIn(form[level].orders, 0)
    if (n === null) errors[`${level}.orders`] = { kind: 'whole', min: 0 }
    else {
      if (orders && n < orders.n) errors[`${level}.orders`] = { kind: 'rise', below: orders.level, measure: 'orders', value: String(orders.n) }
      orders = { level, n }
    }
    const fen = yuanToFen(form[level].spendYuan)
    if (fen === null) errors[`${level}.spend`] = { kind: 'money' }
    else {
      if (spend && fen < spend.fen) errors[`${level}.spend`] = { kind: 'rise', below: spend.level, measure: 'spend', value: fenToYuanText(spend.fen) }
      spend = { level, fen }
    }
  }
  return errors
}

/** The rules to save (call only when checkTiers found nothing). */
export function formToTiers(form: TiersForm): TierRules {
  const one = (level: TierLevel) => ({ minOrders: Number(form[level].orders), minSpendFen: yuanToFen(form[level].spendYuan) ?? 0 })
  return { match: form.match, silver: one('silver'), gold: one('gold'), diamond: one('diamond') }
}

// ---------------------------------------------------------------- shared

/** A whole number typed into a number input, within limits; null when it is not one. */
function wholeIn(raw: Typed, min: number, max = Number.MAX_SAFE_INTEGER): number | null {
  const n = typeof raw === 'number' ? raw : raw.trim() === '' ? NaN : Number(raw)
  return Number.isInteger(n) && n >= min && n <= max ? n : null
}

/** The message for an error, in the UI language (t is vue-i18n's). */
export function schemeErrorText(t: (key: string, values?: Record<string, unknown>) => string, e: SchemeError): string {
  switch (e.kind) {
    case 'whole':
      return e.max === undefined ? t('schemes.errors.wholeFrom', { min: e.min }) : t('schemes.errors.wholeBetween', { min: e.min, max: e.max })
    case 'money':
      return t('schemes.errors.money')
    case 'rise':
      return t(`schemes.errors.${e.measure === 'orders' ? 'riseOrders' : 'riseSpend'}`, { tier: t(`segments.tierNames.${e.below}`), value: e.value })
  }
}
