/** Opening links in the system browser, after the same check the window guards use. */
import { shell } from 'electron'
import { isSafeExternalUrl } from '../main/security'

export function openExternalChecked(url: string): void {
  if (isSafeExternalUrl(url)) void shell.openExternal(url)
}
