import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { linkedPair } from '../../../electron/server/message-link'
import { startServer } from '../../../electron/server/start-server'
import { superviseServer, type ServerNotice, type ServerProcess } from '../../../electron/server/supervisor'
import { registerPrintSink, currentPrintSink } from '../../../electron/services/printing/print-sink'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import type { Db } from '../../../electron/db/driver'

/**
 * A server "process" in memory: the real startServer on one end of a linked pair, and a kill
 * that closes its database and reports the exit as a real process would.
 */
function memoryServer(dbPath: string, opts: { printSink?: boolean } = {}) {
  const started: { db: Db | null; kill: () => void }[] = []
  const spawn = (): ServerProcess => {
    const [front, back] = linkedPair()
    const exits: ((code: number | null) => void)[] = []
    const db = startServer({ dbPath, version: '9.9.9', asOf: '2026-11-23', printSink: opts.printSink }, back, () => {})
    const kill = () => {
      db?.close()
      setImmediate(() => exits.forEach((l) => l(null)))
    }
    started.push({ db, kill })
    return { link: front, onExit: (l) => void exits.push(l), kill }
  }
  return { spawn, started }
}

describe('the app server behind its supervisor', () => {
  let dir = ''
  afterEach(() => {
    registerPrintSink(null)
    if (dir) rmSync(dir, { recursive: true, force: true })
    dir = ''
  })
  const dbFile = () => join((dir = mkdtempSync(join(tmpdir(), 'eg-server-'))), 'shop.db')

  it('answers contract calls through the same dispatcher, validation and envelope included', async () => {
    const s = superviseServer({ spawn: memoryServer(dbFile()).spawn, log: () => {} })
    await s.ready()
    expect(await s.dispatch('app.info', {})).toMatchObject({ ok: true, data: { version: '9.9.9' } })
    expect(await s.dispatch('segments.create', { name: '' })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await s.dispatch('no.such', {})).toMatchObject({ ok: false, code: 'UNKNOWN_CHANNEL' })
    await s.stop()
  })

  it('holds calls made before the server is ready and answers them once it is', async () => {
    const s = superviseServer({ spawn: memoryServer(dbFile()).spawn, log: () => {} })
    const early = s.dispatch('segments.list', {})
    expect(await early).toEqual({ ok: true, data: [] })
    await s.stop()
  })

  it('when the server dies mid-call: that call fails plainly, the window is told, a new server answers and earlier writes are kept', async () => {
    const notices: ServerNotice[] = []
    const mem = memoryServer(dbFile())
    const s = superviseServer({ spawn: mem.spawn, notify: (n) => notices.push(n), restartDelayMs: 1, log: () => {} })
    await s.ready()
    const rule = { all: [{ field: 'orders', op: '>=', value: 2 }] }
    expect(await s.dispatch('segments.create', { name: '常客', rule })).toMatchObject({ ok: true })
    // a call is in flight when the process goes: kill it before it can answer
    const inFlight = s.dispatch('segments.list', {})
    mem.started[0].kill()
    // catalogued, so the page says it in its own language
    expect(await inFlight).toEqual({
      ok: false,
      code: 'INTERNAL',
      key: 'serverDied',
      params: {},
      message: expect.stringContaining('后台服务意外停止，已自动重启')
    })
    const after = await s.dispatch('segments.list', {})
    expect(after).toMatchObject({ ok: true, data: [{ name: '常客', rule }] })
    expect(notices).toEqual([
      { kind: 'stopped', exitCode: null, callsFailed: 1 },
      { kind: 'restarted', restarts: 1 }
    ])
    expect(mem.started).toHaveLength(2)
    expect(s.restarts()).toBe(1)
    await s.stop()
  })

  it('does not restart a server that cannot open the database, and answers every call with its reason', async () => {
    const file = dbFile()
    const db = openNodeDatabase(file)
    db.pragma('user_version = 999')
    db.close()
    const notices: ServerNotice[] = []
    const mem = memoryServer(file)
    const s = superviseServer({ spawn: mem.spawn, notify: (n) => notices.push(n), restartDelayMs: 1, log: () => {} })
    await expect(s.ready()).rejects.toThrow()
    expect(await s.dispatch('app.info', {})).toMatchObject({ ok: false, code: 'DB_TOO_NEW' })
    expect(notices).toEqual([{ kind: 'failed', reason: 'startup', code: 'DB_TOO_NEW', message: expect.any(String) }])
    await new Promise((r) => setTimeout(r, 20))
    expect(mem.started).toHaveLength(1)
  })

  it('gives up after too many deaths within a minute instead of restarting for ever', async () => {
    const notices: ServerNotice[] = []
    const mem = memoryServer(dbFile())
    const s = superviseServer({ spawn: mem.spawn, notify: (n) => notices.push(n), maxRestarts: 2, restartDelayMs: 1, ms: () => 1000, log: () => {} })
    for (let i = 0; i < 3; i++) {
      await s.ready()
      mem.started[i].kill()
      await new Promise((r) => setTimeout(r, 10))
    }
    expect(mem.started).toHaveLength(3)
    expect(notices.map((n) => n.kind)).toEqual(['stopped', 'restarted', 'stopped', 'restarted', 'stopped', 'failed'])
    expect(await s.dispatch('app.info', {})).toEqual({
      ok: false,
      code: 'INTERNAL',
      key: 'serverGaveUp',
      params: {},
      message: expect.stringContaining('已不再重启')
    })
  })

  it("prints through the front's sink when the front lends one (Electron), and says it cannot print when none is lent", async () => {
    const asked: string[] = []
    const sink = {
      print: async () => true,
      savePdf: async () => null,
      printers: async () => (asked.push('printers'), ['柜台打印机'])
    }
    const lent = superviseServer({ spawn: memoryServer(dbFile(), { printSink: true }).spawn, sink, log: () => {} })
    await lent.ready()
    expect(await lent.dispatch('printing.capabilities', {})).toEqual({ ok: true, data: { print: true, pdf: true, printers: ['柜台打印机'] } })
    expect(asked).toEqual(['printers'])
    await lent.stop()
    expect(currentPrintSink()).not.toBeNull()
    const none = superviseServer({ spawn: memoryServer(dbFile()).spawn, log: () => {} })
    await none.ready()
    expect(await none.dispatch('printing.capabilities', {})).toEqual({ ok: true, data: { print: false, pdf: false, printers: [] } })
    await none.stop()
  })
})
