/**
 * The import as the handlers, the CLI and the worker call it: load the file, open it as a
 * table, back the database up, run the pipeline.
 */
import type { Db } from '../../db/driver'
import type { ImportFile, ImportOptions, ImportPreview, ImportResult } from '../../../shared/schemas/imports'
import { backupBeforeChange } from '../backups/backup-before-change'
import { loadImportFile } from './file-input'
import { commitImport, type ImportHooks } from './import-pipeline'
import { previewTable } from './preview'
import { openTable } from './table-source'

export interface BackupPlan {
  folder: string
}

/** Detect and show; writes nothing. asOf: the shop's today (member figures are stored as of it). */
export async function previewImport(db: Db | null, file: ImportFile, options: ImportOptions, asOf: string): Promise<ImportPreview> {
  const loaded = loadImportFile(file)
  const table = await openTable(loaded.bytes, options)
  return previewTable(db, table, loaded.name, options, asOf)
}

export interface RunImportInput {
  file: ImportFile
  options: ImportOptions
  /** shop-local ISO time of the import */
  importedAt: string
  /** null: no backup (tests, in-memory databases) */
  backup: BackupPlan | null
}

/** Import one file as one batch, after a backup. */
export async function runImport(db: Db, input: RunImportInput, hooks: ImportHooks & { phase?(phase: 'reading' | 'backup'): void } = {}): Promise<ImportResult> {
  hooks.phase?.('reading')
  const loaded = loadImportFile(input.file)
  const table = await openTable(loaded.bytes, input.options)
  if (input.backup) {
    hooks.phase?.('backup')
    await backupBeforeChange(db, input.backup.folder, input.importedAt, 'before-import')
  }
  return commitImport(
    db,
    table,
    { fileName: loaded.name, fileSize: loaded.size, fileHash: loaded.hash, importedAt: input.importedAt, options: input.options },
    hooks
  )
}
