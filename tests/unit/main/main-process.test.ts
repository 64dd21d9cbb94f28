import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { channels } from '../../../shared/ipc-contract'

// `electron` is mocked: importing the real module would try to download its binary.
const state = vi.hoisted(() => ({
  handled: [] as string[],
  windows: [] as { options: Record<string, unknown>; loaded?: string }[],
  singleInstance: true,
  quit: 0,
  menu: undefined as unknown,
  forked: [] as { entry: string; args: string[] }[],
  switches: [] as string[]
}))

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { on: () => {}, setWindowOpenHandler: () => {} }
    record: (typeof state.windows)[number]
    constructor(options: Record<string, unknown>) {
      this.record = { options }
      state.windows.push(this.record)
    }
    once() {}
    loadFile(f: string) {
      this.record.loaded = f
      return Promise.resolve()
    }
    loadURL(u: string) {
      this.record.loaded = u
      return Promise.resolve()
    }
  }
  return {
    app: {
      setName: () => {},
      commandLine: { appendSwitch: (name: string, value: string) => state.switches.push(`${name}=${value}`) },
      requestSingleInstanceLock: () => state.singleInstance,
      quit: () => state.quit++,
      on: () => {},
      whenReady: () => Promise.resolve(),
      getVersion: () => '9.9.9',
      getPath: () => mkdtempSync(join(tmpdir(), 'eg-user-'))
    },
    BrowserWindow,
    // the app server: recorded, never started (tests/unit/main/main-server.test.ts talks to it)
    utilityProcess: {
      fork: (entry: string, args: string[]) => {
        state.forked.push({ entry, args })
        return { postMessage: () => {}, on: () => {}, kill: () => {} }
      }
    },
    dialog: { showMessageBox: () => Promise.resolve({ response: 0 }) },
    ipcMain: { handle: (c: string) => state.handled.push(c) },
    Menu: { setApplicationMenu: (m: unknown) => (state.menu = m) },
    session: { defaultSession: { webRequest: { onHeadersReceived: () => {} }, setPermissionRequestHandler: () => {} } },
    shell: { openExternal: () => Promise.resolve() }
  }
})

describe('the Electron main process', () => {
  beforeEach(() => {
    vi.resetModules()
    state.handled.length = 0
    state.windows.length = 0
    state.quit = 0
    state.forked.length = 0
    state.switches.length = 0
    process.env.EVERGREEN_DB = join(mkdtempSync(join(tmpdir(), 'eg-main-')), 'shop.db')
  })

  it('registers every contract channel and opens one sandboxed window', async () => {
    await import('../../../electron/main/index')
    await new Promise((r) => setTimeout(r, 20))
    expect(state.handled.sort()).toEqual([...channels].sort())
    expect(state.windows).toHaveLength(1)
    expect(state.windows[0].options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false })
    expect(String(state.windows[0].loaded)).toMatch(/renderer[\\/]index\.html$/)
    expect(state.menu).toBeNull()
    // Chromium's own widgets (the date picker's calendar) speak Chinese, whatever the PC's locale
    expect(state.switches).toEqual(['lang=zh-CN'])
    // the database is the app server's: started once, beside this entry, lending it our printing
    expect(state.forked).toEqual([
      { entry: expect.stringMatching(/[\\/]server\.js$/), args: ['--db', process.env.EVERGREEN_DB, '--app-version', '9.9.9', '--print-sink', '--daily-backup'] }
    ])
  })

  it('quits when another instance is already running', async () => {
    state.singleInstance = false
    await import('../../../electron/main/index')
    expect(state.quit).toBeGreaterThan(0)
    state.singleInstance = true
  })
})
