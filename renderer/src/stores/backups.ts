/** Backups, restore, the full export and the audit trail (设置 › 备份与审计). */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BackupInfo } from '@shared/schemas/backups'
import type { BackupJobKind, JobProgress } from '@shared/schemas/jobs'
import type { Result } from '@shared/result'
import { useCall } from './call'
import { cancelJob, runJob } from './job-follow'
import { saveBase64 } from '@/composables/download'

interface AuditLine {
  id: number
  at: string
  staff: string | null
  action: string
  detail: string | null
}

export const useBackupsStore = defineStore('backups', () => {
  const folder = ref('')
  const backups = ref<BackupInfo[]>([])
  const audit = ref<AuditLine[]>([])
  const auditTotal = ref(0)
  const listing = useCall()
  const working = useCall()
  /** The backup, restore or export running as a job, while it runs and after: its phase in words and steps done. */
  const job = ref<JobProgress | null>(null)

  /**
   * Start a job and follow it to its end; a cancel is no failure to show (answers undefined).
   * The server answers the window's other calls between the job's steps.
   */
  async function asJob<T>(kind: BackupJobKind, start: () => Promise<Result<{ jobId: string }>>): Promise<T | undefined> {
    const end = await runJob(working, job, kind, start)
    return end?.data as T | undefined
  }

  /** Stop the running backup, restore or export: it leaves no file, the shop as it was. */
  async function cancel(): Promise<void> {
    await cancelJob(job.value)
  }

  /** The backup list and the newest audit lines. */
  async function load(): Promise<void> {
    const r = await listing.run(() => window.api.backups.list())
    if (r) {
      folder.value = r.folder
      backups.value = r.backups
    }
    const a = await listing.run(() => window.api.audit.list({ limit: 50 }))
    if (a) {
      audit.value = a.rows
      auditTotal.value = a.total
    }
  }

  /** Make a backup now; answers it, or undefined when refused. */
  async function create(): Promise<BackupInfo | undefined> {
    const b = await asJob<BackupInfo>('backups.create', () => window.api.backups.createStart({}))
    await load()
    return b
  }

  /** Put a backup back; the state it replaces is kept as a backup of its own. */
  async function restore(name: string): Promise<boolean> {
    const r = await asJob<unknown>('backups.restore', () => window.api.backups.restoreStart({ name }))
    await load()
    return r !== undefined
  }

  /** Download everything as one zip of CSV files. */
  async function exportAll(fileName: string): Promise<boolean> {
    const r = await asJob<{ dataBase64: string | null }>('backups.exportAll', () => window.api.backups.exportAllStart({}))
    if (r?.dataBase64) saveBase64(r.dataBase64, fileName, 'application/zip')
    await load()
    return r !== undefined
  }

  return { folder, backups, audit, auditTotal, listing, working, job, load, create, restore, exportAll, cancel }
})
