/**
 * The loopback browser host: serves the built renderer and the contract as
 * POST /api/<namespace.method> on 127.0.0.1 only. Every API call must carry the per-launch
 * token in X-Evergreen-Token; a foreign Host (DNS rebinding) or Origin (another site in the
 * same browser) is refused. No CORS headers are ever sent. POST /notices (same token) is how
 * the page hears about the app server stopping and restarting (notice-feed.ts: a long poll).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { timingSafeEqual } from 'node:crypto'
import type { Dispatch } from '../ipc/dispatcher'
import { contentSecurityPolicy } from '../../shared/security'
import type { NoticeFeed } from './notice-feed'
import { failFrom } from '../../shared/result'
import { refuse } from '../../shared/errors/refuse'

export interface HostOptions {
  dispatch: Dispatch
  token: string
  /** the built renderer (out/renderer) */
  rendererDir: string
  /** largest request body accepted, bytes */
  maxBody?: number
  /** the app server's notices for the page (absent: the page is told none) */
  notices?: NoticeFeed
  /** how long a POST /notices waits for a notice before answering none, ms (default 25 s) */
  noticeWaitMs?: number
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf'
}

export function createHostServer(options: HostOptions): Server {
  const maxBody = options.maxBody ?? 256 * 1024 * 1024
  const expected = Buffer.from(options.token)
  const server = createServer((req, res) => {
    handle(req, res).catch((e) => send(res, 500, { ok: false, code: 'INTERNAL', message: String(e) }))
  })

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const port = (server.address() as { port: number } | null)?.port
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`]
    if (!req.headers.host || !allowedHosts.includes(req.headers.host)) return send(res, 403, { error: 'foreign host' })
    const origin = req.headers.origin
    if (origin !== undefined && !allowedHosts.map((h) => `http://${h}`).includes(origin)) {
      return send(res, 403, { error: 'foreign origin' })
    }
    const url = new URL(req.url ?? '/', `http://${req.headers.host}`)
    const isNotices = url.pathname === '/notices'
    if (url.pathname.startsWith('/api/') || isNotices) {
      if (req.method !== 'POST') return send(res, 405, { error: 'POST only' })
      const given = Buffer.from(String(req.headers['x-evergreen-token'] ?? ''))
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return send(res, 401, { error: 'token required' })
      const body = await readBody(req, maxBody)
      if (body === null) return send(res, 413, failFrom(refuse('requestTooLarge', { max: sizeText(maxBody) })))
      let input: unknown
      try {
        input = body.length ? JSON.parse(body.toString('utf8')) : {}
      } catch {
        return send(res, 400, failFrom(refuse('bodyNotJson')))
      }
      if (isNotices) {
        const batch = await nextNotices(input)
        // the host is stopping: end this connection, or the page's next question would keep it open
        if (options.notices?.isClosed()) res.setHeader('Connection', 'close')
        return send(res, 200, batch)
      }
      const channel = decodeURIComponent(url.pathname.slice('/api/'.length))
      return send(res, 200, await options.dispatch(channel, input))
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: 'method not allowed' })
    return serveStatic(url.pathname, res)
  }

  function nextNotices(input: unknown) {
    const after = (input as { after?: unknown } | null)?.after
    const n = typeof after === 'number' && Number.isInteger(after) && after >= 0 ? after : undefined
    if (!options.notices) return Promise.resolve({ seq: 0, notices: [] })
    return options.notices.next(n, options.noticeWaitMs ?? 25_000)
  }

  async function serveStatic(pathname: string, res: ServerResponse): Promise<void> {
    const root = normalize(options.rendererDir + sep)
    const wanted = normalize(join(root, decodeURIComponent(pathname)))
    // path traversal: never serve outside the renderer folder
    if (!wanted.startsWith(root)) return send(res, 403, { error: 'outside root' })
    let file = wanted
    const info = await stat(file).catch(() => null)
    if (!info || info.isDirectory()) file = join(root, 'index.html') // the SPA answers every route
    const data = await readFile(file).catch(() => null)
    if (!data) return send(res, 404, { error: 'not found' })
    res.writeHead(200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Content-Security-Policy': contentSecurityPolicy,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': 'no-store'
    })
    res.end(data)
  }

  return server
}

function send(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' })
  res.end(JSON.stringify(body))
}

function readBody(req: IncomingMessage, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let over = false
    req.on('data', (c: Buffer) => {
      size += c.length
      if (size > max) over = true
      else chunks.push(c)
    })
    req.on('end', () => resolve(over ? null : Buffer.concat(chunks)))
    req.on('error', reject)
  })
}

/** A byte limit as people write it (256 MB, 64 KB), the same in either language. */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.floor(bytes / 1024 / 1024)} MB`
  if (bytes >= 1024) return `${Math.floor(bytes / 1024)} KB`
  return `${bytes} B`
}
