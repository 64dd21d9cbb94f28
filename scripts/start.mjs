// `npm start`: make sure Electron's binary is there (Electron 45 downloads it on first use),
// then build and run the app. Where the download is blocked, say what to do instead.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const installer = require.resolve('electron/install.js')
const got = spawnSync(process.execPath, [installer], { stdio: 'inherit' })
if (got.status !== 0) {
  process.stderr.write(
    '\n常青: Electron 的程序文件下载失败（网络受限）。可以改用浏览器版：npm run web -- --db <文件>\n' +
      'Evergreen: the Electron binary could not be downloaded. Use the browser host instead: npm run web\n'
  )
  process.exit(got.status ?? 1)
}
const bin = process.platform === 'win32' ? 'electron-vite.cmd' : 'electron-vite'
const run = spawnSync(bin, ['preview', ...process.argv.slice(2)], { stdio: 'inherit', shell: process.platform === 'win32' })
process.exit(run.status ?? 1)
