import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { importDemoShop } from '../../services/demo/demo-import'
import { removeDemoShopBackedUp } from '../../services/demo/demo-removal'
import { readDemoRecord } from '../../services/demo/demo-record'
import { buildDemoFiles } from '../../services/demo/demo-files'
import { backupFolder } from '../../services/backups/online-backup'
import { jobsOf } from '../../services/jobs/context-jobs'
import { startDemoRemoveJob } from '../../services/jobs/demo-remove-job'
import { auditJobDone } from '../audit-trail'

export function demoHandlers(ctx: AppContext): HandlerGroup<'demo'> {
  return {
    'demo.load': (input) => importDemoShop(ctx.db, { ...input, asOf: input.asOf ?? ctx.today(), importedAt: ctx.now() }),
    'demo.remove': () => removeDemoShopBackedUp(ctx.db, backupFolder(ctx.db, ctx.dbPath), ctx.now()),
    // the job's reply is only its id: its audit line is written when it has finished
    'demo.removeStart': () =>
      startDemoRemoveJob(jobsOf(ctx), {
        db: ctx.db,
        backupFolder: backupFolder(ctx.db, ctx.dbPath),
        undoneAt: ctx.now(),
        onDone: (result) => auditJobDone(ctx, 'demo.removeStart', result)
      }),
    'demo.status': () => {
      const record = readDemoRecord(ctx.db)
      return { loaded: record !== null, loadedAt: record?.loadedAt ?? null, batches: record?.batches ?? [] }
    },
    'demo.files': async (input) => {
      // as of the shop's today, so the samples' sales end where the shop's calendar is
      const demo = await buildDemoFiles(input.customers, input.seed, ctx.today())
      return { files: demo.files.map((f) => ({ name: f.name, kind: f.kind, dataBase64: f.bytes.toString('base64') })) }
    }
  }
}
