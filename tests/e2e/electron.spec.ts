/**
 * The real Electron app, where its binary exists (it cannot be downloaded on every machine).
 * The binary is found from node_modules/electron/path.txt by hand: require('electron') in
 * the test process could start a download.
 */
import { _electron as electron, test, expect } from '@playwright/test'
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const root = resolve(__dirname, '../..')
const electronDir = join(root, 'node_modules', 'electron')

function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt')
  if (!existsSync(pathFile) || !existsSync(join(electronDir, 'dist'))) return null
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim())
  return existsSync(binary) ? binary : null
}

const binary = electronBinary()

// the page's globals, typed here because this file is checked without the DOM library
type PageGlobals = { api: { app: { info(): Promise<unknown> } }; platform: { transport: string } }

test('starts the Electron app: window title and window.api answer', async () => {
  if (binary === null) console.log('no Electron binary on this machine: skipped')
  test.skip(binary === null, 'no Electron binary on this machine: skipped')
  const userData = mkdtempSync(join(tmpdir(), 'evergreen-electron-'))
  const app = await electron.launch({
    executablePath: binary!,
    args: [join(root, 'out/main/index.js'), '--no-sandbox'],
    cwd: root,
    env: { ...process.env, EVERGREEN_DB: join(userData, 'e.db'), ELECTRON_ENABLE_LOGGING: '1' }
  })
  try {
    const page = await app.firstWindow()
    await expect(page).toHaveTitle('常青 Evergreen')
    const info = await page.evaluate(() => (globalThis as unknown as PageGlobals).api.app.info())
    expect(info).toMatchObject({ ok: true, data: { dbPath: join(userData, 'e.db') } })
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).platform.transport)).toBe('electron')
  } finally {
    await app.close()
    rmSync(userData, { recursive: true, force: true })
  }
})
