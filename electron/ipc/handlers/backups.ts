import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { backupFolder, createBackup, listBackups, restoreBackup } from '../../services/backups/online-backup'
import { exportAllTo, importAllFrom } from '../../services/backups/export-file'
import { listAudit } from '../../services/audit/audit-log'
import { checkedWritePath, checkedReadPath } from '../../services/backups/user-paths'

export function backupsHandlers(ctx: AppContext): HandlerGroup<'backups' | 'audit'> {
  const folder = () => backupFolder(ctx.db, ctx.dbPath)
  return {
    'backups.list': () => ({ folder: folder(), backups: listBackups(folder()) }),
    'backups.create': () => createBackup(ctx.db, folder(), ctx.now(), 'manual'),
    'backups.restore': ({ name }) => restoreBackup(ctx.db, folder(), name, ctx.now()),
    // a path the user named is checked here, at the boundary; the service only writes or reads it
    'backups.exportAll': ({ path }) => exportAllTo(ctx.db, ctx.now(), path ? checkedWritePath(path, ['.zip']) : null),
    'backups.importAll': (source) =>
      importAllFrom(ctx.db, 'path' in source ? { file: checkedReadPath(source.path, ['.zip']) } : { dataBase64: source.dataBase64 }),
    'audit.list': ({ limit, offset }) => listAudit(ctx.db, limit, offset)
  }
}
