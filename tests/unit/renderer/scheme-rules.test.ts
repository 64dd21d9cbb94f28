import { beforeAll, describe, expect, it } from 'vitest'
import { defaultCoreCriteria } from '../../../shared/domain/ladder'
import { defaultTierRules } from '../../../shared/domain/tiers'
import { CoreCriteriaSchema, TierRulesSchema } from '../../../shared/schemas/segments'
import {
  checkCore,
  checkTiers,
  coreToForm,
  formToCore,
  formToTiers,
  schemeErrorText,
  tiersToForm,
  type SchemeError,
  type TiersForm
} from '../../../renderer/src/components/settings/scheme-rules'
import { i18n } from '../../../renderer/src/i18n'

const t = i18n.global.t as (key: string, values?: Record<string, unknown>) => string
const texts = (errors: Partial<Record<string, SchemeError>>) => Object.fromEntries(Object.entries(errors).map(([k, e]) => [k, schemeErrorText(t, e!)]))

function tiers(edit: (f: TiersForm) => void): TiersForm {
  const f = tiersToForm(defaultTierRules)
  edit(f)
  return f
}

beforeAll(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('core criteria in the form', () => {
  it('shows the spend in yuan and saves it in fen', () => {
    const form = coreToForm({ minCategories: 3, minOrders: 4, minSpendFen: 150_050, windowDays: 365 })
    expect(form).toEqual({ windowDays: 365, minOrders: 4, minCategories: 3, minSpendYuan: '1500.5' })
    expect(checkCore(form)).toEqual({})
    expect(formToCore({ ...form, minSpendYuan: '2000.25' })).toEqual({ windowDays: 365, minOrders: 4, minCategories: 3, minSpendFen: 200_025 })
  })

  it('takes the defaults through the form unchanged, and what it saves passes the contract', () => {
    const saved = formToCore(coreToForm(defaultCoreCriteria))
    expect(saved).toEqual(defaultCoreCriteria)
    expect(CoreCriteriaSchema.parse(saved)).toEqual(saved)
  })

  it('says which field is wrong and why', () => {
    const errors = checkCore({ windowDays: 0, minOrders: '2.5', minCategories: 101, minSpendYuan: '12.345' })
    expect(texts(errors)).toEqual({
      windowDays: '请输入 1 到 3660 之间的整数',
      minOrders: '请输入 0 到 10000 之间的整数',
      minCategories: '请输入 0 到 100 之间的整数',
      minSpendYuan: '请输入金额（元），最多两位小数'
    })
  })

  it('refuses a blank field', () => {
    expect(Object.keys(checkCore({ windowDays: '', minOrders: 4, minCategories: 3, minSpendYuan: '' }))).toEqual(['windowDays', 'minSpendYuan'])
  })
})

describe('member tiers in the form', () => {
  it('shows the default thresholds in yuan and saves them back in fen', () => {
    const form = tiersToForm(defaultTierRules)
    expect(form).toEqual({
      match: 'any',
      silver: { orders: 4, spendYuan: '2000' },
      gold: { orders: 8, spendYuan: '6000' },
      diamond: { orders: 16, spendYuan: '15000' }
    })
    expect(checkTiers(form)).toEqual({})
    expect(formToTiers(form)).toEqual(defaultTierRules)
  })

  it('accepts a tier equal to the one below it', () => {
    const form = tiers((f) => {
      f.gold = { orders: 4, spendYuan: '2000' }
      f.match = 'all'
    })
    expect(checkTiers(form)).toEqual({})
    expect(TierRulesSchema.parse(formToTiers(form)).gold).toEqual({ minOrders: 4, minSpendFen: 200_000 })
  })

  it('marks gold below silver on the gold fields, naming silver and its threshold', () => {
    const form = tiers((f) => (f.gold = { orders: 3, spendYuan: '1999.99' }))
    expect(texts(checkTiers(form))).toEqual({
      'gold.orders': '不能少于银卡的 4 次',
      'gold.spend': '不能低于银卡的 2000 元'
    })
  })

  it('marks diamond below gold on the diamond fields only', () => {
    const form = tiers((f) => (f.diamond = { orders: 7, spendYuan: '5000' }))
    expect(texts(checkTiers(form))).toEqual({
      'diamond.orders': '不能少于金卡的 8 次',
      'diamond.spend': '不能低于金卡的 6000 元'
    })
  })

  it('raising silver above gold marks gold, the tier that now falls short', () => {
    const form = tiers((f) => (f.silver.orders = 10))
    expect(texts(checkTiers(form))).toEqual({ 'gold.orders': '不能少于银卡的 10 次' })
  })

  it('compares with the nearest tier below that could be read when one is unreadable', () => {
    const form = tiers((f) => {
      f.gold.orders = ''
      f.diamond.orders = 3
    })
    expect(texts(checkTiers(form))).toEqual({
      'gold.orders': '请输入不小于 0 的整数',
      'diamond.orders': '不能少于银卡的 4 次'
    })
  })

  it('refuses negative counts, fractions of an order and more than two decimals of yuan', () => {
    const form = tiers((f) => {
      f.silver = { orders: -1, spendYuan: '-5' }
      f.gold = { orders: 8.5, spendYuan: '6000.001' }
    })
    expect(texts(checkTiers(form))).toEqual({
      'silver.orders': '请输入不小于 0 的整数',
      'silver.spend': '请输入金额（元），最多两位小数',
      'gold.orders': '请输入不小于 0 的整数',
      'gold.spend': '请输入金额（元），最多两位小数'
    })
  })

  it('gives the same messages in English', () => {
    i18n.global.locale.value = 'en'
    try {
      const form = tiers((f) => (f.gold = { orders: 3, spendYuan: '100' }))
      expect(texts(checkTiers(form))).toEqual({
        'gold.orders': 'Must not be below Silver (4 purchases)',
        'gold.spend': 'Must not be below Silver (2000 yuan)'
      })
    } finally {
      i18n.global.locale.value = 'zh-CN'
    }
  })
})
