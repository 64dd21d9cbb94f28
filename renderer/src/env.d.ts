/// <reference types="vite/client" />
import type { Api } from '@shared/ipc-contract'

/** Listen for the app server's stop/restart notices (unparsed: the store parses them); returns how to stop. */
type OnServerNotice = (listener: (notice: unknown) => void) => () => void

/** What the page knows about how it reaches the app: Electron IPC or the loopback HTTP host. */
export type Platform =
  { transport: 'electron'; pathForFile(file: File): string; onServerNotice: OnServerNotice } | { transport: 'web'; onServerNotice: OnServerNotice }

declare global {
  interface Window {
    /** One function per contract channel (preload in Electron, http-transport in a browser). */
    api: Api
    platform: Platform
  }
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue'
  const component: DefineComponent<object, object, unknown>
  export default component
}
