import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/run-cli'

async function cli(args: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env, version: '0.0.0-test' })
  return { code, stdout, stderr }
}

const dir = () => mkdtempSync(join(tmpdir(), 'eg-cli-lang-'))
// a zip that is not there: the read is refused with the catalogued fileNotFound sentence
const missing = (d: string) => join(d, 'nowhere.zip')

describe('the command line speaks the reader’s language for catalogued errors', () => {
  it('prints the English sentence with --lang en, even when LANG is Chinese', async () => {
    const d = dir()
    const r = await cli(['import-all', missing(d), '--db', join(d, 'shop.db'), '--lang', 'en'], { LANG: 'zh_CN.UTF-8' })
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(`error (NOT_FOUND): file not found: ${missing(d)}\n`)
  })

  it('prints the Chinese sentence when LANG=zh_CN.UTF-8 and no --lang is given', async () => {
    const d = dir()
    const r = await cli(['import-all', missing(d), '--db', join(d, 'shop.db')], { LANG: 'zh_CN.UTF-8' })
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(`错误 (NOT_FOUND): 找不到文件：${missing(d)}\n`)
  })

  it('falls back to English for any other LANG', async () => {
    const d = dir()
    const r = await cli(['import-all', missing(d), '--db', join(d, 'shop.db')], { LANG: 'en_GB.UTF-8' })
    expect(r.stderr).toBe(`error (NOT_FOUND): file not found: ${missing(d)}\n`)
  })

  it('puts code, key and params into the JSON error, the message in the chosen language', async () => {
    const d = dir()
    const r = await cli(['import-all', missing(d), '--db', join(d, 'shop.db'), '--json', '--lang=zh-CN'])
    expect(JSON.parse(r.stdout)).toEqual({
      error: { code: 'NOT_FOUND', key: 'fileNotFound', params: { path: missing(d) }, message: `找不到文件：${missing(d)}` }
    })
  })

  it('refuses a bad argument or flag in the chosen language, exit code 2', async () => {
    const d = dir()
    const db = join(d, 'shop.db')
    const zh = await cli(['undo', 'abc', '--db', db], { LANG: 'zh_CN.UTF-8' })
    expect([zh.code, zh.stderr]).toEqual([2, '错误 (BAD_INPUT): 请给出批次编号，这里是 abc\n'])
    const en = await cli(['undo', 'abc', '--db', db, '--lang', 'en'])
    expect([en.code, en.stderr]).toEqual([2, 'error (BAD_INPUT): a BATCH_ID is needed, got abc\n'])
    const date = await cli(['customers', '--db', db, '--as-of', '2026-13-01', '--json'])
    expect(JSON.parse(date.stdout)).toEqual({
      error: {
        code: 'BAD_INPUT',
        key: 'cliFlagNeedsDate',
        params: { flag: 'as-of', value: '2026-13-01' },
        message: '--as-of must be YYYY-MM-DD, got 2026-13-01'
      }
    })
  })

  it('names an unknown customer in the chosen language', async () => {
    const d = dir()
    const r = await cli(['customers', 'erase', 'K404', '--db', join(d, 'shop.db'), '--lang', 'zh-CN'])
    expect([r.code, r.stderr]).toEqual([1, '错误 (NOT_FOUND): 找不到 K404 对应的顾客（会员卡号、手机号、买家编号或外部编号）\n'])
  })
})
