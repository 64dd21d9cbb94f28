// Builds the app (out/) when it is missing or older than any source file, so `npm run cli`
// and `npm run web` never run stale code. Quiet when nothing needs doing.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { execSync } from 'node:child_process'

const root = new URL('..', import.meta.url).pathname
const marker = join(root, 'out', 'main', 'cli.js')

function newest(dir) {
  let t = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name)
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs)
  }
  return t
}

const sources = ['electron', 'shared', 'renderer', 'resources'].map((d) => join(root, d)).filter(existsSync)
const sourceTime = Math.max(...sources.map(newest), statSync(join(root, 'package.json')).mtimeMs)
if (!existsSync(marker) || statSync(marker).mtimeMs < sourceTime) {
  process.stderr.write('building Evergreen (electron-vite build)…\n')
  execSync('npx electron-vite build', { cwd: root, stdio: ['ignore', process.stderr, 'inherit'] })
}
