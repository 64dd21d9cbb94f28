/**
 * Which better-sqlite3 build to load. Electron's main process loads better-sqlite3 13
 * (Node-API, prebuilt binaries shipped in the package, no rebuild for Electron). Plain Node
 * (tests, CLI, browser host) prefers the optional better-sqlite3 12 build compiled for this
 * Node ABI, because 13 needs Node-API 10 (Node >= 22) and crashes on Node 20; where 12 did
 * not install (no compiler on a shop PC) Node 22+ falls back to 13. Nobody rebuilds anything.
 */
import { createRequire } from 'node:module'
import type BetterSqlite3 from 'better-sqlite3'

export type Driver = typeof BetterSqlite3
export type Db = BetterSqlite3.Database

const requireHere = createRequire(__filename)

export function loadDriver(): Driver {
  if (process.versions.electron) return requireHere('better-sqlite3') as Driver
  try {
    return requireHere('better-sqlite3-node') as Driver
  } catch (nodeBuildMissing) {
    const major = Number(process.versions.node.split('.')[0])
    if (major >= 22) return requireHere('better-sqlite3') as Driver
    throw new Error(
      `No SQLite driver for Node ${process.versions.node}: run "npm ci" (it builds better-sqlite3 12 for this Node) or use Node 22+. (${String(nodeBuildMissing)})`,
      { cause: nodeBuildMissing }
    )
  }
}
