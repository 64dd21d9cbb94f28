/**
 * Entry point of `npm run web -- --db PATH --port N [--as-of DATE]`: the real UI in any
 * browser on this machine, over the same contract as Electron. Prints the address with the
 * per-launch token as its first line, once the app server is ready.
 *
 * This process is only the HTTP front: the database, the dispatcher and the services run in
 * the app server (out/main/server.js), a child process it supervises, so a long call never
 * holds up serving the page or answering other requests.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { defaultDbPath } from '../db/default-path'
import { forkNodeServer, serverArgs, serverEntryFile } from '../server/fork-node-server'
import { superviseServer, type ServerNotice } from '../server/supervisor'
import { createHostServer } from './server'
import { version } from '../../package.json'

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { db: { type: 'string' }, port: { type: 'string' }, 'as-of': { type: 'string' } }
})
const dbPath = values.db ?? defaultDbPath()
const port = Number(values.port ?? 5199)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  process.stderr.write(`--port must be 0..65535 (got ${values.port})\n`)
  process.exit(2)
}

const describe = (n: ServerNotice) =>
  n.kind === 'stopped'
    ? `app server stopped (exit ${n.exitCode}); ${n.callsFailed} call(s) answered with an error; restarting`
    : n.kind === 'restarted'
      ? 'app server restarted'
      : `app server failed: ${n.message}`
const entry = serverEntryFile(__dirname)
const appServer = superviseServer({
  spawn: () => forkNodeServer(entry, serverArgs({ dbPath, version, asOf: values['as-of'] })),
  notify: (n) => process.stderr.write(`常青 Evergreen browser host · ${describe(n)}\n`)
})
const token = randomBytes(24).toString('base64url')
const server = createHostServer({ dispatch: appServer.dispatch, token, rendererDir: join(__dirname, '../renderer') })

appServer.ready().then(
  () =>
    server.listen(port, '127.0.0.1', () => {
      const actual = (server.address() as { port: number }).port
      process.stdout.write(`http://127.0.0.1:${actual}/?token=${token}\n`)
      process.stderr.write(`常青 Evergreen browser host · database ${dbPath} · Ctrl+C to stop\n`)
    }),
  // a database the server cannot open (a newer app's file, say): said once, then out
  () => void appServer.stop().then(() => process.exit(1))
)
const stop = () => server.close(() => void appServer.stop().then(() => process.exit(0)))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
