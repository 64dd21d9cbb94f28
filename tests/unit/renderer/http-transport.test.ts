import { describe, expect, it, vi } from 'vitest'
import { createHttpApi, installHttpTransport, takeToken, TOKEN_STORAGE_KEY } from '../../../renderer/src/api/http-transport'
import { channels } from '../../../shared/ipc-contract'

function memoryStorage(): Storage {
  const m = new Map<string, string>()
  return {
    get length() {
      return m.size
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v)
  }
}

function fakeHistory() {
  return { state: { back: null }, replaceState: vi.fn() } as unknown as History & { replaceState: ReturnType<typeof vi.fn> }
}

const loc = (href: string) => ({ href }) as Location

function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } })
}

describe('takeToken', () => {
  it('keeps the token from the address in sessionStorage and removes it from the address bar', () => {
    const storage = memoryStorage()
    const history = fakeHistory()
    const token = takeToken(loc('http://127.0.0.1:5199/?token=abc123&x=1#/customers'), storage, history)
    expect(token).toBe('abc123')
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe('abc123')
    expect(history.replaceState).toHaveBeenCalledWith({ back: null }, '', '/?x=1#/customers')
  })

  it('reads the stored token after a reload, without touching the address', () => {
    const storage = memoryStorage()
    storage.setItem(TOKEN_STORAGE_KEY, 'kept')
    const history = fakeHistory()
    expect(takeToken(loc('http://127.0.0.1:5199/#/settings'), storage, history)).toBe('kept')
    expect(history.replaceState).not.toHaveBeenCalled()
  })

  it('prefers a fresh token in the address over a stored one from an earlier launch', () => {
    const storage = memoryStorage()
    storage.setItem(TOKEN_STORAGE_KEY, 'old')
    expect(takeToken(loc('http://127.0.0.1:5199/?token=new'), storage, fakeHistory())).toBe('new')
    expect(storage.getItem(TOKEN_STORAGE_KEY)).toBe('new')
  })
})

describe('createHttpApi', () => {
  it('has one function per contract channel', () => {
    const api = createHttpApi(vi.fn(), 't') as unknown as Record<string, Record<string, unknown>>
    for (const channel of channels) {
      const [ns, method] = channel.split('.')
      expect(typeof api[ns][method], channel).toBe('function')
    }
  })

  it('posts the input as JSON to /api/<channel> with the token header and answers the envelope', async () => {
    const fetchFn = vi.fn(async () => jsonResponse(200, { ok: true, data: { locale: 'en' } }))
    const api = createHttpApi(fetchFn, 'tok')
    const result = await api.settings.update({ locale: 'en' })
    expect(result).toEqual({ ok: true, data: { locale: 'en' } })
    expect(fetchFn).toHaveBeenCalledWith('/api/settings.update', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Evergreen-Token': 'tok' },
      body: '{"locale":"en"}'
    })
  })

  it('sends an empty object when a channel is called without input', async () => {
    const fetchFn = vi.fn(async () => jsonResponse(200, { ok: true, data: {} }))
    await createHttpApi(fetchFn, 'tok').app.info()
    expect((fetchFn.mock.calls[0] as unknown as [string, RequestInit])[1].body).toBe('{}')
  })

  it('passes a service failure through unchanged', async () => {
    const fail = { ok: false, code: 'BAD_INPUT', message: '生命周期阈值必须逐级递增' }
    const api = createHttpApi(
      vi.fn(async () => jsonResponse(200, fail)),
      'tok'
    )
    expect(await api.settings.update({ staffName: 'x' })).toEqual(fail)
  })

  it.each([401, 403])('turns HTTP %i into a FORBIDDEN envelope', async (status) => {
    const api = createHttpApi(
      vi.fn(async () => jsonResponse(status, { error: 'token required' })),
      'bad'
    )
    const result = await api.app.info()
    expect(result).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(result.ok === false && result.message).toContain(`HTTP ${status}`)
  })

  it('keeps the envelope of a 400 answer (body is not JSON)', async () => {
    const fail = { ok: false, code: 'BAD_INPUT', message: 'body is not JSON' }
    const api = createHttpApi(
      vi.fn(async () => jsonResponse(400, fail)),
      'tok'
    )
    expect(await api.app.info()).toEqual(fail)
  })

  it('turns a 500 without an envelope into INTERNAL', async () => {
    const api = createHttpApi(
      vi.fn(async () => new Response('oops', { status: 500 })),
      'tok'
    )
    expect(await api.app.info()).toMatchObject({ ok: false, code: 'INTERNAL', message: expect.stringContaining('HTTP 500') })
  })

  it('turns a network failure into INTERNAL instead of throwing', async () => {
    const api = createHttpApi(
      vi.fn(async () => {
        throw new TypeError('Failed to fetch')
      }),
      'tok'
    )
    expect(await api.app.info()).toMatchObject({ ok: false, code: 'INTERNAL', message: expect.stringContaining('Failed to fetch') })
  })
})

describe('installHttpTransport', () => {
  function fakeWindow(href: string, api?: unknown) {
    return {
      api,
      location: loc(href),
      sessionStorage: memoryStorage(),
      history: fakeHistory(),
      fetch: vi.fn(async () => jsonResponse(200, { ok: true, data: 1 }))
    } as unknown as Window & { fetch: ReturnType<typeof vi.fn> }
  }

  it('installs window.api and a web platform when no preload ran', async () => {
    const win = fakeWindow('http://127.0.0.1:5199/?token=zz')
    installHttpTransport(win)
    expect(win.platform).toEqual({ transport: 'web', onServerNotice: expect.any(Function) })
    await win.api.app.info()
    expect((win.fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers).toMatchObject({ 'X-Evergreen-Token': 'zz' })
  })

  it('leaves the Electron preload’s window.api alone', () => {
    const preloadApi = { app: {} }
    const win = fakeWindow('file:///app/index.html', preloadApi)
    installHttpTransport(win)
    expect(win.api).toBe(preloadApi)
    expect(win.platform).toBeUndefined()
  })
})
