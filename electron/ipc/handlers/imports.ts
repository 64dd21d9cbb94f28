import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { ImportJobs } from '../../services/imports/import-jobs'
import { previewImport, runImport, type RunImportInput } from '../../services/imports/import-service'
import { listBatches, rejectedRowsCsv, undoBatch } from '../../services/imports/batches'
import { backupFolder } from '../../services/backups/online-backup'
import type { ImportFile, ImportOptions, ImportResult } from '../../../shared/schemas/imports'
import { recordAudit } from '../../services/audit/audit-log'
import { matchRedemptions } from '../../services/printing/code-store'

const jobsByContext = new WeakMap<AppContext, ImportJobs>()

export function importsHandlers(ctx: AppContext): HandlerGroup<'imports'> {
  // after every import: redemptions matched, and an audit line with counts and ids only (a file
  // name can carry a customer's name)
  const audited = (r: ImportResult): ImportResult => {
    // a coupon or scratch code printed on a card and seen in this batch counts as redeemed
    matchRedemptions(ctx.db, r.batchId)
    recordAudit(
      ctx.db,
      ctx.now(),
      'import',
      `batch ${r.batchId}: ${r.rowsImported} rows imported, ${r.rowsRejected} rejected, ${r.customersCreated} new customers`
    )
    return r
  }
  const jobs = () => {
    let j = jobsByContext.get(ctx)
    if (!j) jobsByContext.set(ctx, (j = new ImportJobs({ db: ctx.db, dbPath: ctx.dbPath, onDone: audited })))
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
    'imports.commit': async ({ file, options }) => audited(await runImport(ctx.db, request(file, options))),
    'imports.batches': () => listBatches(ctx.db),
    'imports.undo': ({ batchId }) => {
      const r = undoBatch(ctx.db, batchId, ctx.now())
      recordAudit(ctx.db, ctx.now(), 'undo-import', `batch ${batchId} undone`)
      return r
    },
    'imports.rejected': ({ batchId }) => rejectedRowsCsv(ctx.db, batchId)
  }
}
