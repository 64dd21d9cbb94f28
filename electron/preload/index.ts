/**
 * Builds window.api from the contract: one function per channel, nothing else. The
 * renderer never sees ipcRenderer. File paths of dropped files come through webUtils; the
 * app server's stop/restart notices (main's webContents.send) through onServerNotice.
 */
import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron'
import { channels, splitChannel } from '../../shared/ipc-contract'
import { SERVER_NOTICE_EVENT } from '../../shared/server-notice'

const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
for (const channel of channels) {
  const [ns, method] = splitChannel(channel)
  api[ns] ??= {}
  api[ns][method] = (input?: unknown) => ipcRenderer.invoke(channel, input ?? {})
}

contextBridge.exposeInMainWorld('api', api)
contextBridge.exposeInMainWorld('platform', {
  transport: 'electron',
  pathForFile: (file: File) => webUtils.getPathForFile(file),
  /** the page gets the notice's data only, never the IPC event; returns how to stop listening */
  onServerNotice: (listener: (notice: unknown) => void) => {
    const relay = (_e: IpcRendererEvent, notice: unknown) => listener(notice)
    ipcRenderer.on(SERVER_NOTICE_EVENT, relay)
    return () => void ipcRenderer.removeListener(SERVER_NOTICE_EVENT, relay)
  }
})
