import { z } from 'zod'
import { NoInput } from './common'

export const AppInfo = z.object({
  version: z.string(),
  dbPath: z.string(),
  schemaVersion: z.number().int(),
  today: z.string()
})
export type AppInfo = z.infer<typeof AppInfo>

export const appChannels = {
  /** Version, database location and schema version, for the settings page and bug reports. */
  'app.info': { input: NoInput, output: AppInfo }
}
