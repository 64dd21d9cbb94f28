import { describe, expect, it } from 'vitest'
import { channels } from '../../../shared/ipc-contract'
import { registerIpc } from '../../../electron/main/ipc-main'

type Listener = (event: unknown, input: unknown) => unknown

function fakeIpcMain() {
  const handlers = new Map<string, Listener>()
  return { handlers, handle: (c: string, l: Listener) => handlers.set(c, l) }
}

const topFrame = (url: string) => ({ senderFrame: { url, parent: null } })

describe('Electron IPC registration', () => {
  it('registers exactly the contract channels', () => {
    const ipc = fakeIpcMain()
    registerIpc(ipc as never, async () => ({ ok: true, data: null }), 'file://')
    expect([...ipc.handlers.keys()].sort()).toEqual([...channels].sort())
  })

  it('answers the app’s own top frame through the dispatcher', async () => {
    const ipc = fakeIpcMain()
    const seen: unknown[] = []
    registerIpc(ipc as never, async (c, i) => (seen.push([c, i]), { ok: true, data: 1 }), 'file://')
    const r = await ipc.handlers.get('app.info')!(topFrame('file:///opt/evergreen/renderer/index.html'), {})
    expect(r).toEqual({ ok: true, data: 1 })
    expect(seen).toEqual([['app.info', {}]])
  })

  it.each([
    ['a foreign page', topFrame('https://evil.example/')],
    ['a sub-frame', { senderFrame: { url: 'file:///app/index.html', parent: {} } }],
    ['a missing frame', { senderFrame: null }]
  ])('refuses %s with FORBIDDEN', async (_name, event) => {
    const ipc = fakeIpcMain()
    let called = false
    registerIpc(ipc as never, async () => ((called = true), { ok: true, data: 1 }), 'file://')
    const r = await ipc.handlers.get('app.info')!(event, {})
    expect(r).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(called).toBe(false)
  })
})
