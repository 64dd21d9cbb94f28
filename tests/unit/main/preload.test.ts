import { describe, expect, it, vi } from 'vitest'
import { channels } from '../../../shared/ipc-contract'

const exposed = vi.hoisted(() => ({}) as Record<string, unknown>)
const invoked = vi.hoisted(() => [] as unknown[][])

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (k: string, v: unknown) => (exposed[k] = v) },
  ipcRenderer: { invoke: (...a: unknown[]) => (invoked.push(a), Promise.resolve({ ok: true, data: null })) },
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
})
