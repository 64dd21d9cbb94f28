/**
 * The command line as the tests run it: in process (runCli), its output captured, and a shop
 * in a database file of its own, since the CLI opens a path, not a connection.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from '../../electron/cli/run-cli'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import type { Db } from '../../electron/db/driver'

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

/** Run `evergreen ARGS` in process with no environment of its own (env: the LANG a test sets). */
export async function runCliCaptured(args: string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env, version: 'test' })
  return { code, stdout, stderr }
}

/** Run a `--json` command that must succeed, and parse what it printed. */
export async function cliJson<T>(args: string[]): Promise<T> {
  const r = await runCliCaptured(args)
  if (r.code !== 0) throw new Error(`evergreen ${args.join(' ')} exited ${r.code}: ${r.stderr}`)
  return JSON.parse(r.stdout) as T
}

/** A database file built by `build` (closed before `use` opens it by path), removed afterwards. */
export async function withShopFile<T>(build: (db: Db) => unknown, use: (path: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'evergreen-cli-shop-'))
  try {
    const path = join(dir, 'shop.db')
    const db = openNodeDatabase(path)
    try {
      await build(db)
    } finally {
      db.close()
    }
    return await use(path)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
