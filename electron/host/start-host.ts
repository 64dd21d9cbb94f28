/**
 * The browser host put together: the app server as a supervised child process, the notice
 * feed the page polls, and the HTTP front on 127.0.0.1. index.ts runs it from the command
 * line; the tests run it with the server entry from source.
 */
import { randomBytes } from 'node:crypto'
import type { Server } from 'node:http'
import { forkNodeServer, serverArgs } from '../server/fork-node-server'
import { superviseServer, type ServerNotice, type Supervisor } from '../server/supervisor'
import { createHostServer } from './server'
import { createNoticeFeed } from './notice-feed'

export interface HostStartOptions {
  dbPath: string
  port: number
  version: string
  asOf?: string
  /** out/main/server.js, or electron/server/index.ts with execArgv ['--import', 'tsx'] */
  serverEntry: string
  execArgv?: string[]
  rendererDir: string
  /** one line for whoever runs the host (stderr) */
  say?: (line: string) => void
  /** how long a POST /notices waits, ms */
  noticeWaitMs?: number
}

export interface RunningHost {
  /** the address with the per-launch token */
  url: string
  token: string
  server: Server
  appServer: Supervisor
  stop(): Promise<void>
}

const describe = (n: ServerNotice) =>
  n.kind === 'stopped'
    ? `app server stopped (exit ${n.exitCode}); ${n.callsFailed} call(s) answered with an error; restarting`
    : n.kind === 'restarted'
      ? 'app server restarted'
      : `app server failed: ${n.message}`

/** Start the host; rejects (with the server stopped) when the app server cannot open the database. */
export async function startHost(options: HostStartOptions): Promise<RunningHost> {
  const say = options.say ?? (() => {})
  // the page hears the same notices over POST /notices (it shows them in a banner)
  const notices = createNoticeFeed()
  const appServer = superviseServer({
    spawn: () => forkNodeServer(options.serverEntry, serverArgs({ dbPath: options.dbPath, version: options.version, asOf: options.asOf }), options.execArgv),
    notify: (n) => {
      say(describe(n))
      notices.push(n)
    },
    // the process id, so the e2e suite can stop the server the way a crash would
    onReady: (pid) => say(`app server pid ${pid}`)
  })
  const token = randomBytes(24).toString('base64url')
  const server = createHostServer({ dispatch: appServer.dispatch, token, rendererDir: options.rendererDir, notices, noticeWaitMs: options.noticeWaitMs })
  try {
    await appServer.ready()
  } catch (e) {
    await appServer.stop()
    throw e
  }
  await new Promise<void>((resolve) => server.listen(options.port, '127.0.0.1', resolve))
  const port = (server.address() as { port: number }).port
  return {
    url: `http://127.0.0.1:${port}/?token=${token}`,
    token,
    server,
    appServer,
    stop: () =>
      new Promise<void>((resolve) => {
        notices.close()
        server.close(() => void appServer.stop().then(resolve))
      })
  }
}
