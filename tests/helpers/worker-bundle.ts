/**
 * A worker entry bundled the way electron-vite bundles it (esbuild, packages left to
 * node_modules), for tests that run a job in a real worker thread from the sources. The
 * bundle sits inside node_modules so it finds the packages it leaves out; one per process.
 */
import { build } from 'esbuild'
import { mkdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

const root = join(__dirname, '../..')
const bundleDir = join(root, 'node_modules/.cache/evergreen-tests')

/** Bundle `entry` (a path from the project root) and answer the bundle's path; `remove` deletes it. */
export async function bundleWorker(entry: string): Promise<{ file: string; remove: () => void }> {
  mkdirSync(bundleDir, { recursive: true })
  const name = entry.split('/').pop()!.replace(/\.ts$/, '')
  const file = join(bundleDir, `${name}-${process.pid}.cjs`)
  await build({
    entryPoints: [join(root, entry)],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    packages: 'external',
    outfile: file,
    logLevel: 'warning'
  })
  return { file, remove: () => rmSync(file, { force: true }) }
}
