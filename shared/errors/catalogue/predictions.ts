/** Refusals of the purchase and spend models and the predictions built on them. */
import type { Entry } from './entry'

export const predictions = {
  noCustomersToFit: { code: 'BAD_INPUT', 'zh-CN': '没有顾客可以拟合', en: 'no customers to fit' },
  inconsistentCustomerData: {
    code: 'BAD_INPUT',
    'zh-CN': '顾客数据不合理：x={x}, t_x={tx}, T={T}',
    en: 'inconsistent customer data: x={x}, t_x={tx}, T={T}'
  },
  everyoneBoughtOnce: {
    code: 'BAD_INPUT',
    'zh-CN': '{customers} 位顾客都只买过一次，无法估计回购率',
    en: 'all {customers} customers bought once: everyone bought once, so there are no repeat purchases to learn from'
  },
  singleCustomer: { code: 'BAD_INPUT', 'zh-CN': '只有一位顾客，数据太少', en: 'a single customer is too little data to fit' },
  noDropout: {
    code: 'BAD_INPUT',
    'zh-CN': 'Pareto/NBD 的流失率趋于零：数据里看不出顾客会流失，模型退化为不流失的 NBD，无法给出存活概率',
    en: 'no dropout: the data show no sign of customers leaving, the model reduces to the NBD and cannot give P(alive)'
  },
  expectationNotFinite: { code: 'INTERNAL', 'zh-CN': '{model} 期望值无法计算（x={x}）', en: '{model}: the expectation is not finite for x={x}' },
  likelihoodNotFinite: {
    code: 'BAD_INPUT',
    'zh-CN': '{model} 无法计算似然，数据可能有误',
    en: 'the likelihood of {model} cannot be evaluated on this data'
  },
  parametersRunAway: {
    code: 'BAD_INPUT',
    'zh-CN': '{model} 的参数无法确定：购买记录太少，或顾客之间太相像',
    en: 'the parameters of {model} cannot be pinned down: too few purchases, or customers too alike'
  },
  fitNotConverged: { code: 'BAD_INPUT', 'zh-CN': '{model} 拟合没有收敛', en: 'the fit of {model} did not converge' },
  gapsNotFinite: { code: 'BAD_INPUT', 'zh-CN': '购买间隔数据有误', en: 'the gaps between purchases are not finite' },
  tooFewRepeatBuyersForSpend: {
    code: 'BAD_INPUT',
    'zh-CN': '只有 {buyers} 位回头客，无法估计客单价分布',
    en: 'too few repeat buyers to fit spend: {buyers}'
  },
  spendDataInvalid: {
    code: 'BAD_INPUT',
    'zh-CN': '客单价数据不合理：x={x}, z̄={zbar}',
    en: 'the spend model needs x ≥ 1 and a positive mean value: x={x}, z̄={zbar}'
  },
  meanSpendUndefined: { code: 'BAD_INPUT', 'zh-CN': 'Gamma-Gamma q={q} ≤ 1：平均客单价无定义', en: 'Gamma-Gamma q={q} ≤ 1: the mean spend is undefined' },
  holdoutBeforeCalibration: {
    code: 'BAD_INPUT',
    'zh-CN': '检验期结束日 {holdoutEnd} 须晚于拟合截止日 {calibrationEnd}',
    en: 'the holdout end {holdoutEnd} must come after the calibration end {calibrationEnd}'
  },
  noPurchasesBy: { code: 'NOT_FOUND', 'zh-CN': '这位顾客在 {asOf} 之前没有购买记录', en: 'this customer has no purchases before {asOf}' },
  // the command line's clv: reason is the model's own words in the reader's language
  clvRulesOnly: {
    code: 'BAD_INPUT',
    'zh-CN': '{reason}；回头客太少，模型不可用',
    en: '{reason}; too few repeat buyers for the models'
  },
  clvNoFit: { code: 'BAD_INPUT', 'zh-CN': '模型没有结果：{reason}', en: 'the models have no answer: {reason}' },
  noModelFitted: { code: 'BAD_INPUT', 'zh-CN': '没有模型可以拟合', en: 'no model could be fitted' }
} as const satisfies Record<string, Entry>
