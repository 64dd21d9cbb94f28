/**
 * Entry point of `npm run web -- --db PATH --port N [--as-of DATE]`: the real UI in any
 * browser on this machine, over the same contract as Electron. Prints the address with the
 * per-launch token as its first line, once the app server is ready.
 *
 * This process is only the HTTP front: the database, the dispatcher and the services run in
 * the app server (out/main/server.js), a child process it supervises, so a long call never
 * holds up serving the page or answering other requests (start-host.ts).
 */
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { defaultDbPath } from '../db/default-path'
import { serverEntryFile } from '../server/fork-node-server'
import { startHost } from './start-host'
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

startHost({
  dbPath,
  port,
  version,
  asOf: values['as-of'],
  serverEntry: serverEntryFile(__dirname),
  rendererDir: join(__dirname, '../renderer'),
  say: (line) => process.stderr.write(`常青 Evergreen browser host · ${line}\n`)
}).then(
  (host) => {
    process.stdout.write(`${host.url}\n`)
    process.stderr.write(`常青 Evergreen browser host · database ${dbPath} · Ctrl+C to stop\n`)
    const stop = () => void host.stop().then(() => process.exit(0))
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  },
  // a database the server cannot open (a newer app's file, say): said once, then out
  () => process.exit(1)
)
