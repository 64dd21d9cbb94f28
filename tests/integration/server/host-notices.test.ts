/**
 * The browser host with its app server as a real child process: killed outright, the server is
 * restarted, a page waiting on POST /notices hears that it stopped (with the call it lost) and
 * that it is back, and the next contract call is answered by the new server.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHost, type RunningHost } from '../../../electron/host/start-host'
import { serverDied } from '../../../electron/server/supervisor'
import type { NoticeBatch } from '../../../shared/server-notice'

const ENTRY = join(__dirname, '../../../electron/server/index.ts')

// SIGSTOP pauses the server so a call is surely in flight when it is killed: POSIX only
describe.skipIf(process.platform === 'win32')('the browser host when its app server dies', () => {
  let dir = ''
  let host: RunningHost
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'eg-host-notices-'))
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>常青</title>')
    host = await startHost({
      dbPath: join(dir, 'shop.db'),
      port: 0,
      version: '9.9.9',
      asOf: '2026-11-23',
      serverEntry: ENTRY,
      execArgv: ['--import', 'tsx'],
      rendererDir: dir
    })
  }, 60_000)
  afterAll(async () => {
    await host?.stop()
    rmSync(dir, { recursive: true, force: true })
  })

  const post = async (path: string, body: unknown) => {
    const res = await fetch(new URL(path, host.url), {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Evergreen-Token': host.token },
      body: JSON.stringify(body)
    })
    return { status: res.status, body: (await res.json()) as unknown }
  }

  it('tells a waiting page it stopped (one call lost) and restarted, answers that call with the plain failure, and the next call from the new server', async () => {
    expect(await post('/notices', {})).toEqual({ status: 200, body: { seq: 0, notices: [] } })
    const rule = { all: [{ field: 'orders', op: '>=', value: 2 }] }
    expect((await post('/api/segments.create', { name: '老客', rule })).body).toMatchObject({ ok: true })

    // the page's question waits for the next notice; a call is in flight when the server goes
    // (the server is paused first, so the call cannot be answered before the kill, however fast)
    const heard = post('/notices', { after: 0 })
    const first = host.appServer.serverPid()!
    process.kill(first, 'SIGSTOP')
    const inFlight = post('/api/stats.summary', {})
    await new Promise((r) => setTimeout(r, 300))
    process.kill(first, 'SIGKILL')

    expect(await inFlight).toEqual({ status: 200, body: serverDied() })
    const stopped = (await heard).body as NoticeBatch
    expect(stopped).toEqual({ seq: 1, notices: [{ kind: 'stopped', exitCode: null, callsFailed: 1 }] })

    const next = await post('/api/segments.list', {})
    expect(next.body).toMatchObject({ ok: true, data: [{ name: '老客', rule }] })
    expect(host.appServer.serverPid()).not.toBe(first)
    expect((await post('/notices', { after: stopped.seq })).body).toEqual({ seq: 2, notices: [{ kind: 'restarted', restarts: 1 }] })
  }, 60_000)
})
