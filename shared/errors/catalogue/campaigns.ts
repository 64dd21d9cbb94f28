/** Refusals of gift campaigns: planning, mailing, results and removal. */
import type { Entry } from './entry'

export const campaigns = {
  campaignNotFound: { code: 'NOT_FOUND', 'zh-CN': '没有这个活动：#{id}', en: 'no campaign #{id}' },
  campaignAlreadyMailed: { code: 'CONFLICT', 'zh-CN': '活动已于 {date} 标记寄出', en: 'the campaign was already marked as mailed on {date}' },
  mailingBeforePlan: {
    code: 'BAD_INPUT',
    'zh-CN': '寄出日期不能早于计划日期 {planDate}',
    en: 'the mailing date cannot be before the plan date {planDate}'
  },
  mailingAfterToday: {
    code: 'BAD_INPUT',
    'zh-CN': '寄出日期不能晚于今天 {today}',
    en: 'the mailing date cannot be after today ({today})'
  },
  campaignNotMailed: {
    code: 'CONFLICT',
    'zh-CN': '活动还没有标记寄出，没有结果可看',
    en: 'the campaign has not been marked as mailed yet, so there are no results'
  },
  mailedCampaignUndeletable: { code: 'CONFLICT', 'zh-CN': '活动已寄出，不能删除', en: 'a mailed campaign cannot be deleted' },
  noGifts: {
    code: 'BAD_INPUT',
    'zh-CN': '礼品目录是空的，请先添加礼品或在计划里列出礼品',
    en: 'the gift catalogue is empty: add gifts to it or name them in the plan'
  },
  giftListedTwice: { code: 'BAD_INPUT', 'zh-CN': '礼品 {sku} 列了两次', en: 'the gift {sku} is listed twice' },
  noGiftWithinCap: {
    code: 'BAD_INPUT',
    'zh-CN': '没有礼品在每人上限之内（礼品 + 邮费 ≤ {capFen} 分）',
    en: 'no gift fits the per-customer cap (gift + postage ≤ {capFen} fen)'
  },
  fixedGiftNeeded: { code: 'BAD_INPUT', 'zh-CN': '固定礼品规则需要指定一种礼品', en: 'the fixed gift rule needs one gift named (fixedSku)' },
  fixedGiftUnavailable: {
    code: 'BAD_INPUT',
    'zh-CN': '固定礼品 {sku} 不在可选礼品里，或超出每人上限',
    en: 'the fixed gift {sku} is not among the gifts on offer or is over the per-customer cap'
  }
} as const satisfies Record<string, Entry>
