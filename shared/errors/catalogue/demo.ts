/** Refusals of the demo shop: loading it and removing it. */
import type { Entry } from './entry'

export const demo = {
  demoNeedsEmptyShop: {
    code: 'CONFLICT',
    'zh-CN': '数据库里已有销售数据，示例店只能载入空数据库',
    en: 'the database already holds sales; the demo shop loads only into an empty one'
  },
  noDemoLoaded: { code: 'NOT_FOUND', 'zh-CN': '没有载入示例店，无需移除', en: 'no demo shop is loaded, so there is nothing to remove' }
} as const satisfies Record<string, Entry>
