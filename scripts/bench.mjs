/**
 * `npm run bench`: bundles the benchmarks with esbuild, the way electron-vite bundles the main
 * process, and runs the bundle with node. Through tsx the figures were not the shipped code's:
 * tsx keeps function names by wrapping every inner function in a naming call made each time
 * it is created (540 ms of a 1.3 s scheme recompute went to that alone).
 */
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'

const outfile = 'out/bench/run.cjs'
await build({
  entryPoints: ['tests/bench/run.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  outfile,
  logLevel: 'warning'
})
// out/bench sits as deep as tests/bench, so the benchmarks' paths relative to __dirname hold
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', env: process.env })
process.exit(run.status ?? 1)
