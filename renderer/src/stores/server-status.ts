/**
 * What the window knows about its app server, from the front's notices (Electron's preload
 * events, the browser host's /notices): it stopped and is coming back, it is back (and how many
 * steps in progress were not saved), or it cannot run. The shell's banner shows this; the calls
 * that were lost answer their own stores with an error as any failure does.
 */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import { ServerNotice } from '@shared/server-notice'

export type ServerBanner =
  | { state: 'restarting'; callsFailed: number }
  | { state: 'restarted'; callsFailed: number }
  | { state: 'failed'; reason: 'startup' | 'gave-up'; message: string }

export const useServerStatusStore = defineStore('server-status', () => {
  const banner = ref<ServerBanner | null>(null)
  let stopListening: (() => void) | null = null

  /** Fold one notice into the banner (a second stop before the restart adds its lost steps). */
  function receive(raw: unknown): void {
    const parsed = ServerNotice.safeParse(raw)
    if (!parsed.success) return
    const n = parsed.data
    const lostBefore = banner.value && banner.value.state !== 'failed' ? banner.value.callsFailed : 0
    if (n.kind === 'stopped') banner.value = { state: 'restarting', callsFailed: lostBefore + n.callsFailed }
    else if (n.kind === 'restarted') banner.value = { state: 'restarted', callsFailed: lostBefore }
    else banner.value = { state: 'failed', reason: n.reason, message: n.message }
  }

  /** Start listening (once; the shell calls this when it mounts). */
  function listen(): void {
    if (stopListening || !window.platform?.onServerNotice) return
    stopListening = window.platform.onServerNotice(receive)
  }

  function dismiss(): void {
    banner.value = null
  }

  return { banner, receive, listen, dismiss }
})
