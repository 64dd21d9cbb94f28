/**
 * The app lock as the UI sees it. The main process is the authority (it answers LOCKED to
 * every data call while locked); this store mirrors that so the lock screen shows, and
 * remembers whether the page behind it may be rendered yet: after a locked start the page is
 * only mounted once unlocked, so nothing asks for data the lock would refuse.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { LockStatus } from '@shared/schemas/lock'
import { attempt, useCall } from './call'

export const useLockStore = defineStore('lock', () => {
  const status = ref<LockStatus | null>(null)
  /** the page behind the lock may render: unlocked at least once (or the status could not be read) */
  const pageAllowed = ref(false)
  /** the last guess was checked and wrong */
  const wrong = ref(false)
  /** the moment (performance.now) the current wait was read, for the countdown */
  const waitReadAt = ref(0)
  const unlocking = useCall({ quiet: true })
  const saving = useCall({ quiet: true })

  const enabled = computed(() => status.value?.enabled ?? false)
  const locked = computed(() => status.value?.locked ?? false)

  function accept(s: LockStatus): void {
    status.value = s
    waitReadAt.value = performance.now()
    if (!s.locked) {
      pageAllowed.value = true
      wrong.value = false
    }
  }

  let refreshing: Promise<void> | null = null
  /** Ask the app; if it cannot answer, show the page anyway (every call is still guarded main-side). */
  function refresh(): Promise<void> {
    refreshing ??= (async () => {
      const s = await attempt(window.api.lock.status(), { quiet: true })
      if (s) accept(s)
      else pageAllowed.value = true
    })().finally(() => (refreshing = null))
    return refreshing
  }

  /**
   * The window opens locked whenever a passcode is set: a fresh start of the app is locked by
   * the main process already, and a reload (or a second browser tab) counts as a start too.
   */
  async function start(): Promise<void> {
    const s = await attempt(window.api.lock.status(), { quiet: true })
    if (!s) {
      pageAllowed.value = true
      return
    }
    const locked = s.enabled && !s.locked ? await attempt(window.api.lock.lock(), { quiet: true }) : undefined
    accept(locked ?? s)
  }

  /** Some call answered LOCKED (idle lock from another window, a restart): show the lock screen. */
  function noteLocked(): void {
    if (status.value) status.value = { ...status.value, locked: true }
    void refresh()
  }

  async function unlock(passcode: string): Promise<void> {
    const r = await unlocking.run(() => window.api.lock.unlock({ passcode }))
    if (!r) return
    const { wrong: wasWrong, ...s } = r
    accept(s)
    wrong.value = wasWrong
  }

  /** Lock now (button, Ctrl+L, idle); nothing happens without a passcode. */
  async function lockNow(): Promise<void> {
    if (!enabled.value || locked.value) return
    const s = await attempt(window.api.lock.lock())
    if (s) {
      wrong.value = false
      accept(s)
    }
  }

  async function setPasscode(passcode: string, current?: string): Promise<boolean> {
    const s = await saving.run(() => window.api.lock.set(current === undefined ? { passcode } : { current, passcode }))
    if (s) accept(s)
    return s !== undefined
  }

  async function clearPasscode(current: string): Promise<boolean> {
    const s = await saving.run(() => window.api.lock.clear({ current }))
    if (s) accept(s)
    return s !== undefined
  }

  async function setIdle(minutes: number): Promise<boolean> {
    const s = await saving.run(() => window.api.lock.setIdle({ minutes }))
    if (s) accept(s)
    return s !== undefined
  }

  return {
    status,
    pageAllowed,
    wrong,
    waitReadAt,
    enabled,
    locked,
    unlocking,
    saving,
    start,
    refresh,
    noteLocked,
    unlock,
    lockNow,
    setPasscode,
    clearPasscode,
    setIdle
  }
})
