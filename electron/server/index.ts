/**
 * The app server's process entry (out/main/server.js): the database, the dispatcher and the
 * services, away from the process that paints the window or serves HTTP, so a long call
 * (a segment recompute, a model fit) never freezes it. Started by the Electron main process
 * with utilityProcess.fork and by the browser host with child_process.fork:
 *   server.js --db PATH --app-version V [--as-of DATE] [--print-sink] [--daily-backup]
 */
import { parseArgs } from 'node:util'
import { parentLink } from './message-link'
import { startServer } from './start-server'

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: {
    db: { type: 'string' },
    'app-version': { type: 'string' },
    'as-of': { type: 'string' },
    'print-sink': { type: 'boolean' },
    'daily-backup': { type: 'boolean' }
  }
})
if (!values.db) {
  process.stderr.write('app server: --db PATH is required\n')
  process.exit(2)
}
const link = parentLink()
const db = startServer(
  { dbPath: values.db, version: values['app-version'] ?? '0.0.0', asOf: values['as-of'], printSink: values['print-sink'], dailyBackup: values['daily-backup'] },
  link
)
// on a failed start the front has been told why and ends this process itself; exiting here
// could drop that message before the channel flushed it

// the front went away (closed, crashed): close the file cleanly rather than linger
const stop = () => {
  db?.close()
  process.exit(0)
}
process.on('disconnect', stop)
process.on('SIGTERM', stop)
process.on('SIGINT', stop)
