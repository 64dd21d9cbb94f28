/** Open the database from plain Node (CLI, browser host, tests) with the Node-ABI driver. */
import { openDatabase, type OpenOptions } from '../../db/connection'
import { loadDriver, type Db } from '../../db/driver'

export function openNodeDatabase(file: string, options?: OpenOptions): Db {
  return openDatabase(loadDriver(), file, options)
}
