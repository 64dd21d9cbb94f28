/**
 * window.api for the browser host (no preload there): one function per contract channel,
 * each a POST /api/<channel> carrying the per-launch token. Failures of the transport itself
 * come back as the same envelope a service failure does, so stores handle one shape.
 */
import { channels, splitChannel, type Api } from '@shared/ipc-contract'
import type { Fail } from '@shared/result'
import { watchServerNotices } from './server-notices'

export const TOKEN_HEADER = 'X-Evergreen-Token'
export const TOKEN_STORAGE_KEY = 'evergreen.token'

type FetchFn = (url: string, init: RequestInit) => Promise<Response>

/**
 * The token from `?token=` (kept in sessionStorage so a reload still works), removed from the
 * address bar so it does not linger in history or screenshots.
 */
export function takeToken(loc: Location, storage: Storage, history: History): string | null {
  const url = new URL(loc.href)
  const fromUrl = url.searchParams.get('token')
  if (fromUrl) {
    storage.setItem(TOKEN_STORAGE_KEY, fromUrl)
    url.searchParams.delete('token')
    history.replaceState(history.state, '', url.pathname + url.search + url.hash)
    return fromUrl
  }
  return storage.getItem(TOKEN_STORAGE_KEY)
}

function failure(code: Fail['code'], message: string): Fail {
  return { ok: false, code, message }
}

function isEnvelope(body: unknown): body is { ok: boolean } {
  return typeof body === 'object' && body !== null && typeof (body as { ok?: unknown }).ok === 'boolean'
}

/** Call one channel over HTTP; never throws. */
export async function postChannel(fetchFn: FetchFn, token: string | null, channel: string, input: unknown): Promise<unknown> {
  let res: Response
  try {
    res = await fetchFn(`/api/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', [TOKEN_HEADER]: token ?? '' },
      body: JSON.stringify(input ?? {})
    })
  } catch (e) {
    return failure('INTERNAL', `无法连接到常青服务 (cannot reach the Evergreen host: ${e instanceof Error ? e.message : String(e)})`)
  }
  if (res.status === 401 || res.status === 403) {
    return failure('FORBIDDEN', `访问被拒绝，请用启动时打印的完整地址打开 (access refused: HTTP ${res.status}; open the full address printed at start)`)
  }
  let body: unknown
  try {
    body = await res.json()
  } catch {
    body = undefined
  }
  // the host answers some refusals (bad JSON, too large) with a proper envelope: keep it
  if (isEnvelope(body)) return body
  return failure('INTERNAL', `常青服务返回了错误 (the host answered HTTP ${res.status})`)
}

/** An Api whose every function posts to the host. */
export function createHttpApi(fetchFn: FetchFn, token: string | null): Api {
  const api: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {}
  for (const channel of channels) {
    const [ns, method] = splitChannel(channel)
    api[ns] ??= {}
    api[ns][method] = (input?: unknown) => postChannel(fetchFn, token, channel, input)
  }
  return api as unknown as Api
}

/** Install window.api and window.platform when no preload did (the page runs in a plain browser). */
export function installHttpTransport(win: Window = window): void {
  if (win.api !== undefined) return
  const token = takeToken(win.location, win.sessionStorage, win.history)
  win.api = createHttpApi((url, init) => win.fetch(url, init), token)
  win.platform = {
    transport: 'web',
    onServerNotice: (listener) => watchServerNotices((url, init) => win.fetch(url, init), { [TOKEN_HEADER]: token ?? '' }, listener)
  }
}
