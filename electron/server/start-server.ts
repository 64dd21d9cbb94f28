/**
 * Everything the app server does at start: open the database (migrating it, with a backup
 * first), build the one dispatcher every transport shares, and answer over the link. A
 * database that cannot be opened (a file from a newer app, say) is said to the front as
 * `startup-failed` with its code, instead of a silent crash the front would keep restarting.
 */
import type { Db } from '../db/driver'
import { openNodeDatabase } from '../services/app/open-node-database'
import { createAppContext } from '../services/app/app-context'
import { buildHandlers } from '../ipc/handlers'
import { createDispatcher } from '../ipc/dispatcher'
import { backupFolder, dailyBackupIfDue } from '../services/backups/online-backup'
import { registerPrintSink } from '../services/printing/print-sink'
import { DomainError } from '../../shared/result'
import type { FromServer } from './protocol'
import type { MessageLink } from './message-link'
import { serveOnLink } from './serve'

export interface ServerOptions {
  dbPath: string
  version: string
  /** pins the shop's date (demos, tests) */
  asOf?: string
  /** the front can print (Electron's main process): printing goes to it over the link */
  printSink?: boolean
  /** leave the first backup of the day behind (the desktop app does) */
  dailyBackup?: boolean
}

/** Start answering on `link`; the open database, or null when it could not be opened. */
export function startServer(options: ServerOptions, link: MessageLink, log: (e: unknown) => void = console.error): Db | null {
  const send = (m: FromServer) => link.send(m)
  let db: Db
  try {
    db = openNodeDatabase(options.dbPath)
  } catch (e) {
    log(e)
    const code = e instanceof DomainError ? e.code : 'INTERNAL'
    send({ type: 'startup-failed', code, message: e instanceof Error ? e.message : String(e) })
    return null
  }
  const ctx = createAppContext(db, options.dbPath, options.version, options.asOf)
  const served = serveOnLink(link, createDispatcher(buildHandlers(ctx), log, ctx.lock), log)
  registerPrintSink(options.printSink ? served.remoteSink : null)
  if (options.dailyBackup) {
    // the first start of the day leaves a backup behind; a failure must not stop the shop
    dailyBackupIfDue(db, backupFolder(db, options.dbPath), ctx.now()).catch((e) => log(e))
  }
  send({ type: 'ready', pid: process.pid })
  return db
}
