/**
 * The demo shop a benchmark runs on, made as a shop makes one: its export files (member list,
 * counter CSV, online .xlsx) through the real importer (importDemoShop). Importing a big shop
 * takes minutes, so it is built once and kept under the temp folder, keyed by size, seed,
 * as-of date and a hash of the code that makes it (the demo, the importer, the ledger, the
 * migrations): a changed generator or importer builds afresh. Each run works on a copy, so a
 * benchmark's writes never reach the kept shop.
 */
import { createHash } from 'node:crypto'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { importDemoShop } from '../../electron/services/demo/demo-import'

// the bundle runs from out/bench, as deep as tests/bench: two levels up is the project
const ROOT = join(__dirname, '../..')
const SOURCES = ['electron/services/demo', 'electron/services/imports', 'electron/services/ledger', 'electron/db', 'resources/demo', 'package-lock.json']

function sourceHash(): string {
  const h = createHash('sha256')
  const walk = (path: string) => {
    if (!existsSync(path)) return
    if (statSync(path).isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name))
    else h.update(path.slice(ROOT.length)).update(readFileSync(path))
  }
  for (const s of SOURCES) walk(join(ROOT, s))
  return h.digest('hex').slice(0, 12)
}

export interface BenchShop {
  /** a copy of the kept shop, the benchmark's to write to */
  path: string
  /** the kept shop was imported in this run (else it was reused) */
  built: boolean
  /** what the import said, when it ran */
  note: string
}

/** A working copy of the demo shop with this many customers, at `to`. */
export async function benchShop(customers: number, seed: number, asOf: string, to: string): Promise<BenchShop> {
  const folder = join(tmpdir(), 'evergreen-bench-shops')
  mkdirSync(folder, { recursive: true })
  const kept = join(folder, `demo-${customers}-seed${seed}-${asOf}-${sourceHash()}.db`)
  let built = false
  let note = `reusing the imported demo shop ${kept}`
  if (!existsSync(kept)) {
    // built beside and renamed into place, so a killed build never leaves a half shop to reuse
    const part = `${kept}.${process.pid}.part`
    rmSync(part, { force: true })
    const db = openNodeDatabase(part)
    const t0 = performance.now()
    const r = await importDemoShop(db, { customers, seed, asOf, importedAt: `${asOf}T09:00:00` })
    const secs = (performance.now() - t0) / 1000
    db.close()
    renameSync(part, kept)
    built = true
    note = `demo shop imported from its files: ${r.customers} customers, ${r.orders} orders, ${r.lines} lines in ${secs.toFixed(0)} s (${Math.round(r.lines / secs)} lines/s; kept as ${kept})`
  }
  copyFileSync(kept, to)
  return { path: to, built, note }
}

/** a database file that already holds a shop's sales (EVERGREEN_BENCH_DB from an earlier run) */
export function hasSales(path: string): boolean {
  if (!existsSync(path)) return false
  const db = openNodeDatabase(path)
  const n = db.prepare('SELECT count(*) FROM orders').pluck().get() as number
  db.close()
  return n > 0
}
