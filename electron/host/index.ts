/**
 * Entry point of `npm run web -- --db PATH --port N [--as-of DATE]`: the real UI in any
 * browser on this machine, over the same contract as Electron. Prints the address with the
 * per-launch token as its first line.
 */
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import { openNodeDatabase } from '../services/app/open-node-database'
import { createAppContext } from '../services/app/app-context'
import { buildHandlers } from '../ipc/handlers'
import { createDispatcher } from '../ipc/dispatcher'
import { defaultDbPath } from '../db/default-path'
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
const db = openNodeDatabase(dbPath)
const ctx = createAppContext(db, dbPath, version, values['as-of'])
const token = randomBytes(24).toString('base64url')
const server = createHostServer({
  dispatch: createDispatcher(buildHandlers(ctx), console.error, ctx.lock),
  token,
  rendererDir: join(__dirname, '../renderer')
})
server.listen(port, '127.0.0.1', () => {
  const actual = (server.address() as { port: number }).port
  process.stdout.write(`http://127.0.0.1:${actual}/?token=${token}\n`)
  process.stderr.write(`常青 Evergreen browser host · database ${dbPath} · Ctrl+C to stop\n`)
})
const stop = () => server.close(() => (db.close(), process.exit(0)))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
