/** Backups, restore, the full export and the audit trail (设置 › 备份与审计). */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { BackupInfo } from '@shared/schemas/backups'
import { useCall } from './call'
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
    const b = await working.run(() => window.api.backups.create())
    await load()
    return b
  }

  /** Put a backup back; the state it replaces is kept as a backup of its own. */
  async function restore(name: string): Promise<boolean> {
    const r = await working.run(() => window.api.backups.restore({ name }))
    await load()
    return r !== undefined
  }

  /** Download everything as one zip of CSV files. */
  async function exportAll(fileName: string): Promise<boolean> {
    const r = await working.run(() => window.api.backups.exportAll({}))
    if (r?.dataBase64) saveBase64(r.dataBase64, fileName, 'application/zip')
    await load()
    return r !== undefined
  }

  return { folder, backups, audit, auditTotal, listing, working, load, create, restore, exportAll }
})
