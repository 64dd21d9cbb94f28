// `npm run test:e2e`: build when needed, find a Chromium (Debian's here; Playwright's own on
// Windows/macOS, installed on first use), then run Playwright with it. Extra arguments go to
// `playwright test`; the exit code is Playwright's.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const root = new URL('..', import.meta.url).pathname.replace(/^\/([A-Za-z]:)/, '$1')
const isWin = process.platform === 'win32'
const require = createRequire(import.meta.url)

function run(cmd, args, env = process.env) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env, shell: isWin })
  return r.status ?? 1
}

// the build is cheap when current: ensure-built only rebuilds when a source is newer than out/
if (run(process.execPath, [join(root, 'scripts', 'ensure-built.mjs')]) !== 0) process.exit(1)

function systemChromium() {
  if (process.env.EVERGREEN_CHROMIUM && existsSync(process.env.EVERGREEN_CHROMIUM)) return process.env.EVERGREEN_CHROMIUM
  if (isWin || process.platform === 'darwin') return null
  return ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? null
}

function playwrightChromium() {
  const { chromium } = require('@playwright/test')
  let path = chromium.executablePath()
  if (!existsSync(path)) {
    process.stderr.write('e2e: no Chromium found; installing Playwright’s own (npx playwright install chromium)…\n')
    if (run('npx', ['playwright', 'install', 'chromium']) !== 0) {
      process.stderr.write('e2e: could not install Chromium. Install one and set EVERGREEN_CHROMIUM=/path/to/chrome\n')
      process.exit(1)
    }
    path = chromium.executablePath()
  }
  return path
}

const chromiumPath = systemChromium() ?? playwrightChromium()
process.stderr.write(`e2e: Chromium ${chromiumPath}\n`)
const status = run('npx', ['playwright', 'test', ...process.argv.slice(2)], { ...process.env, EVERGREEN_CHROMIUM: chromiumPath })
process.exit(status)
