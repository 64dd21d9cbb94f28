import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { checkNewPasscode, idleChoices, idleExpired, isLockShortcut } from '../../../renderer/src/components/lock/lock-rules'
import { CallError, unwrap } from '../../../renderer/src/stores/call'
import { useAppStore } from '../../../renderer/src/stores/app'
import { useLockStore } from '../../../renderer/src/stores/lock'
import type { LockStatus } from '../../../shared/schemas/lock'
import { keyEvent } from './key-event'

const key = keyEvent

describe('lock rules', () => {
  it('locks on Ctrl+L and ⌘L only', () => {
    expect(isLockShortcut(key('KeyL', { ctrlKey: true }))).toBe(true)
    expect(isLockShortcut(key('KeyL', { metaKey: true }))).toBe(true)
    expect(isLockShortcut(key('KeyL', {}))).toBe(false)
    expect(isLockShortcut(key('KeyL', { ctrlKey: true, shiftKey: true }))).toBe(false)
    expect(isLockShortcut(key('KeyK', { ctrlKey: true }))).toBe(false)
  })

  it('counts idle time to the millisecond and never expires with 0 minutes', () => {
    expect(idleExpired(0, 59_999, 1)).toBe(false)
    expect(idleExpired(0, 60_000, 1)).toBe(true)
    expect(idleExpired(1_000, 600_999, 10)).toBe(false)
    expect(idleExpired(1_000, 601_000, 10)).toBe(true)
    expect(idleExpired(0, 10 ** 12, 0)).toBe(false)
  })

  it('names what is wrong with a new passcode', () => {
    expect(checkNewPasscode('123', '123')).toBe('tooShort')
    expect(checkNewPasscode('x'.repeat(33), 'x'.repeat(33))).toBe('tooLong')
    expect(checkNewPasscode('1234', '1243')).toBe('mismatch')
    expect(checkNewPasscode('1234', '1234')).toBeNull()
  })

  it('offers the usual idle choices with never last, and keeps a stored value that is not among them', () => {
    expect(idleChoices(10)).toEqual([1, 2, 5, 10, 15, 30, 60, 0])
    expect(idleChoices(45)).toEqual([1, 2, 5, 10, 15, 30, 45, 60, 0])
  })
})

describe('a call answered LOCKED', () => {
  // what the server says once asked: locked, with a wait the window did not know about
  const server: LockStatus = { enabled: true, locked: true, idleMinutes: 10, retryAfterSeconds: 30 }
  const status = vi.fn(async () => ({ ok: true, data: server }))
  beforeEach(() => {
    setActivePinia(createPinia())
    status.mockClear()
    vi.stubGlobal('window', { api: { lock: { status } } })
  })
  afterEach(() => vi.unstubAllGlobals())

  it('shows the lock screen instead of a notice, and asks the server for the lock as it is', async () => {
    const lock = useLockStore()
    lock.status = { ...server, locked: false, retryAfterSeconds: 0 }
    const error = await unwrap({ ok: false, code: 'LOCKED', message: '常青已锁定' }).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CallError)
    expect(lock.locked).toBe(true)
    expect(useAppStore().notices).toEqual([])
    // the LOCKED answer itself sent the question; refresh() only joins it
    expect(status).toHaveBeenCalledTimes(1)
    await lock.refresh()
    expect(status).toHaveBeenCalledTimes(1)
    expect(lock.status).toEqual(server)
  })
})
