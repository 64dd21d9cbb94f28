/**
 * The browser host's notices for the page, kept so a page can ask for them: HTTP has no way
 * to push, so the page asks "anything after n?" and the question waits (a long poll) until a
 * notice comes or `waitMs` pass. A page that has seen nothing yet is told only the standing
 * state (the server cannot run), not old stops it was not open for.
 */
import type { NoticeBatch, ServerNotice } from '../../shared/server-notice'

export interface NoticeFeed {
  push(notice: ServerNotice): void
  /** notices numbered after `after`; without `after`, the standing state at once */
  next(after: number | undefined, waitMs: number): Promise<NoticeBatch>
  /** answer every waiting question now (the host is closing) */
  close(): void
  /** closed: answers end their connection, so a page's keep-alive does not hold the host open */
  isClosed(): boolean
}

/** how many notices are kept for a page that asks late */
const KEEP = 20

export function createNoticeFeed(): NoticeFeed {
  const kept: { seq: number; notice: ServerNotice }[] = []
  const waiting = new Set<() => void>()
  let seq = 0
  let standing: ServerNotice | null = null
  let closed = false

  const after = (n: number): NoticeBatch => ({ seq, notices: kept.filter((k) => k.seq > n).map((k) => k.notice) })
  const wakeAll = () => [...waiting].forEach((wake) => wake())

  return {
    push(notice) {
      seq++
      kept.push({ seq, notice })
      if (kept.length > KEEP) kept.shift()
      if (notice.kind === 'failed') standing = notice
      wakeAll()
    },
    next(n, waitMs) {
      if (n === undefined) return Promise.resolve({ seq, notices: standing ? [standing] : [] })
      // a page from before a host restart may ask past the end: it starts again from now
      if (n > seq) return Promise.resolve({ seq, notices: standing ? [standing] : [] })
      if (seq > n || closed) return Promise.resolve(after(n))
      return new Promise((resolve) => {
        const wake = () => {
          clearTimeout(timer)
          waiting.delete(wake)
          resolve(after(n))
        }
        const timer = setTimeout(wake, waitMs)
        waiting.add(wake)
      })
    },
    close() {
      closed = true
      wakeAll()
    },
    isClosed: () => closed
  }
}
