/**
 * Builds window.api from the contract: one function per channel, nothing else. The
 * renderer never sees ipcRenderer. File paths of dropped files come through webUtils.
 */
import { contextBridge, ipcRenderer, webUtils } from 'electron'
import { channels, splitChannel } from '../../shared/ipc-contract'

const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
for (const channel of channels) {
  const [ns, method] = splitChannel(channel)
  api[ns] ??= {}
  api[ns][method] = (input?: unknown) => ipcRenderer.invoke(channel, input ?? {})
}

contextBridge.exposeInMainWorld('api', api)
contextBridge.exposeInMainWorld('platform', {
  transport: 'electron',
  pathForFile: (file: File) => webUtils.getPathForFile(file)
})
