/**
 * The e2e fixture: every test gets its own browser host on a fresh database with the date
 * pinned to 2026-11-23, and a way to ask the CLI about that same database.
 */
import { test as base, expect as baseExpect, type Page } from '@playwright/test'
import { spawn, execFile } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { promisify } from 'node:util'

export const AS_OF = '2026-11-23'
const root = resolve(__dirname, '../..')
const run = promisify(execFile)

export interface E2eApp {
  /** the host's address with the token: http://127.0.0.1:PORT/?token=... */
  url: string
  /** origin without the token, for requests that must be refused */
  origin: string
  dbPath: string
  /** run `node out/main/cli.js ARGS --db dbPath --as-of AS_OF --json` and parse its answer */
  cli<T = unknown>(args: string[]): Promise<T>
  /** the app server's process id now (the host says each one on stderr), to stop it as a crash would */
  serverPid(): number
}

export const test = base.extend<{ app: E2eApp }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a function asks for from its first parameter's pattern
  app: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-e2e-'))
    const dbPath = join(dir, 'e.db')
    const host = spawn(process.execPath, [join(root, 'out/main/host.js'), '--db', dbPath, '--port', '0', '--as-of', AS_OF], {
      cwd: root,
      // every reply the renderer receives is checked against its output schema
      env: { ...process.env, EVERGREEN_CHECK_OUTPUTS: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stderr = ''
    host.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const url = await new Promise<string>((resolveUrl, reject) => {
      const timer = setTimeout(() => reject(new Error(`browser host did not start in 20 s:\n${stderr}`)), 20_000)
      const lines = createInterface({ input: host.stdout })
      lines.once('line', (line) => {
        clearTimeout(timer)
        resolveUrl(line.trim())
      })
      host.once('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(`browser host exited (${code}) before printing its address:\n${stderr}`))
      })
    })
    const cli = async <T>(args: string[]): Promise<T> => {
      // the shop's date unless the test asks about another
      const asOf = args.includes('--as-of') ? [] : ['--as-of', AS_OF]
      const { stdout } = await run(process.execPath, [join(root, 'out/main/cli.js'), ...args, '--db', dbPath, ...asOf, '--json'], {
        cwd: root
      })
      return JSON.parse(stdout) as T
    }
    const serverPid = () => {
      const pids = [...stderr.matchAll(/app server pid (\d+)/g)]
      if (!pids.length) throw new Error(`the host has not said its app server's pid:\n${stderr}`)
      return Number(pids[pids.length - 1][1])
    }
    await use({ url, origin: new URL(url).origin, dbPath, cli, serverPid })
    const exited = new Promise((r) => host.once('exit', r))
    host.kill('SIGTERM')
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))])
    if (host.exitCode === null) host.kill('SIGKILL')
    rmSync(dir, { recursive: true, force: true })
  }
})

export { expect } from '@playwright/test'

/** Save a full-page screenshot as test-results/screenshots/<name>.png (for people to look at). */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join(root, 'test-results', 'screenshots')
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${name}.png`)
  await page.screenshot({ path, fullPage: true })
  return path
}

/** Close the notices before a screenshot. Success notices also close by themselves after a few
 * seconds, so on a slow machine one may already be gone: either way none is left after this. */
export async function clearNotices(page: Page): Promise<void> {
  const close = page.getByTestId('notices').getByRole('button')
  for (let i = 0; i < 5 && (await close.count()) > 0; i++)
    await close
      .first()
      .click({ timeout: 2_000 })
      .catch(() => undefined)
  await baseExpect(close).toHaveCount(0)
}
