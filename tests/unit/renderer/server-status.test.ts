import { beforeEach, describe, expect, it } from 'vitest'
import { createPinia, setActivePinia } from 'pinia'
import { watchServerNotices } from '../../../renderer/src/api/server-notices'
import { useServerStatusStore } from '../../../renderer/src/stores/server-status'
import type { ServerNotice } from '../../../shared/server-notice'

const json = (body: unknown, status = 200) => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })

describe('watching the browser host for server notices', () => {
  it('asks for what came after the last notice seen, passes each on, and asks again after a failure', async () => {
    const asked: { url: string; body: unknown; token: unknown }[] = []
    const answers: (() => Response)[] = [
      () => json({ seq: 0, notices: [] }),
      () => {
        throw new TypeError('Failed to fetch')
      },
      () =>
        json({
          seq: 2,
          notices: [
            { kind: 'stopped', exitCode: null, callsFailed: 1 },
            { kind: 'restarted', restarts: 1 }
          ]
        }),
      () => json({ seq: 3, notices: [{ kind: 'nonsense' }] })
    ]
    const heard: ServerNotice[] = []
    let sleeps = 0
    let stop: () => void = () => {}
    const done = new Promise<void>((resolve) => {
      stop = watchServerNotices(
        async (url, init) => {
          asked.push({ url, body: JSON.parse(String(init.body)), token: (init.headers as Record<string, string>)['X-Evergreen-Token'] })
          const answer = answers.shift()
          if (!answer) {
            resolve()
            return new Promise<Response>(() => {})
          }
          return answer()
        },
        { 'X-Evergreen-Token': 'tok' },
        (n) => heard.push(n),
        { sleep: async () => void sleeps++ }
      )
    })
    await done
    stop()
    expect(asked).toEqual([
      { url: '/notices', body: {}, token: 'tok' },
      { url: '/notices', body: { after: 0 }, token: 'tok' },
      { url: '/notices', body: { after: 0 }, token: 'tok' },
      { url: '/notices', body: { after: 2 }, token: 'tok' },
      // the batch it could not read is not taken as seen: it asks after 2 again
      { url: '/notices', body: { after: 2 }, token: 'tok' }
    ])
    expect(heard).toEqual([
      { kind: 'stopped', exitCode: null, callsFailed: 1 },
      { kind: 'restarted', restarts: 1 }
    ])
    expect(sleeps).toBe(2)
  })
})

describe('the server status store behind the banner', () => {
  beforeEach(() => setActivePinia(createPinia()))

  it('goes from restarting to restarted, counting the steps lost over two stops, and is gone when dismissed', () => {
    const s = useServerStatusStore()
    s.receive({ kind: 'stopped', exitCode: null, callsFailed: 2 })
    expect(s.banner).toEqual({ state: 'restarting', callsFailed: 2 })
    s.receive({ kind: 'restarted', restarts: 1 })
    s.receive({ kind: 'stopped', exitCode: 1, callsFailed: 1 })
    expect(s.banner).toEqual({ state: 'restarting', callsFailed: 3 })
    s.receive({ kind: 'restarted', restarts: 2 })
    expect(s.banner).toEqual({ state: 'restarted', callsFailed: 3 })
    s.dismiss()
    expect(s.banner).toBeNull()
  })

  it('says plainly when the server is given up on, and ignores what is not a notice', () => {
    const s = useServerStatusStore()
    s.receive({ kind: 'failed', reason: 'gave-up', code: 'INTERNAL', message: '后台服务反复停止' })
    s.receive({ kind: 'restarted' })
    expect(s.banner).toEqual({ state: 'failed', reason: 'gave-up', message: '后台服务反复停止' })
  })
})
