import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { request } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHostServer } from '../../../electron/host/server'
import { createNoticeFeed, type NoticeFeed } from '../../../electron/host/notice-feed'
import { testContext, testDispatch } from '../../helpers/db'
import type { Server } from 'node:http'

const TOKEN = 'test-token-123'
let server: Server
let port: number
let feed: NoticeFeed

function call(path: string, opts: { method?: string; headers?: Record<string, string>; body?: string } = {}) {
  return new Promise<{ status: number; body: string; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers: { Host: `127.0.0.1:${port}`, ...opts.headers } }, (res) => {
      let body = ''
      res.on('data', (c) => (body += c))
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }))
    })
    req.on('error', reject)
    req.end(opts.body)
  })
}

const api = (channel: string, body: unknown, headers: Record<string, string> = { 'X-Evergreen-Token': TOKEN }) =>
  call(`/api/${channel}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })

beforeEach(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'eg-host-'))
  mkdirSync(join(dir, 'assets'))
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>常青</title>')
  writeFileSync(join(dir, 'assets', 'a.js'), 'console.log(1)')
  feed = createNoticeFeed()
  server = createHostServer({ dispatch: testDispatch(testContext('2026-11-23')), token: TOKEN, rendererDir: dir, maxBody: 1024, notices: feed })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  port = (server.address() as AddressInfo).port
})
afterEach(() => {
  feed.close()
  return new Promise<void>((r) => server.close(() => r()))
})

describe('the browser host', () => {
  it('answers a contract call that carries the token', async () => {
    const r = await api('app.info', {})
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toMatchObject({ ok: true, data: { today: '2026-11-23' } })
    expect(r.headers['access-control-allow-origin']).toBeUndefined()
  })

  it('refuses a call without the token with 401', async () => {
    expect((await api('app.info', {}, {})).status).toBe(401)
    expect((await api('app.info', {}, { 'X-Evergreen-Token': 'wrong-token-123' })).status).toBe(401)
  })

  it('refuses a foreign Host (DNS rebinding) with 403', async () => {
    const r = await api('app.info', {}, { 'X-Evergreen-Token': TOKEN, Host: 'evil.example' })
    expect(r.status).toBe(403)
  })

  it('refuses a foreign Origin with 403', async () => {
    const r = await api('app.info', {}, { 'X-Evergreen-Token': TOKEN, Origin: 'https://evil.example' })
    expect(r.status).toBe(403)
    const same = await api('app.info', {}, { 'X-Evergreen-Token': TOKEN, Origin: `http://127.0.0.1:${port}` })
    expect(same.status).toBe(200)
  })

  it('validates input exactly as IPC does', async () => {
    const r = await api('stats.summary', { asOf: 'yesterday' })
    expect(JSON.parse(r.body)).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })

  it('answers a body that is not JSON with 400 and a too large one with 413', async () => {
    const bad = await call('/api/app.info', { method: 'POST', headers: { 'X-Evergreen-Token': TOKEN }, body: '{nope' })
    expect(bad.status).toBe(400)
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, code: 'BAD_INPUT', key: 'bodyNotJson', params: {} })
    const big = await api('app.info', { pad: 'x'.repeat(5000) })
    expect(big.status).toBe(413)
    // the catalogued sentence, so the page words it in its own language
    expect(JSON.parse(big.body)).toEqual({
      ok: false,
      code: 'BAD_INPUT',
      key: 'requestTooLarge',
      params: { max: '1 KB' },
      message: '请求内容太大（最多 1 KB），没有处理 (the request is too large (at most 1 KB); nothing was done)'
    })
  })

  it('serves the renderer with the CSP and never a file outside it', async () => {
    const page = await call('/')
    expect(page.status).toBe(200)
    expect(page.body).toContain('常青')
    expect(String(page.headers['content-security-policy'])).toContain("default-src 'self'")
    expect((await call('/assets/a.js')).body).toBe('console.log(1)')
    const escape = await call('/..%2f..%2f..%2fetc%2fpasswd')
    expect(escape.status).toBe(403)
  })

  it('allows only POST on the API', async () => {
    expect((await call('/api/app.info', { headers: { 'X-Evergreen-Token': TOKEN } })).status).toBe(405)
  })

  it("answers the page's POST /notices with the app server's notices, and only with the token", async () => {
    const notices = (body: unknown, headers: Record<string, string> = { 'X-Evergreen-Token': TOKEN }) =>
      call('/notices', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) })
    expect((await notices({}, {})).status).toBe(401)
    expect((await call('/notices', { headers: { 'X-Evergreen-Token': TOKEN } })).status).toBe(405)
    expect(JSON.parse((await notices({})).body)).toEqual({ seq: 0, notices: [] })
    const waiting = notices({ after: 0 })
    feed.push({ kind: 'stopped', exitCode: 9, callsFailed: 1 })
    const r = await waiting
    expect(r.status).toBe(200)
    expect(JSON.parse(r.body)).toEqual({ seq: 1, notices: [{ kind: 'stopped', exitCode: 9, callsFailed: 1 }] })
  })

  it('ends the connection of a /notices answer once the host is stopping, so a waiting page does not hold it open', async () => {
    const ask = () =>
      call('/notices', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-Evergreen-Token': TOKEN }, body: JSON.stringify({ after: 0 }) })
    const waiting = ask()
    feed.close()
    const r = await waiting
    expect(JSON.parse(r.body)).toEqual({ seq: 0, notices: [] })
    expect(r.headers.connection).toBe('close')
  })
})
