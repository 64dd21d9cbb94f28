/** Where things live on disk when running inside Electron. */
import { app } from 'electron'
import { join } from 'node:path'
import { DB_FILE } from '../db/default-path'

/** --db PATH on the command line, EVERGREEN_DB, or the user data folder. */
export function databasePath(argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): string {
  const i = argv.indexOf('--db')
  if (i >= 0 && argv[i + 1]) return argv[i + 1]
  return env.EVERGREEN_DB || join(app.getPath('userData'), DB_FILE)
}
