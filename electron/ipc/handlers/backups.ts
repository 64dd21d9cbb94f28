import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { backupFolder, createBackup, createBackupSteps, listBackups, restoreBackup, restoreBackupSteps } from '../../services/backups/online-backup'
import { exportAllTo, exportAllToSteps, importAllFrom, importAllFromSteps } from '../../services/backups/export-file'
import { listAudit } from '../../services/audit/audit-log'
import { checkedWritePath, checkedReadPath } from '../../services/backups/user-paths'
import { jobsOf } from '../../services/jobs/context-jobs'
import { startBackupJob } from '../../services/jobs/backup-job'
import { auditJobDone } from '../audit-trail'
import type { Channel } from '../../../shared/ipc-contract'
import type { ParsedInput } from '../../../shared/ipc-contract'

export function backupsHandlers(ctx: AppContext): HandlerGroup<'backups' | 'audit'> {
  const folder = () => backupFolder(ctx.db, ctx.dbPath)
  // a path the user named is checked here, at the boundary (before a job starts); the service only writes or reads it
  const exportPath = (path: string | undefined) => (path ? checkedWritePath(path, ['.zip']) : null)
  const importSource = (source: ParsedInput<'backups.importAll'>) =>
    'path' in source ? { file: checkedReadPath(source.path, ['.zip']) } : { dataBase64: source.dataBase64 }
  // a job's reply is only its id: its audit line is written when it has finished
  const place = (channel: Channel, extra: Record<string, unknown> = {}) => ({
    db: ctx.db,
    dbPath: ctx.dbPath,
    onDone: (result: unknown) => auditJobDone(ctx, channel, { ...(result as object), ...extra })
  })
  return {
    'backups.list': () => ({ folder: folder(), backups: listBackups(folder()) }),
    'backups.create': () => createBackup(ctx.db, folder(), ctx.now(), 'manual'),
    'backups.restore': ({ name }) => restoreBackup(ctx.db, folder(), name, ctx.now()),
    'backups.exportAll': ({ path }) => exportAllTo(ctx.db, ctx.now(), exportPath(path)),
    'backups.importAll': (source) => importAllFrom(ctx.db, importSource(source)),
    'backups.createStart': () => {
      const [dir, at] = [folder(), ctx.now()]
      return startBackupJob(jobsOf(ctx), 'backups.create', place('backups.createStart'), (c) => createBackupSteps(ctx.db, dir, at, 'manual', c))
    },
    'backups.restoreStart': ({ name }) => {
      const [dir, at] = [folder(), ctx.now()]
      return startBackupJob(jobsOf(ctx), 'backups.restore', place('backups.restoreStart', { name }), (c) => restoreBackupSteps(ctx.db, dir, name, at, c))
    },
    'backups.exportAllStart': ({ path }) => {
      const [file, at] = [exportPath(path), ctx.now()]
      return startBackupJob(jobsOf(ctx), 'backups.exportAll', place('backups.exportAllStart'), (c) => exportAllToSteps(ctx, at, file, c))
    },
    'backups.importAllStart': (source) => {
      const from = importSource(source)
      return startBackupJob(jobsOf(ctx), 'backups.importAll', place('backups.importAllStart'), (c) => importAllFromSteps(ctx.db, from, c))
    },
    'audit.list': ({ limit, offset }) => listAudit(ctx.db, limit, offset)
  }
}
