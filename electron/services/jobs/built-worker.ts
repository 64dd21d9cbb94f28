/**
 * Where a worker_threads entry was built: `<entry>.js` beside this bundle or one level up (the
 * bundler may place the calling code in out/main/chunks/, one level below the worker entries),
 * or `<entry>.cjs` as the benchmarks bundle it. Null under the sources (tests name the file).
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'

export function builtWorkerFile(entry: string): string | null {
  const candidates = [`${entry}.js`, `${entry}.cjs`].flatMap((f) => [join(__dirname, f), join(__dirname, '..', f)])
  return candidates.find((f) => existsSync(f)) ?? null
}
