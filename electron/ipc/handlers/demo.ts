import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { importDemoShop } from '../../services/demo/demo-import'
import { removeDemoShopBackedUp } from '../../services/demo/demo-removal'
import { readDemoRecord } from '../../services/demo/demo-record'
import { buildDemoFiles } from '../../services/demo/demo-files'
import { backupFolder } from '../../services/backups/online-backup'

export function demoHandlers(ctx: AppContext): HandlerGroup<'demo'> {
  return {
    'demo.load': (input) => importDemoShop(ctx.db, { ...input, asOf: input.asOf ?? ctx.today(), importedAt: ctx.now() }),
    'demo.remove': () => removeDemoShopBackedUp(ctx.db, backupFolder(ctx.db, ctx.dbPath), ctx.now()),
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
