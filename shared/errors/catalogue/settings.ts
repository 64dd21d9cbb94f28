/** Refusals of the settings: a value the settings schema does not accept. */
import type { Entry } from './entry'

export const settings = {
  /** reason is the schema's own words for the first problem (zod's, in English) */
  settingInvalid: { code: 'BAD_INPUT', 'zh-CN': '设置项 {field} 的值不对：{reason}', en: 'the setting {field} is not valid: {reason}' },
  lifecycleOutOfOrder: {
    code: 'BAD_INPUT',
    'zh-CN': '生命周期阈值必须逐级递增（活跃期 < 沉默期 < 睡眠期 < 流失预警）',
    en: 'the lifecycle thresholds must rise step by step (active < silent < sleeping < at risk)'
  }
} as const satisfies Record<string, Entry>
