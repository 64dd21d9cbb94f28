import { describe, expect, it, vi } from 'vitest'
import { channels } from '../../../shared/ipc-contract'

const exposed = vi.hoisted(() => ({}) as Record<string, unknown>)
const invoked = vi.hoisted(() => [] as unknown[][])
const listening = vi.hoisted(() => new Map<string, (event: unknown, payload: unknown) => void>())

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (k: string, v: unknown) => (exposed[k] = v) },
  ipcRenderer: {
    invoke: (...a: unknown[]) => (invoked.push(a), Promise.resolve({ ok: true, data: null })),
    on: (c: string, l: (event: unknown, payload: unknown) => void) => void listening.set(c, l),
    removeListener: (c: string) => void listening.delete(c)
  },
  webUtils: { getPathForFile: () => '/tmp/x.csv' }
}))

describe('the preload bridge', () => {
  it('exposes one function per contract channel and never ipcRenderer itself', async () => {
    await import('../../../electron/preload/index')
    const names = Object.entries(exposed.api as Record<string, Record<string, unknown>>).flatMap(([ns, m]) => Object.keys(m).map((k) => `${ns}.${k}`))
    expect(names.sort()).toEqual([...channels].sort())
    expect(JSON.stringify(Object.keys(exposed))).not.toContain('ipcRenderer')
    const api = exposed.api as { stats: { summary: (input: unknown) => Promise<unknown> } }
    await api.stats.summary({ asOf: '2026-01-01' })
    expect(invoked).toEqual([['stats.summary', { asOf: '2026-01-01' }]])
    expect((exposed.platform as { transport: string }).transport).toBe('electron')
  })

  it("passes main's server notices to the page without the IPC event, until the page stops listening", async () => {
    await import('../../../electron/preload/index')
    const heard: unknown[][] = []
    const stop = (exposed.platform as { onServerNotice: (l: (...a: unknown[]) => void) => () => void }).onServerNotice((...a) => heard.push(a))
    listening.get('server:notice')!({ sender: 'the ipc event' }, { kind: 'restarted', restarts: 1 })
    expect(heard).toEqual([[{ kind: 'restarted', restarts: 1 }]])
    stop()
    expect(listening.has('server:notice')).toBe(false)
  })
})
