/** Refusals of saved segments and the rule compiler. */
import type { Entry } from './entry'

export const segments = {
  segmentSelectorNeeded: { code: 'BAD_INPUT', 'zh-CN': '需要分组编号、名称或规则', en: 'a segment id, name or rule is needed' },
  segmentNotFound: { code: 'NOT_FOUND', 'zh-CN': '没有这个分组：{segment}', en: 'no such segment: {segment}' },
  segmentRuleInvalid: {
    code: 'BAD_INPUT',
    'zh-CN': '分组「{name}」保存的规则已不能用：{reason}',
    en: 'the rule saved with segment {name} is no longer valid: {reason}'
  },
  snapshotSuperseded: {
    code: 'CANCELLED',
    'zh-CN': '{asOf} 的重算已由更新的一次接替，这一次没有结果',
    en: 'the recompute as of {asOf} gave way to a newer one; this one has no result'
  },
  segmentNameTaken: { code: 'CONFLICT', 'zh-CN': '已有同名的分组：{name}', en: 'a segment named {name} already exists' },
  ruleOperatorNotApplicable: { code: 'BAD_INPUT', 'zh-CN': '这里不能用运算符 {op}', en: 'the operator {op} does not apply here' },
  ruleUnknownField: { code: 'BAD_INPUT', 'zh-CN': '未知字段：{field}', en: 'unknown field: {field}' },
  ruleFieldNotCompilable: { code: 'BAD_INPUT', 'zh-CN': '字段 {field} 无法变成查询', en: 'the field {field} cannot be turned into a query' }
} as const satisfies Record<string, Entry>
