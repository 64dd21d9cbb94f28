/**
 * Opening the shop's database as the app does: migrations applied, with a backup taken before an
 * upgrade of an existing file. Electron brings its own driver; plain Node (CLI, browser host,
 * tests) uses the Node-ABI one.
 */
import { openDatabase, type OpenOptions } from '../../db/connection'
import { loadDriver, type Db, type Driver } from '../../db/driver'
import { localNow } from '../../../shared/domain/dates'
import { backupBeforeMigrate } from '../backups/online-backup'

export interface AppOpenOptions extends Omit<OpenOptions, 'beforeMigrate'> {
  /** the clock for the backup's name; read here, at the edge */
  now?: () => string
}

/** Open `file` with `driver`; an upgrade first leaves a 'before-migrate' backup beside the others. */
export function openAppDatabase(driver: Driver, file: string, options: AppOpenOptions = {}): Db {
  const now = options.now ?? (() => localNow())
  return openDatabase(driver, file, {
    ...options,
    beforeMigrate: file === ':memory:' ? undefined : (db) => void backupBeforeMigrate(db, file, now())
  })
}

export function openNodeDatabase(file: string, options?: AppOpenOptions): Db {
  return openAppDatabase(loadDriver(), file, options)
}
