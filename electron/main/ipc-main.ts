/**
 * Electron's side of the contract: one ipcMain.handle per channel. A message is answered
 * only when it comes from the app's own top frame; everything else gets FORBIDDEN.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron'
import { channels } from '../../shared/ipc-contract'
import { fail } from '../../shared/result'
import type { Dispatch } from '../ipc/dispatcher'
import { isAppUrl } from './security'

export function isTrustedSender(event: IpcMainInvokeEvent, appOrigin: string): boolean {
  const frame = event.senderFrame
  if (!frame || frame.parent !== null) return false
  return isAppUrl(frame.url, appOrigin)
}

export function registerIpc(ipcMain: IpcMain, dispatch: Dispatch, appOrigin: string): void {
  for (const channel of channels) {
    ipcMain.handle(channel, (event, input: unknown) => {
      if (!isTrustedSender(event, appOrigin)) return fail('FORBIDDEN', 'untrusted sender')
      return dispatch(channel, input)
    })
  }
}
