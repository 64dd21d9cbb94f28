import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { importDemoShop } from '../../services/demo/demo-import'
import { removeDemoShop } from '../../services/demo/demo-removal'
import { readDemoRecord } from '../../services/demo/demo-record'
import { buildDemoFiles } from '../../services/demo/demo-files'
import { backupFolder, createBackup } from '../../services/backups/online-backup'
import { recordAudit } from '../../services/audit/audit-log'

export function demoHandlers(ctx: AppContext): HandlerGroup<'demo'> {
  return {
    'demo.load': async (input) => {
      const r = await importDemoShop(ctx.db, { ...input, asOf: input.asOf ?? ctx.today(), importedAt: ctx.now() })
      recordAudit(ctx.db, ctx.now(), 'import', `demo shop loaded as batches ${r.batches.join(', ')}: ${r.customers} customers, ${r.lines} lines`)
      return r
    },
    'demo.remove': async () => {
      // removing is an undo of several batches: a backup first, as before any undo
      if (!ctx.db.memory && readDemoRecord(ctx.db)) await createBackup(ctx.db, backupFolder(ctx.db, ctx.dbPath), ctx.now(), 'before-undo')
      const r = removeDemoShop(ctx.db, ctx.now())
      recordAudit(ctx.db, ctx.now(), 'undo-import', `demo shop removed: batches ${r.batchesUndone.join(', ')} undone`)
      return r
    },
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
