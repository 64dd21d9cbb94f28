/**
 * The Electron main process: one instance, one window, the contract on IPC, the database
 * opened with the Electron-ABI driver. Logic lives in electron/services.
 */
import { app, BrowserWindow, ipcMain, Menu, session } from 'electron'
import { join } from 'node:path'
import { loadDriver } from '../db/driver'
import { createAppContext } from '../services/app/app-context'
import { openAppDatabase } from '../services/app/open-node-database'
import { buildHandlers } from '../ipc/handlers'
import { createDispatcher } from '../ipc/dispatcher'
import { databasePath } from '../system/paths'
import { openExternalChecked } from '../system/shell'
import { mainWindowOptions } from './window-options'
import { guardSession, guardWebContents } from './security'
import { registerIpc } from './ipc-main'
import { APP_FOLDER } from '../db/default-path'
import { backupFolder, dailyBackupIfDue } from '../services/backups/online-backup'
import { registerPrintSink } from '../services/printing/print-sink'
import { createElectronPrintSink } from '../system/printing'

app.setName(APP_FOLDER)
if (!app.requestSingleInstanceLock()) app.quit()

const devUrl = process.env.ELECTRON_RENDERER_URL
const appOrigin = devUrl ? new URL(devUrl).origin : 'file://'
let mainWindow: BrowserWindow | null = null

function createWindow(): void {
  mainWindow = new BrowserWindow(mainWindowOptions(join(__dirname, '../preload/index.cjs')))
  guardWebContents(mainWindow.webContents, appOrigin, openExternalChecked)
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
  const dbPath = databasePath()
  const db = openAppDatabase(loadDriver(), dbPath)
  const ctx = createAppContext(db, dbPath, app.getVersion())
  // the first start of the day leaves a backup behind; a failure must not stop the shop
  dailyBackupIfDue(db, backupFolder(db, dbPath), ctx.now()).catch((e) => console.error('daily backup failed', e))
  registerPrintSink(createElectronPrintSink())
  registerIpc(ipcMain, createDispatcher(buildHandlers(ctx), console.error, ctx.lock), appOrigin)
  Menu.setApplicationMenu(null)
  createWindow()
  app.on('before-quit', () => db.close())
})

app.on('window-all-closed', () => app.quit())
