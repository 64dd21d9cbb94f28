import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { ImportJobs } from '../../services/imports/import-jobs'
import { previewImport, runImport, type RunImportInput } from '../../services/imports/import-service'
import { listBatches, rejectedRowsCsv, undoBatch } from '../../services/imports/batches'
import { backupFolder } from '../../services/backups/online-backup'
import type { ImportFile, ImportOptions } from '../../../shared/schemas/imports'

const jobsByContext = new WeakMap<AppContext, ImportJobs>()

export function importsHandlers(ctx: AppContext): HandlerGroup<'imports'> {
  const jobs = () => {
    let j = jobsByContext.get(ctx)
    if (!j) jobsByContext.set(ctx, (j = new ImportJobs({ db: ctx.db, dbPath: ctx.dbPath })))
    return j
  }
  const request = (file: ImportFile, options: ImportOptions): RunImportInput => {
    return {
      file,
      options,
      importedAt: ctx.now(),
      backup: ctx.dbPath === ':memory:' ? null : { folder: backupFolder(ctx.db, ctx.dbPath) }
    }
  }
  return {
    'imports.preview': ({ file, options }) => previewImport(ctx.db, file, options),
    'imports.start': ({ file, options }) => jobs().start(request(file, options)),
    'imports.progress': ({ jobId }) => jobs().progress(jobId),
    'imports.cancel': ({ jobId }) => jobs().cancel(jobId),
    'imports.commit': ({ file, options }) => runImport(ctx.db, request(file, options)),
    'imports.batches': () => listBatches(ctx.db),
    'imports.undo': ({ batchId }) => undoBatch(ctx.db, batchId, ctx.now()),
    'imports.rejected': ({ batchId }) => rejectedRowsCsv(ctx.db, batchId)
  }
}
