/**
 * Refusals of a call's input before any service sees it: the contract's schemas (one key per
 * kind of zod issue, electron/ipc/input-refusal.ts picks it), an unknown channel, and the browser
 * host's request body. `{field}` is the path to the value as staff would read it — names joined
 * by › with list items counted from 1 (`patch › children › 2 › birthday`) — the same in
 * either language, since one set of parameters serves both.
 */
import type { Entry } from './entry'

export const input = {
  unknownChannel: { code: 'UNKNOWN_CHANNEL', 'zh-CN': '没有这项功能：{channel}', en: 'unknown channel: {channel}' },
  requestTooLarge: { code: 'BAD_INPUT', 'zh-CN': '请求内容太大（最多 {max}），没有处理', en: 'the request is too large (at most {max}); nothing was done' },
  bodyNotJson: { code: 'BAD_INPUT', 'zh-CN': '请求内容不是有效的 JSON，没有处理', en: 'the request body is not valid JSON; nothing was done' },

  inputRequired: { code: 'BAD_INPUT', 'zh-CN': '{field}：必须填写', en: '{field}: required' },
  inputExpectNumber: { code: 'BAD_INPUT', 'zh-CN': '{field}：应为数字', en: '{field}: a number is expected' },
  inputExpectWholeNumber: { code: 'BAD_INPUT', 'zh-CN': '{field}：应为整数', en: '{field}: a whole number is expected' },
  inputExpectText: { code: 'BAD_INPUT', 'zh-CN': '{field}：应为文字', en: '{field}: text is expected' },
  inputExpectYesNo: { code: 'BAD_INPUT', 'zh-CN': '{field}：应为是或否（true 或 false）', en: '{field}: true or false is expected' },
  inputExpectList: { code: 'BAD_INPUT', 'zh-CN': '{field}：应为一个列表', en: '{field}: a list is expected' },
  inputExpectFields: { code: 'BAD_INPUT', 'zh-CN': '{field}：应为一组字段', en: '{field}: a set of fields is expected' },
  /** expected: zod's own name of the type, for the rare kinds above does not cover */
  inputExpectOther: { code: 'BAD_INPUT', 'zh-CN': '{field}：类型不对（应为 {expected}）', en: '{field}: the wrong kind of value ({expected} expected)' },

  inputTextEmpty: { code: 'BAD_INPUT', 'zh-CN': '{field}：不能为空', en: '{field}: must not be empty' },
  inputTextTooShort: { code: 'BAD_INPUT', 'zh-CN': '{field}：至少 {min} 个字符', en: '{field}: at least {min} characters' },
  inputTextTooLong: { code: 'BAD_INPUT', 'zh-CN': '{field}：最多 {max} 个字符', en: '{field}: at most {max} characters' },
  inputNumberTooSmall: { code: 'BAD_INPUT', 'zh-CN': '{field}：不能小于 {min}', en: '{field}: at least {min}' },
  inputNumberNotAbove: { code: 'BAD_INPUT', 'zh-CN': '{field}：应大于 {min}', en: '{field}: more than {min} is expected' },
  inputNumberTooBig: { code: 'BAD_INPUT', 'zh-CN': '{field}：不能大于 {max}', en: '{field}: at most {max}' },
  inputNumberNotBelow: { code: 'BAD_INPUT', 'zh-CN': '{field}：应小于 {max}', en: '{field}: less than {max} is expected' },
  inputListTooShort: { code: 'BAD_INPUT', 'zh-CN': '{field}：至少 {min} 项', en: '{field}: at least {min} items' },
  inputListTooLong: { code: 'BAD_INPUT', 'zh-CN': '{field}：最多 {max} 项', en: '{field}: at most {max} items' },
  inputTooSmall: { code: 'BAD_INPUT', 'zh-CN': '{field}：太小（至少 {min}）', en: '{field}: too small (at least {min})' },
  inputTooBig: { code: 'BAD_INPUT', 'zh-CN': '{field}：太大（最多 {max}）', en: '{field}: too big (at most {max})' },
  inputMultipleOf: { code: 'BAD_INPUT', 'zh-CN': '{field}：应为 {divisor} 的倍数', en: '{field}: a multiple of {divisor} is expected' },

  inputDate: { code: 'BAD_INPUT', 'zh-CN': '{field}：应为日期，例如 2026-11-23', en: '{field}: a date like 2026-11-23 is expected' },
  inputDateTime: {
    code: 'BAD_INPUT',
    'zh-CN': '{field}：应为日期和时间，例如 2026-11-23T14:05:00',
    en: '{field}: a date and time like 2026-11-23T14:05:00 is expected'
  },
  inputMonthDay: { code: 'BAD_INPUT', 'zh-CN': '{field}：应为月-日，例如 11-23', en: '{field}: a month and day like 11-23 is expected' },
  inputDateRange: { code: 'BAD_INPUT', 'zh-CN': '{field}：开始日期晚于结束日期', en: '{field}: the start date is after the end date' },
  inputFormat: { code: 'BAD_INPUT', 'zh-CN': '{field}：格式不对', en: '{field}: not in the expected form' },
  /** choices: the allowed values as the schema spells them, joined by ' / ' */
  inputOneOf: { code: 'BAD_INPUT', 'zh-CN': '{field}：只能是 {choices} 之一', en: '{field}: one of {choices} is expected' },
  inputExactly: { code: 'BAD_INPUT', 'zh-CN': '{field}：只能是 {value}', en: '{field}: must be {value}' },
  inputUnknownField: { code: 'BAD_INPUT', 'zh-CN': '{field}：没有这个字段', en: '{field}: no such field is expected' },
  inputInvalid: { code: 'BAD_INPUT', 'zh-CN': '{field}：内容不对', en: '{field}: not valid' },
  /** words: a schema's own message that is no catalogue key, as it wrote it (often both languages) */
  inputSchemaWords: { code: 'BAD_INPUT', 'zh-CN': '{field} 有误：{words}', en: '{field} is not right: {words}' }
} as const satisfies Record<string, Entry>
