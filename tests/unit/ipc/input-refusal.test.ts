/**
 * A bad input is refused before any service sees it, with a catalogued sentence the reader's
 * language words: the dispatcher's answer and the CLI's --lang give these exact strings (the
 * renderer's vue-i18n: tests/unit/renderer/input-refusal-text.test.ts, on the envelopes pinned here).
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { formatError, isErrorKey } from '../../../shared/errors/messages'
import { fieldPath } from '../../../electron/ipc/input-refusal'
import { runCli } from '../../../electron/cli/run-cli'
import type { Fail } from '../../../shared/result'
import { testContext, testDispatch } from '../../helpers/db'

const child = { name: '小宝', birthday: '2022-05-06', gender: 'm' }

// channel, input, key, params, zh-CN, en
const cases: [string, unknown, string, Record<string, unknown>, string, string][] = [
  ['customers.list', { limit: 5000 }, 'inputNumberTooBig', { field: 'limit', max: 1000 }, 'limit：不能大于 1000', 'limit: at most 1000'],
  ['customers.list', { limit: 0 }, 'inputNumberTooSmall', { field: 'limit', min: 1 }, 'limit：不能小于 1', 'limit: at least 1'],
  ['customers.list', { limit: 2.5 }, 'inputExpectWholeNumber', { field: 'limit', expected: 'int' }, 'limit：应为整数', 'limit: a whole number is expected'],
  ['customers.list', { limit: '20' }, 'inputExpectNumber', { field: 'limit', expected: 'number' }, 'limit：应为数字', 'limit: a number is expected'],
  [
    'customers.list',
    { search: 'x'.repeat(101) },
    'inputTextTooLong',
    { field: 'search', max: 100 },
    'search：最多 100 个字符',
    'search: at most 100 characters'
  ],
  ['stats.summary', { asOf: '2024-02-30' }, 'inputDate', { field: 'asOf' }, 'asOf：应为日期，例如 2026-11-23', 'asOf: a date like 2026-11-23 is expected'],
  [
    'customers.update',
    { id: 1, patch: { children: [child, { ...child, birthday: '2022-13-01' }] } },
    'inputDate',
    { field: 'patch › children › 2 › birthday' },
    'patch › children › 2 › birthday：应为日期，例如 2026-11-23',
    'patch › children › 2 › birthday: a date like 2026-11-23 is expected'
  ],
  [
    'customers.update',
    { id: 1, patch: { gender: 'x' } },
    'inputOneOf',
    { field: 'patch › gender', choices: 'f / m' },
    'patch › gender：只能是 f / m 之一',
    'patch › gender: one of f / m is expected'
  ],
  ['customers.get', {}, 'inputRequired', { field: 'id' }, 'id：必须填写', 'id: required'],
  ['app.info', { evil: true }, 'inputUnknownField', { field: 'evil' }, 'evil：没有这个字段', 'evil: no such field is expected'],
  [
    'customers.update',
    { id: 1, patch: { name: '' } },
    'inputTextEmpty',
    { field: 'patch › name' },
    'patch › name：不能为空',
    'patch › name: must not be empty'
  ],
  // a schema's own bilingual words stay as it wrote them
  [
    'lock.set',
    { passcode: 'ab' },
    'inputSchemaWords',
    { field: 'passcode', words: '密码至少 4 个字符 (at least 4 characters)' },
    'passcode 有误：密码至少 4 个字符 (at least 4 characters)',
    'passcode is not right: 密码至少 4 个字符 (at least 4 characters)'
  ],
  // a check that names a catalogue key gets that key's sentence
  [
    'settings.update',
    { lifecycle: { active: 90, silent: 60, sleeping: 180, drifting: 365 } },
    'lifecycleOutOfOrder',
    { field: 'lifecycle' },
    '生命周期阈值必须逐级递增（活跃期 < 沉默期 < 睡眠期 < 流失预警）',
    'the lifecycle thresholds must rise step by step (active < silent < sleeping < at risk)'
  ]
]

describe('a bad input through the dispatcher', () => {
  it.each(cases)('%s %j is refused as %s, worded in zh-CN and en', async (channel, input, key, params, zh, en) => {
    const r = await testDispatch(testContext())(channel, input)
    expect(r).toEqual({ ok: false, code: 'BAD_INPUT', key, params, message: `${zh} (${en})` })
    const failed = r as Fail
    expect(isErrorKey(failed.key)).toBe(true)
    expect(formatError(failed.key as 'inputDate', failed.params as { field: string }, 'zh-CN')).toBe(zh)
    expect(formatError(failed.key as 'inputDate', failed.params as { field: string }, 'en')).toBe(en)
  })

  it('names list items from 1, as staff count them', () => {
    expect(fieldPath(['patch', 'children', 0, 'birthday'])).toBe('patch › children › 1 › birthday')
    expect(fieldPath([])).toBe('')
  })

  it('names the channel when the whole input is of the wrong kind', async () => {
    const r = await testDispatch(testContext())('customers.list', 5)
    expect(r).toMatchObject({ key: 'inputExpectFields', params: { field: 'customers.list', expected: 'object' } })
  })
})

describe('a bad input through the command line', () => {
  async function cli(lang: string) {
    let stdout = ''
    let stderr = ''
    const d = mkdtempSync(join(tmpdir(), 'eg-cli-input-'))
    const code = await runCli(['customers', '--db', join(d, 'shop.db'), '--limit', '5000', '--lang', lang], {
      stdout: (s) => (stdout += s),
      stderr: (s) => (stderr += s),
      env: { LANG: 'en_US.UTF-8' },
      version: '0.0.0-test'
    })
    return { code, stdout, stderr }
  }

  it('speaks Chinese with --lang zh-CN and English with --lang en', async () => {
    const zh = await cli('zh-CN')
    expect(zh.stderr).toBe('错误 (BAD_INPUT): limit：不能大于 1000\n')
    const en = await cli('en')
    expect(en.stderr).toBe('error (BAD_INPUT): limit: at most 1000\n')
    expect(en.code).toBe(zh.code)
  })
})
