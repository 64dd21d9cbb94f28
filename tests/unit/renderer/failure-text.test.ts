import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { unwrap } from '../../../renderer/src/stores/call'
import { useAppStore } from '../../../renderer/src/stores/app'
import { i18n } from '../../../renderer/src/i18n'
import type { Fail } from '../../../shared/result'

// the envelope backups.importAll answers for '../../shop.zip' (pinned in tests/unit/errors/refusal-across-the-contract.test.ts)
const refused: Fail = {
  ok: false,
  code: 'BAD_INPUT',
  key: 'pathEscapes',
  params: { path: '../../shop.zip' },
  message: '路径不能用 .. 跳出当前文件夹：../../shop.zip (a relative path may not use ..: ../../shop.zip)'
}
const shown = () => useAppStore().notices.map((n) => n.message)

beforeEach(() => setActivePinia(createPinia()))
afterEach(() => {
  i18n.global.locale.value = 'zh-CN'
})

describe('a refused input is shown in the app’s language', () => {
  it('shows the zh-CN sentence by default, in the notice and in the CallError', async () => {
    const error = await unwrap(refused).catch((e: unknown) => e)
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: '路径不能用 .. 跳出当前文件夹：../../shop.zip' })
    expect(shown()).toEqual(['路径不能用 .. 跳出当前文件夹：../../shop.zip'])
  })

  it('shows the English sentence when the app is set to English', async () => {
    i18n.global.locale.value = 'en'
    await unwrap(refused).catch(() => undefined)
    expect(shown()).toEqual(['a relative path may not use ..: ../../shop.zip'])
  })

  it('keeps the message of a failure that has no catalogued key', async () => {
    await unwrap({ ok: false, code: 'INTERNAL', message: 'socket hang up' }).catch(() => undefined)
    expect(shown()).toEqual(['socket hang up'])
  })
})
