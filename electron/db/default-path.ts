/**
 * Where the shop's database lives when nobody says otherwise: the same folder Electron's
 * app.getPath('userData') gives for an app named Evergreen, so the app, the CLI and the
 * browser host open the same file. `--db PATH` or EVERGREEN_DB overrides it.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'

export const APP_FOLDER = 'Evergreen'
export const DB_FILE = 'evergreen.db'

export function appDataFolder(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return env.APPDATA ?? join(homedir(), 'AppData', 'Roaming')
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support')
  return env.XDG_CONFIG_HOME ?? join(homedir(), '.config')
}

export function defaultDbPath(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  return env.EVERGREEN_DB || join(appDataFolder(env, platform), APP_FOLDER, DB_FILE)
}
