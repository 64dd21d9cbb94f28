/**
 * The Electron main process: one instance, one window, the contract relayed on IPC to the app
 * server (electron/server), which runs the database and the services in a utilityProcess so a
 * long call never freezes the window. Main keeps what only it can do: windows, dialogs,
 * printing (lent to the server as its print sink), the shell.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, session } from 'electron'
import { join } from 'node:path'
import { databasePath } from '../system/paths'
import { openExternalChecked } from '../system/shell'
import { mainWindowOptions } from './window-options'
import { guardSession, guardWebContents } from './security'
import { registerIpc } from './ipc-main'
import { APP_FOLDER } from '../db/default-path'
import { createElectronPrintSink } from '../system/printing'
import { serverArgs } from '../server/fork-node-server'
import { superviseServer, type ServerNotice } from '../server/supervisor'
import { forkUtilityServer } from './utility-server'
import { noticeBox } from './server-notices'
import { SERVER_NOTICE_EVENT } from '../../shared/server-notice'

app.setName(APP_FOLDER)
// Chromium's own widgets (the date picker's calendar, spell-check menus) follow the app locale,
// not <html lang>: staff read 2026年5月 in them, not May 2026. Must be set before ready.
app.commandLine.appendSwitch('lang', 'zh-CN')
if (!app.requestSingleInstanceLock()) app.quit()

const devUrl = process.env.ELECTRON_RENDERER_URL
const appOrigin = devUrl ? new URL(devUrl).origin : 'file://'
let mainWindow: BrowserWindow | null = null
/** the server cannot run: a page loaded (or reloaded) later is told as well */
let standing: ServerNotice | null = null

function createWindow(): void {
  mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.cjs')))
  guardWebContents(mainWindow.webContents, appOrigin, openExternalChecked)
  mainWindow.webContents.on('did-finish-load', () => {
    if (standing) mainWindow?.webContents.send(SERVER_NOTICE_EVENT, standing)
  })
  mainWindow.once('ready-to-show', () => mainWindow?.show())
  if (devUrl) void mainWindow.loadURL(devUrl)
  else void mainWindow.loadFile(join(__dirname, '../renderer/index.html'))
}

app.on('second-instance', () => {
  if (mainWindow?.isMinimized()) mainWindow.restore()
  mainWindow?.focus()
})

app.on('web-contents-created', (_e, contents) => guardWebContents(contents, appOrigin, openExternalChecked))

void app.whenReady().then(() => {
  guardSession(session.defaultSession)
  // out/main/server.js, built beside this entry
  const entry = join(__dirname, 'server.js')
  // the server opens the database (migrating it), takes the day's first backup and prints through us
  const args = serverArgs({ dbPath: databasePath(), version: app.getVersion(), printSink: true, dailyBackup: true })
  const appServer = superviseServer({
    spawn: () => forkUtilityServer(entry, args),
    sink: createElectronPrintSink(),
    notify: (n) => tellWindow(n)
  })
  registerIpc(ipcMain, appServer.dispatch, appOrigin)
  Menu.setApplicationMenu(null)
  createWindow()
  app.on('before-quit', () => void appServer.stop())
})

/** The window's banner says it (preload passes the event to the page); a box only when no page can. */
function tellWindow(n: ServerNotice): void {
  console.error('app server:', n)
  if (n.kind === 'failed') standing = n
  if (mainWindow && !mainWindow.isDestroyed() && !mainWindow.webContents.isLoading()) {
    mainWindow.webContents.send(SERVER_NOTICE_EVENT, n)
    return
  }
  const box = noticeBox(n)
  if (!box) return
  const shown = mainWindow ? dialog.showMessageBox(mainWindow, box) : dialog.showMessageBox(box)
  shown.catch((e) => console.error('notice box failed', e))
}

app.on('window-all-closed', () => app.quit())
