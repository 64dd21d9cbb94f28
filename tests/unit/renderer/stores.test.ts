import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { attempt, CallError, unwrap, useCall } from '../../../renderer/src/stores/call'
import { useAppStore } from '../../../renderer/src/stores/app'
import { useDroppedFilesStore } from '../../../renderer/src/stores/dropped-files'
import type { Result } from '../../../shared/result'

const refused: Result<number> = { ok: false, code: 'BAD_INPUT', message: '生命周期阈值必须逐级递增' }

beforeEach(() => setActivePinia(createPinia()))

describe('unwrap', () => {
  it('answers the data of a successful call without a notice', async () => {
    expect(await unwrap(Promise.resolve({ ok: true as const, data: 42 }))).toBe(42)
    expect(useAppStore().notices).toEqual([])
  })

  it('shows the failure’s message as an error notice and throws a CallError with its code', async () => {
    const error = await unwrap(refused).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(CallError)
    expect(error).toMatchObject({ code: 'BAD_INPUT', message: '生命周期阈值必须逐级递增' })
    expect(useAppStore().notices).toEqual([{ id: 1, kind: 'error', message: '生命周期阈值必须逐级递增', code: 'BAD_INPUT' }])
  })

  it('stays quiet when asked (the caller shows the error beside a field)', async () => {
    await expect(unwrap(refused, { quiet: true })).rejects.toBeInstanceOf(CallError)
    expect(useAppStore().notices).toEqual([])
  })

  it('turns a transport that threw into an INTERNAL failure', async () => {
    await expect(unwrap(Promise.reject(new Error('socket hang up')))).rejects.toMatchObject({ code: 'INTERNAL', message: 'socket hang up' })
  })
})

describe('attempt and useCall', () => {
  it('attempt answers undefined after showing the notice', async () => {
    expect(await attempt(refused)).toBeUndefined()
    expect(useAppStore().notices).toHaveLength(1)
  })

  it('useCall is busy while the call runs and keeps the last error', async () => {
    const call = useCall()
    let release!: (r: Result<number>) => void
    const pending = call.run(() => new Promise<Result<number>>((r) => (release = r)))
    expect(call.busy.value).toBe(true)
    release(refused)
    expect(await pending).toBeUndefined()
    expect(call.busy.value).toBe(false)
    expect(call.error.value).toEqual({ code: 'BAD_INPUT', message: '生命周期阈值必须逐级递增' })
    expect(await call.run(async () => ({ ok: true as const, data: 7 }))).toBe(7)
    expect(call.error.value).toBeNull()
  })
})

describe('useAppStore notices', () => {
  it('shows the same message failing twice in a row once', () => {
    const app = useAppStore()
    app.notify('error', '访问被拒绝')
    app.notify('error', '访问被拒绝')
    app.notify('info', '已保存')
    expect(app.notices.map((n) => n.message)).toEqual(['访问被拒绝', '已保存'])
    app.dismiss(app.notices[0].id)
    expect(app.notices.map((n) => n.message)).toEqual(['已保存'])
  })
})

describe('useDroppedFilesStore', () => {
  it('hands the dropped files over once', () => {
    const store = useDroppedFilesStore()
    const file = new File(['a,b\n'], 'pos.csv')
    store.put([file])
    expect(store.files).toHaveLength(1)
    expect(store.take()).toEqual([file])
    expect(store.take()).toEqual([])
  })

  it('keeps the File itself, not a reactive proxy (Electron’s getPathForFile needs the real object)', () => {
    const store = useDroppedFilesStore()
    const file = new File(['x'], 'a.csv')
    store.put([file])
    expect(store.take()[0]).toBe(file)
  })
})
