import { describe, expect, it } from 'vitest'
import { checkedReadPath, checkedWritePath } from '../../../electron/services/backups/user-paths'

describe('paths a user names', () => {
  it('refuses system folders, NUL bytes, climbing out with .. and wrong extensions', () => {
    expect(() => checkedWritePath('/etc/evil.zip', ['.zip'])).toThrow(/system folders/)
    expect(() => checkedWritePath('/tmp/a\0b.zip', ['.zip'])).toThrow(/NUL/)
    expect(() => checkedWritePath('../../x.zip', ['.zip'])).toThrow(/\.\./)
    expect(() => checkedWritePath('/tmp/x.exe', ['.zip'])).toThrow(/\.zip/)
  })
  it('accepts an absolute path with the right extension', () => {
    expect(checkedWritePath('/tmp/shop/export.ZIP', ['.zip'])).toBe('/tmp/shop/export.ZIP')
  })
  it('requires a file to read to exist', () => {
    expect(() => checkedReadPath('/tmp/does-not-exist-evergreen.zip', ['.zip'])).toThrow(/not found/)
  })
})
