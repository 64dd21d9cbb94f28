/** The renderer words a refused input through vue-i18n: the envelopes are the dispatcher's (tests/unit/ipc/input-refusal.test.ts). */
import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '../../../renderer/src/i18n'
import { failureText } from '../../../renderer/src/i18n/failure-text'
import type { Fail } from '../../../shared/result'

const bad = (key: string, params: Record<string, string | number>): Fail => ({ ok: false, code: 'BAD_INPUT', key, params, message: 'both languages' })

const cases: [Fail, string, string][] = [
  [bad('inputNumberTooBig', { field: 'limit', max: 1000 }), 'limit：不能大于 1000', 'limit: at most 1000'],
  [
    bad('inputDate', { field: 'patch › children › 2 › birthday' }),
    'patch › children › 2 › birthday：应为日期，例如 2026-11-23',
    'patch › children › 2 › birthday: a date like 2026-11-23 is expected'
  ],
  [bad('inputOneOf', { field: 'patch › gender', choices: 'f / m' }), 'patch › gender：只能是 f / m 之一', 'patch › gender: one of f / m is expected'],
  [
    bad('inputSchemaWords', { field: 'passcode', words: '密码至少 4 个字符 (at least 4 characters)' }),
    'passcode 有误：密码至少 4 个字符 (at least 4 characters)',
    'passcode is not right: 密码至少 4 个字符 (at least 4 characters)'
  ],
  [
    { ok: false, code: 'UNKNOWN_CHANNEL', key: 'unknownChannel', params: { channel: 'nope.never' }, message: 'both' },
    '没有这项功能：nope.never',
    'unknown channel: nope.never'
  ],
  [bad('requestTooLarge', { max: '256 MB' }), '请求内容太大（最多 256 MB），没有处理', 'the request is too large (at most 256 MB); nothing was done']
]

afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('a refused input in the app’s language', () => {
  it.each(cases)('%j reads %s in zh-CN and %s in en', (failure, zh, en) => {
    expect(failureText(failure)).toBe(zh)
    i18n.global.locale.value = 'en'
    expect(failureText(failure)).toBe(en)
  })
})
