import { readFileSync, writeFileSync } from 'node:fs'
import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { backupFolder, createBackup, listBackups, restoreBackup } from '../../services/backups/online-backup'
import { exportAll, importAll } from '../../services/backups/full-export'
import { listAudit } from '../../services/audit/audit-log'
import { checkedWritePath, checkedReadPath } from '../../services/backups/user-paths'

export function backupsHandlers(ctx: AppContext): HandlerGroup<'backups' | 'audit'> {
  const folder = () => backupFolder(ctx.db, ctx.dbPath)
  return {
    'backups.list': () => ({ folder: folder(), backups: listBackups(folder()) }),
    'backups.create': () => createBackup(ctx.db, folder(), ctx.now(), 'manual'),
    'backups.restore': ({ name }) => restoreBackup(ctx.db, folder(), name, ctx.now()),
    'backups.exportAll': ({ path }) => {
      const { zip, manifest } = exportAll(ctx.db, ctx.now())
      const rows = manifest.tables.reduce((s, t) => s + t.rows, 0)
      if (path) {
        const file = checkedWritePath(path, ['.zip'])
        writeFileSync(file, zip)
        return { file, dataBase64: null, tables: manifest.tables.length, rows, bytes: zip.length }
      }
      return { file: null, dataBase64: Buffer.from(zip).toString('base64'), tables: manifest.tables.length, rows, bytes: zip.length }
    },
    'backups.importAll': (source) => {
      const bytes = 'path' in source ? readFileSync(checkedReadPath(source.path, ['.zip'])) : Buffer.from(source.dataBase64, 'base64')
      return importAll(ctx.db, bytes)
    },
    'audit.list': ({ limit, offset }) => listAudit(ctx.db, limit, offset)
  }
}
