/// <reference types="vite/client" />
import type { Api } from '@shared/ipc-contract'

/** What the page knows about how it reaches the app: Electron IPC or the loopback HTTP host. */
export type Platform = { transport: 'electron'; pathForFile(file: File): string } | { transport: 'web' }

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
