/**
 * Starting the app server under plain Node (the browser host; the tests): a child process
 * with an IPC channel, structured-clone serialisation as Electron's ports use, and its stdout
 * sent to our stderr so nothing it prints can be mistaken for the host's address line.
 */
import { fork } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import type { ServerOptions } from './start-server'
import type { ServerProcess } from './supervisor'

/** The command line server.js reads (electron/server/index.ts). */
export function serverArgs(options: ServerOptions): string[] {
  const args = ['--db', options.dbPath, '--app-version', options.version]
  if (options.asOf) args.push('--as-of', options.asOf)
  if (options.printSink) args.push('--print-sink')
  if (options.dailyBackup) args.push('--daily-backup')
  return args
}

/** out/main/server.js, beside the entry that imports this (the bundler may put us in chunks/). */
export function serverEntryFile(dir: string = __dirname): string {
  const candidates = [join(dir, 'server.js'), join(dir, '..', 'server.js')]
  const found = candidates.find((f) => existsSync(f))
  if (!found) throw new Error(`app server entry not found (looked for ${candidates.join(', ')}); run the build first`)
  return found
}

export function forkNodeServer(entry: string, args: string[], execArgv: string[] = []): ServerProcess {
  const child = fork(entry, args, { serialization: 'advanced', stdio: ['ignore', 'pipe', 'inherit', 'ipc'], execArgv })
  child.stdout?.pipe(process.stderr)
  const exitListeners: ((code: number | null) => void)[] = []
  let exited = false
  const exit = (code: number | null) => {
    if (exited) return
    exited = true
    exitListeners.forEach((l) => l(code))
  }
  child.on('exit', exit)
  // an 'error' nobody listens to would take the front down with it: a send on a channel that
  // just closed, or a process that could not even be started (then no 'exit' follows)
  child.on('error', (e) => {
    console.error('app server process:', e)
    if (child.pid === undefined) exit(null)
  })
  return {
    link: {
      send: (m) => {
        if (child.connected) child.send(m as never, (e) => e && console.error('app server process: a message was not delivered:', e.message))
      },
      onMessage: (listener) => void child.on('message', listener)
    },
    onExit: (listener) => void exitListeners.push(listener),
    kill: () => void child.kill()
  }
}
