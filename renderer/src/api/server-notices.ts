/**
 * The app server's stop/restart notices in a plain browser: HTTP cannot push, so the page asks
 * the host (POST /notices, with the token header every call carries) for what came after the last notice
 * it saw, and the host holds the question until one comes. When the host itself cannot be
 * reached the page waits and asks again; it never throws.
 */
import { NoticeBatch, type ServerNotice } from '@shared/server-notice'

type FetchFn = (url: string, init: RequestInit) => Promise<Response>

export interface NoticeWatchOptions {
  /** wait before asking again after a failure, ms */
  retryMs?: number
  sleep?: (ms: number) => Promise<void>
}

/** Listen for notices until the returned function is called. */
export function watchServerNotices(
  fetchFn: FetchFn,
  headers: Record<string, string>,
  listener: (n: ServerNotice) => void,
  options: NoticeWatchOptions = {}
): () => void {
  const retryMs = options.retryMs ?? 3000
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)))
  let stopped = false
  let after: number | undefined

  async function ask(): Promise<NoticeBatch | null> {
    try {
      const res = await fetchFn('/notices', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...headers },
        body: JSON.stringify(after === undefined ? {} : { after })
      })
      if (!res.ok) return null
      const parsed = NoticeBatch.safeParse(await res.json())
      return parsed.success ? parsed.data : null
    } catch {
      return null
    }
  }

  void (async () => {
    while (!stopped) {
      const batch = await ask()
      if (stopped) return
      if (!batch) {
        await sleep(retryMs)
        continue
      }
      after = batch.seq
      batch.notices.forEach(listener)
    }
  })()
  return () => {
    stopped = true
  }
}
