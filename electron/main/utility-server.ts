/**
 * Starting the app server inside Electron: a utilityProcess (a Node process Chromium's service
 * manager launches, as Actual Budget's desktop app runs its server), talking over its parent
 * port. It loads the Electron-ABI better-sqlite3 like the main process did before.
 */
import { utilityProcess } from 'electron'
import type { ServerProcess } from '../server/supervisor'

export function forkUtilityServer(entry: string, args: string[]): ServerProcess {
  const child = utilityProcess.fork(entry, args, { serviceName: 'Evergreen app server', stdio: 'inherit' })
  return {
    link: {
      send: (m) => child.postMessage(m),
      onMessage: (listener) => void child.on('message', listener)
    },
    onExit: (listener) => void child.on('exit', (code) => listener(code)),
    kill: () => void child.kill()
  }
}
