/** The ordered list of migrations; the position + 1 is the schema version it produces. */
import type { Db } from '../driver'
import { initialSchema } from './001-initial-schema'

export interface Migration {
  name: string
  up(db: Db): void
}

export const migrations: Migration[] = [initialSchema]
