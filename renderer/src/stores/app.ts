/**
 * App-wide state: the notices (toasts) every store's failures end up in, and what the app
 * says about itself (version, database, today's date).
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '@shared/schemas/app'
import type { ErrorCode } from '@shared/result'
import { unwrapInto } from './call'

export type NoticeKind = 'error' | 'info' | 'success'
export interface Notice {
  id: number
  kind: NoticeKind
  message: string
  code?: ErrorCode
}

export const useAppStore = defineStore('app', () => {
  const notices = ref<Notice[]>([])
  const info = ref<AppInfo | null>(null)
  let nextId = 1

  /** Show a notice; the same message twice in a row is shown once. */
  function notify(kind: NoticeKind, message: string, code?: ErrorCode): number {
    const last = notices.value[notices.value.length - 1]
    if (last && last.kind === kind && last.message === message) return last.id
    const id = nextId++
    notices.value.push({ id, kind, message, code })
    return id
  }

  function dismiss(id: number): void {
    notices.value = notices.value.filter((n) => n.id !== id)
  }

  /** Version, database path, schema version and today's date. */
  async function loadInfo(): Promise<void> {
    await unwrapInto(window.api.app.info(), info)
  }

  return { notices, info, notify, dismiss, loadInfo }
})
