/**
 * Guards on every web contents: no navigation away from the app, no new windows, external
 * links only when they are plain http(s) and only through the system browser, a strict CSP
 * on every response, and no permission requests granted.
 */
import type { Session, WebContents } from 'electron'
import { contentSecurityPolicy } from '../../shared/security'

/** True when a URL is the app's own page (the built file or the dev server). */
export function isAppUrl(url: string, appOrigin: string): boolean {
  try {
    const u = new URL(url)
    if (appOrigin === 'file://') return u.protocol === 'file:'
    return u.origin === appOrigin
  } catch {
    return false
  }
}

/** Only http(s) links to real hosts may leave the app, and only to the system browser. */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url)
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0 && !u.username && !u.password
  } catch {
    return false
  }
}

export function guardWebContents(contents: WebContents, appOrigin: string, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault()
  })
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, appOrigin)) event.preventDefault()
  })
  contents.on('will-attach-webview', (event) => event.preventDefault())
  contents.setWindowOpenHandler(({ url }) => {
    if (isSafeExternalUrl(url)) openExternal(url)
    return { action: 'deny' }
  })
}

export function guardSession(session: Session): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [contentSecurityPolicy] }
    })
  })
  session.setPermissionRequestHandler((_wc, _permission, callback) => callback(false))
}
