/**
 * The Electron main process as a relay, with `electron` mocked: utilityProcess.fork starts the
 * real app server (startServer) on an in-memory message link, so a renderer's call goes
 * ipcMain → main → the server's dispatcher → back, printing comes back to main's own sink,
 * and a server that dies is told to the page (its banner) and started again.
 */
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'

const state = vi.hoisted(() => ({
  handlers: new Map<string, (event: unknown, input: unknown) => Promise<unknown>>(),
  children: [] as { kill: () => void; entry: string }[],
  boxes: [] as { type: string; message: string; detail: string }[],
  sent: [] as unknown[][],
  pageLoaded: [] as (() => void)[],
  printersAsked: 0
}))

vi.mock('electron', async () => {
  const { linkedPair } = await import('../../../electron/server/message-link')
  const { startServer } = await import('../../../electron/server/start-server')
  class BrowserWindow {
    webContents = {
      on: (event: string, l: () => void) => void (event === 'did-finish-load' && state.pageLoaded.push(l)),
      isLoading: () => false,
      send: (...a: unknown[]) => void state.sent.push(a),
      setWindowOpenHandler: () => {},
      getPrintersAsync: async () => (state.printersAsked++, [{ name: '前台小票机' }])
    }
    once() {}
    isDestroyed() {
      return false
    }
    loadFile() {
      return Promise.resolve()
    }
    loadURL() {
      return Promise.resolve()
    }
    destroy() {}
  }
  /** a utility process running the real server: args parsed as server.js parses them */
  function fork(entry: string, args: string[]) {
    const [front, back] = linkedPair()
    const exits: ((code: number) => void)[] = []
    const db = startServer(
      { dbPath: args[args.indexOf('--db') + 1], version: args[args.indexOf('--app-version') + 1], printSink: args.includes('--print-sink') },
      back,
      () => {}
    )
    const kill = () => {
      db?.close()
      setImmediate(() => exits.forEach((l) => l(9)))
    }
    state.children.push({ kill, entry })
    return {
      postMessage: (m: unknown) => front.send(m),
      on: (event: string, l: (x: never) => void) => {
        if (event === 'message') front.onMessage(l as (m: unknown) => void)
        if (event === 'exit') exits.push(l as (code: number) => void)
      },
      kill
    }
  }
  return {
    app: {
      setName: () => {},
      commandLine: { appendSwitch: () => {} },
      requestSingleInstanceLock: () => true,
      quit: () => {},
      on: () => {},
      whenReady: () => Promise.resolve(),
      getVersion: () => '9.9.9',
      getPath: () => mkdtempSync(join(tmpdir(), 'eg-user-'))
    },
    BrowserWindow,
    utilityProcess: { fork },
    dialog: {
      showMessageBox: (_w: unknown, box: { type: string; message: string; detail: string }) => (state.boxes.push(box), Promise.resolve({ response: 0 }))
    },
    ipcMain: { handle: (c: string, h: (event: unknown, input: unknown) => Promise<unknown>) => state.handlers.set(c, h) },
    Menu: { setApplicationMenu: () => {} },
    session: { defaultSession: { webRequest: { onHeadersReceived: () => {} }, setPermissionRequestHandler: () => {} } },
    shell: { openExternal: () => Promise.resolve() }
  }
})

/** A call as the app's own window makes it (top frame, file:// page). */
const fromWindow = { senderFrame: { parent: null, url: 'file:///app/out/renderer/index.html' } }
const call = (channel: string, input: unknown = {}, event: unknown = fromWindow) => state.handlers.get(channel)!(event, input)

describe('the Electron main process relaying to the app server', () => {
  const start = async (prepare?: (dbPath: string) => void) => {
    vi.resetModules()
    state.handlers.clear()
    state.children.length = 0
    state.boxes.length = 0
    state.sent.length = 0
    state.pageLoaded.length = 0
    process.env.EVERGREEN_DB = join(mkdtempSync(join(tmpdir(), 'eg-main-srv-')), 'shop.db')
    prepare?.(process.env.EVERGREEN_DB)
    await import('../../../electron/main/index')
  }
  beforeEach(() => start())

  it("answers the window's calls from the server's dispatcher, and still refuses a foreign sender itself", async () => {
    expect(await call('app.info')).toMatchObject({ ok: true, data: { version: '9.9.9', dbPath: process.env.EVERGREEN_DB } })
    expect(await call('segments.create', { name: '' })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await call('app.info', {}, { senderFrame: { parent: null, url: 'https://evil.example/' } })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
      message: 'untrusted sender'
    })
    expect(state.children).toHaveLength(1)
  })

  it("lends the server main's printing: the printer list comes from Electron's own print window", async () => {
    const before = state.printersAsked
    expect(await call('printing.capabilities')).toEqual({ ok: true, data: { print: true, pdf: true, printers: ['前台小票机'] } })
    expect(state.printersAsked).toBe(before + 1)
  })

  it('when the server dies: the page is told it stopped and restarted (no message box over it), a new server is started, and what was saved is still there', async () => {
    const rule = { all: [{ field: 'orders', op: '>=', value: 2 }] }
    expect(await call('segments.create', { name: '老客', rule })).toMatchObject({ ok: true })
    state.children[0].kill()
    await vi.waitFor(() => expect(state.children).toHaveLength(2), { timeout: 5000 })
    expect(await call('segments.list')).toMatchObject({ ok: true, data: [{ name: '老客', rule }] })
    await vi.waitFor(() => expect(state.sent).toHaveLength(2), { timeout: 5000 })
    expect(state.sent).toEqual([
      ['server:notice', { kind: 'stopped', exitCode: 9, callsFailed: 0 }],
      ['server:notice', { kind: 'restarted', restarts: 1 }]
    ])
    expect(state.boxes).toEqual([])
  })

  it('when the server cannot open the database: the page is told it cannot run, and told again when it loads anew', async () => {
    // a main started on a database file from a newer app
    const { openNodeDatabase } = await import('../../../electron/services/app/open-node-database')
    await start((dbPath) => {
      const db = openNodeDatabase(dbPath)
      db.pragma('user_version = 999')
      db.close()
    })
    const failed = ['server:notice', { kind: 'failed', reason: 'startup', code: 'DB_TOO_NEW', message: expect.any(String) }]
    await vi.waitFor(() => expect(state.sent).toEqual([failed]))
    state.pageLoaded.forEach((l) => l())
    expect(state.sent).toEqual([failed, failed])
  })
})
