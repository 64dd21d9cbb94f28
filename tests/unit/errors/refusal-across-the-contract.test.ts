import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'

describe('a refusal crosses the contract with its key and parameters', () => {
  it('answers a relative path that climbs out with .. by pathEscapes, its path, and the bilingual fallback', async () => {
    const r = await testDispatch(testContext())('backups.importAll', { path: '../../shop.zip' })
    expect(r).toEqual({
      ok: false,
      code: 'BAD_INPUT',
      key: 'pathEscapes',
      params: { path: '../../shop.zip' },
      message: '路径不能用 .. 跳出当前文件夹：../../shop.zip (a relative path may not use ..: ../../shop.zip)'
    })
  })
})
