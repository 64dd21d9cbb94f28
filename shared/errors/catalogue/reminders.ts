/** Refusals of the call list and care calendar: call outcomes, opt-outs and days per unit. */
import type { Entry } from './entry'

export const reminders = {
  productNotFound: { code: 'NOT_FOUND', 'zh-CN': '没有这个商品：#{id}', en: 'no product #{id}' },
  noLearnedProductDays: {
    code: 'CONFLICT',
    'zh-CN': '{product}：本店顾客的回购间隔与表里的天数没有明显差别，没有可采用的推算值',
    en: '{product}: the shop’s repurchase intervals do not differ clearly from the table’s days, so there is no learned figure to adopt'
  },
  noLearnedCategoryDays: {
    code: 'CONFLICT',
    'zh-CN': '{category}：没有可采用的推算值',
    en: '{category}: there is no learned figure to adopt for this category'
  },
  callOutcomeNotFound: { code: 'NOT_FOUND', 'zh-CN': '没有可撤销的回访记录：#{id}', en: 'no call outcome #{id} to undo' },
  optOutNotFound: { code: 'NOT_FOUND', 'zh-CN': '没有可撤销的「不再联系」：#{id}', en: 'no opt-out #{id} to undo' },
  consentsChangedSince: {
    code: 'CONFLICT',
    'zh-CN': '联系许可之后已被改过，请在顾客档案里修改',
    en: 'the consents were changed since; edit them on the customer file'
  }
} as const satisfies Record<string, Entry>
