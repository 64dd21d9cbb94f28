import { z } from 'zod'
import { NoInput } from './common'

export const BackupFigures = z.object({
  schemaVersion: z.number().int(),
  customers: z.number().int(),
  orders: z.number().int(),
  lines: z.number().int(),
  revenueFen: z.number().int(),
  batches: z.number().int(),
  lastSale: z.string().nullable()
})

export const BackupInfo = z.object({
  name: z.string(),
  file: z.string(),
  at: z.string(),
  reason: z.string(),
  bytes: z.number().int(),
  figures: BackupFigures.nullable()
})
export type BackupInfo = z.infer<typeof BackupInfo>

/** A file handed over by path (Electron, CLI) or as bytes (the browser host has no paths). */
export const FileSource = z.union([
  z.object({ path: z.string().min(1).max(4096) }).strict(),
  z.object({ name: z.string().min(1).max(255), dataBase64: z.string().max(400_000_000) }).strict()
])

export const RestoreResult = z.object({ safetyBackup: BackupInfo, figures: BackupFigures })
export const ExportAllResult = z.object({
  file: z.string().nullable(),
  dataBase64: z.string().nullable(),
  tables: z.number().int(),
  rows: z.number().int(),
  bytes: z.number().int()
})
export const ImportAllResult = z.object({ tables: z.number().int(), rows: z.number().int(), figures: BackupFigures })

const RestoreInput = z.object({ name: z.string().min(1).max(255) }).strict()
const ExportAllInput = z.object({ path: z.string().min(1).max(4096).optional() }).strict()
/** A job started: follow it with jobs.progress, stop it with jobs.cancel. */
const Started = z.object({ jobId: z.string() })

export const AuditRow = z.object({ id: z.number().int(), at: z.string(), staff: z.string().nullable(), action: z.string(), detail: z.string().nullable() })

export const backupsChannels = {
  /** Backups in the backup folder, newest first, each with what it holds. */
  'backups.list': { input: NoInput, output: z.object({ folder: z.string(), backups: z.array(BackupInfo) }) },
  /** Make a backup now (online backup API, integrity checked before and after). */
  'backups.create': { input: NoInput, output: BackupInfo },
  /** Put a backup back (by its name in the backup folder); the current state is backed up first. */
  'backups.restore': { input: RestoreInput, output: RestoreResult },
  /** Everything as one zip of CSV files and a manifest: written to `path`, or answered as bytes. */
  'backups.exportAll': { input: ExportAllInput, output: ExportAllResult },
  /** Read a full export into an empty database and check the figures match. */
  'backups.importAll': { input: FileSource, output: ImportAllResult },
  /** backups.create as a job (the online backup's page steps): answers its id at once; a cancel leaves no file. */
  'backups.createStart': { input: NoInput, output: Started },
  /** backups.restore as a job: nothing changes before its last step, so a cancel leaves the shop as it was. */
  'backups.restoreStart': { input: RestoreInput, output: Started },
  /** backups.exportAll as a job, 20,000 rows a step from one snapshot; a cancel removes the partial file. */
  'backups.exportAllStart': { input: ExportAllInput, output: Started },
  /** backups.importAll as a job: the tables read a step each, written in one transaction at the end. */
  'backups.importAllStart': { input: FileSource, output: Started },
  /** The audit trail, newest first. */
  'audit.list': {
    input: z.object({ limit: z.number().int().min(1).max(1000).default(100), offset: z.number().int().min(0).default(0) }).strict(),
    output: z.object({ total: z.number().int(), rows: z.array(AuditRow) })
  }
}
