/**
 * `npm run bench`: bundles the benchmarks with esbuild, the way electron-vite bundles the main
 * process, and runs the bundle with node. Through tsx the figures were not the shipped code's:
 * tsx keeps function names by wrapping every inner function in a naming call made each time
 * it is created (540 ms of a 1.3 s scheme recompute went to that alone).
 */
import { build } from 'esbuild'
import { spawnSync } from 'node:child_process'

const outfile = 'out/bench/run.cjs'
const bundle = (entry, out) =>
  build({ entryPoints: [entry], bundle: true, platform: 'node', target: 'node20', format: 'cjs', packages: 'external', outfile: out, logLevel: 'warning' })
await bundle('tests/bench/run.ts', outfile)
// the import benchmark runs the pipeline in its worker thread, as the app does
await bundle('electron/services/imports/import-worker.ts', 'out/bench/import-worker.cjs')
// the server benchmark forks the app server entry as the browser host does
await bundle('electron/server/index.ts', 'out/bench/server.cjs')
// …whose model fits run as jobs in this worker, found beside it
await bundle('electron/services/jobs/fit-worker.ts', 'out/bench/fit-worker.cjs')
// …and the top list in this one
await bundle('electron/services/jobs/top-worker.ts', 'out/bench/top-worker.cjs')
// …and the backups' integrity checks in this one (beside the server and beside run.cjs, whose backups run in process)
await bundle('electron/services/jobs/backup-worker.ts', 'out/bench/backup-worker.cjs')
// out/bench sits as deep as tests/bench, so the benchmarks' paths relative to __dirname hold
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', env: process.env })
process.exit(run.status ?? 1)
