import { EventEmitter } from 'node:events'
import { describe, expect, it, vi } from 'vitest'
import { mainWindowOptions } from '../../../electron/main/window-options'
import { guardSession, guardWebContents, isAppUrl, isSafeExternalUrl } from '../../../electron/main/security'
import { contentSecurityPolicy } from '../../../shared/security'

class FakeContents extends EventEmitter {
  openHandler?: (d: { url: string }) => { action: string }
  setWindowOpenHandler(h: (d: { url: string }) => { action: string }) {
    this.openHandler = h
  }
  /** emit like Electron: answers whether a listener prevented the default */
  fire(event: string, url?: string): boolean {
    let prevented = false
    this.emit(event, { preventDefault: () => (prevented = true) }, url)
    return prevented
  }
}

describe('the main window', () => {
  it('isolates the renderer: context isolation, sandbox, no Node', () => {
    const o = mainWindowOptions('/app/preload.cjs')
    expect(o.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false
    })
  })
})

describe('navigation guards', () => {
  it('blocks navigation to any other site', () => {
    const wc = new FakeContents()
    guardWebContents(wc as never, 'file://', () => {})
    expect(wc.fire('will-navigate', 'https://evil.example/')).toBe(true)
    expect(wc.fire('will-redirect', 'http://127.0.0.1:9/')).toBe(true)
    expect(wc.fire('will-navigate', 'file:///app/out/renderer/index.html#/customers')).toBe(false)
  })

  it('denies every new window and opens only safe links outside', () => {
    const wc = new FakeContents()
    const opened: string[] = []
    guardWebContents(wc as never, 'file://', (u) => opened.push(u))
    expect(wc.openHandler!({ url: 'https://example.com/help' })).toEqual({ action: 'deny' })
    expect(wc.openHandler!({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' })
    expect(wc.openHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' })
    expect(opened).toEqual(['https://example.com/help'])
  })

  it('refuses webviews', () => {
    const wc = new FakeContents()
    guardWebContents(wc as never, 'file://', () => {})
    expect(wc.fire('will-attach-webview')).toBe(true)
  })

  it.each([
    ['https://shop.example/x', true],
    ['http://shop.example/', true],
    ['https://user:pw@shop.example/', false],
    ['smb://server/share', false],
    ['not a url', false]
  ])('treats %s as a safe external link: %s', (url, safe) => {
    expect(isSafeExternalUrl(url)).toBe(safe)
  })

  it('knows the dev server origin from other localhost ports', () => {
    expect(isAppUrl('http://localhost:5173/#/x', 'http://localhost:5173')).toBe(true)
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false)
  })
})

describe('the session', () => {
  it('adds the strict CSP to every response and grants no permission', () => {
    let headersHook: ((d: { responseHeaders: Record<string, string[]> }, cb: (r: unknown) => void) => void) | undefined
    let permissionHook: ((wc: unknown, p: string, cb: (ok: boolean) => void) => void) | undefined
    const session = {
      webRequest: { onHeadersReceived: (h: typeof headersHook) => (headersHook = h) },
      setPermissionRequestHandler: (h: typeof permissionHook) => (permissionHook = h)
    }
    guardSession(session as never)
    const cb = vi.fn()
    headersHook!({ responseHeaders: { a: ['b'] } }, cb)
    expect(cb).toHaveBeenCalledWith({ responseHeaders: { a: ['b'], 'Content-Security-Policy': [contentSecurityPolicy] } })
    const answer = vi.fn()
    permissionHook!({}, 'media', answer)
    expect(answer).toHaveBeenCalledWith(false)
    expect(contentSecurityPolicy).toContain("script-src 'self'")
    expect(contentSecurityPolicy).not.toContain('unsafe-eval')
  })
})
