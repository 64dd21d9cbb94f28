import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { ImportJobs } from '../../services/imports/import-jobs'
import { previewImport, runImport, type RunImportInput } from '../../services/imports/import-service'
import { listBatches, rejectedRowsCsv, undoBatch } from '../../services/imports/batches'
import { backupFolder } from '../../services/backups/online-backup'
import type { ImportFile, ImportOptions, ImportResult } from '../../../shared/schemas/imports'
import { auditJobDone } from '../audit-trail'
import { matchRedemptions } from '../../services/printing/code-store'

const jobsByContext = new WeakMap<AppContext, ImportJobs>()

export function importsHandlers(ctx: AppContext): HandlerGroup<'imports'> {
  // after every import: a coupon or scratch code printed on a card and seen in this batch counts as redeemed
  const matched = (r: ImportResult): ImportResult => {
    matchRedemptions(ctx.db, r.batchId)
    return r
  }
  // a job's reply is only its id: the audit line comes when the worker has finished
  const jobDone = (r: ImportResult) => auditJobDone(ctx, 'imports.start', matched(r))
  const jobs = () => {
    let j = jobsByContext.get(ctx)
    if (!j) jobsByContext.set(ctx, (j = new ImportJobs({ db: ctx.db, dbPath: ctx.dbPath, onDone: jobDone })))
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
    'imports.preview': ({ file, options }) => previewImport(ctx.db, file, options, ctx.today()),
    'imports.start': ({ file, options }) => jobs().start(request(file, options)),
    'imports.progress': ({ jobId }) => jobs().progress(jobId),
    'imports.cancel': ({ jobId }) => jobs().cancel(jobId),
    'imports.commit': async ({ file, options }) => matched(await runImport(ctx.db, request(file, options))),
    'imports.batches': () => listBatches(ctx.db),
    'imports.undo': ({ batchId }) => undoBatch(ctx.db, batchId, ctx.now()),
    'imports.rejected': ({ batchId }) => rejectedRowsCsv(ctx.db, batchId)
  }
}
