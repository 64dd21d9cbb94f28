/** Refusals of the customer file: edits, contacts, merges, erasure, saved views and queries. */
import type { Entry } from './entry'

export const customers = {
  customerNotFound: { code: 'NOT_FOUND', 'zh-CN': '没有这位顾客：#{id}', en: 'no customer #{id}' },
  customerErased: { code: 'CONFLICT', 'zh-CN': '顾客 #{id} 的个人信息已删除', en: 'the personal details of customer #{id} were erased' },
  customerMerged: { code: 'CONFLICT', 'zh-CN': '顾客 #{id} 已合并到 #{into}', en: 'customer #{id} was merged into #{into}' },
  customerErasedOrMerged: { code: 'CONFLICT', 'zh-CN': '该顾客已删除或合并', en: 'this customer was erased or merged' },
  phoneTaken: {
    code: 'CONFLICT',
    'zh-CN': '手机号 {value} 已属于顾客 #{owner}，可先合并',
    en: 'the phone number {value} already belongs to customer #{owner}; merge the two instead'
  },
  memberCardTaken: {
    code: 'CONFLICT',
    'zh-CN': '会员卡号 {value} 已属于顾客 #{owner}，可先合并',
    en: 'the member card {value} already belongs to customer #{owner}; merge the two instead'
  },
  phoneInvalid: { code: 'BAD_INPUT', 'zh-CN': '手机号格式不对：{value}', en: 'not a phone number: {value}' },
  mobileDigitsWrong: {
    code: 'BAD_INPUT',
    'zh-CN': '手机号应为 11 位，这里是 {digits} 位：{phone}',
    en: 'a mobile number has 11 digits, this one has {digits}: {phone}'
  },
  selfReferral: { code: 'BAD_INPUT', 'zh-CN': '顾客不能推荐自己', en: 'a customer cannot refer themselves' },
  nothingToUndo: { code: 'NOT_FOUND', 'zh-CN': '没有可撤销的修改', en: 'there is no change to undo' },
  tierFiltersNeedScheme: {
    code: 'BAD_INPUT',
    'zh-CN': '按会员等级或忠诚度阶梯筛选，需要先有等级和阶梯的设置',
    en: 'filtering by tier or loyalty ladder needs the tier and ladder settings'
  },
  selfMerge: { code: 'BAD_INPUT', 'zh-CN': '顾客不能与自己合并', en: 'a customer cannot be merged into itself' },
  mergeNotFound: { code: 'NOT_FOUND', 'zh-CN': '没有这次合并：#{id}', en: 'no merge #{id}' },
  mergeAlreadyUndone: { code: 'CONFLICT', 'zh-CN': '这次合并已撤销', en: 'this merge was already undone' },
  laterMergeFirst: { code: 'CONFLICT', 'zh-CN': '请先撤销之后的合并 #{id}', en: 'undo the later merge #{id} first' },
  mergeOfErasedCustomer: {
    code: 'CONFLICT',
    'zh-CN': '顾客信息已删除，无法撤销合并',
    en: 'a customer in this merge was erased, so the merge cannot be undone'
  },
  customerRefNeeded: {
    code: 'BAD_INPUT',
    'zh-CN': '需要顾客标识：会员卡号、手机号、买家编号或外部编号',
    en: 'a customer REF is needed: member card, phone, buyer id or external id'
  },
  customerRefNotFound: {
    code: 'NOT_FOUND',
    'zh-CN': '找不到 {ref} 对应的顾客（会员卡号、手机号、买家编号或外部编号）',
    en: 'no customer has {ref} as member card, phone, buyer id or external id'
  },
  viewNotFound: { code: 'NOT_FOUND', 'zh-CN': '没有这个视图：#{id}', en: 'no saved view #{id}' }
} as const satisfies Record<string, Entry>
