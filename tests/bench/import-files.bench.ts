/**
 * The demo shop's export files through the importer, one file at a time, each in a process
 * of its own so its peak RSS (process.resourceUsage().maxRSS) is that file's import alone:
 * the product list, the counter CSV, the online .xlsx and the member list of the
 * 20,000-customer demo shop (IMPORT_FILES_CUSTOMERS), into one shop file in that order, as
 * the demo and a new shop load them. Each import runs as the app runs it: an ImportJobs job in
 * the bundled worker thread with the worker's heap limit. Wall time, CPU time (both threads)
 * and peak RSS per file, median of IMPORT_FILES_RUNS (3) fresh shops.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { ImportJobs } from '../../electron/services/imports/import-jobs'
import { buildDemoFiles, writeDemoFiles } from '../../electron/services/demo/demo-files'
import type { ImportKind } from '../../shared/schemas/imports'
import { median } from './measure'

const CUSTOMERS = Number(process.env.IMPORT_FILES_CUSTOMERS ?? 20_000)
const RUNS = Number(process.env.IMPORT_FILES_RUNS ?? 3)
const AS_OF = '2026-11-23'
/** set in the child: the one file it imports, as JSON */
const CHILD = 'IMPORT_FILES_CHILD'

interface ChildRequest {
  dbPath: string
  file: string
  kind: ImportKind
}

interface ChildFigures {
  wallMs: number
  cpuMs: number
  peakRssMb: number
  /** RSS of the child before the import started: the code loaded, the shop open */
  startRssMb: number
  rowsRead: number
  rowsImported: number
}

/** In the child: import one file into the shop and print its figures as one JSON line. */
async function childImport(request: ChildRequest): Promise<void> {
  const workerFile = join(__dirname, 'import-worker.cjs')
  if (!existsSync(workerFile)) throw new Error(`${workerFile} is missing: run the benchmarks with npm run bench`)
  const db = openNodeDatabase(request.dbPath)
  const jobs = new ImportJobs({ db, dbPath: request.dbPath, workerFile })
  const startRssMb = process.memoryUsage().rss / 1024 / 1024
  const cpu0 = process.cpuUsage()
  const t0 = performance.now()
  const { jobId } = jobs.start({ file: { path: request.file }, options: { kind: request.kind }, importedAt: `${AS_OF}T09:00:00`, backup: null })
  const done = await jobs.wait(jobId, 20)
  const wallMs = performance.now() - t0
  const cpu = process.cpuUsage(cpu0)
  db.close()
  if (done.state !== 'done' || !done.result) throw new Error(`the import ${done.state}: ${done.error?.message}`)
  const figures: ChildFigures = {
    wallMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    startRssMb,
    rowsRead: done.result.rowsRead,
    rowsImported: done.result.rowsImported
  }
  process.stdout.write(`${JSON.stringify(figures)}\n`)
}

function runChild(request: ChildRequest): ChildFigures {
  const r = spawnSync(process.execPath, [process.argv[1], 'import-files'], {
    encoding: 'utf8',
    env: { ...process.env, [CHILD]: JSON.stringify(request) },
    maxBuffer: 1 << 24
  })
  const line = r.stdout
    .trim()
    .split('\n')
    .find((l) => l.startsWith('{"wallMs"'))
  if (r.status !== 0 || !line) throw new Error(`importing ${request.file} failed (${r.status}): ${r.stderr.slice(-2000)}`)
  return JSON.parse(line) as ChildFigures
}

export const importFilesBench: Benchmark = {
  name: 'import-files',
  description: `the ${CUSTOMERS.toLocaleString()}-customer demo shop's files (products, counter CSV, online .xlsx, member list) imported one by one in the worker: peak RSS, wall and CPU per file, median of ${RUNS}`,
  async run(report) {
    const childRequest = process.env[CHILD]
    if (childRequest) {
      // the child prints only its figures line; the parent's report is not used
      await childImport(JSON.parse(childRequest) as ChildRequest)
      return
    }
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-import-files-bench-'))
    try {
      const demo = await buildDemoFiles(CUSTOMERS, 1, AS_OF)
      const paths = writeDemoFiles(dir, demo.files)
      const byFile = demo.files.map(() => [] as ChildFigures[])
      for (let run = 0; run < RUNS; run++) {
        const dbPath = join(dir, `shop-${run}.db`)
        openNodeDatabase(dbPath).close()
        for (const [i, file] of paths.entries()) byFile[i].push(runChild({ dbPath, file, kind: demo.files[i].kind }))
        rmSync(dbPath, { force: true })
        rmSync(`${dbPath}-wal`, { force: true })
        rmSync(`${dbPath}-shm`, { force: true })
      }
      const fmt = (xs: number[], digits = 0) => xs.map((x) => x.toFixed(digits)).join(', ')
      for (const [i, runs] of byFile.entries()) {
        const f = runs[0]
        const rss = runs.map((r) => r.peakRssMb)
        const wall = runs.map((r) => r.wallMs / 1000)
        const cpu = runs.map((r) => r.cpuMs / 1000)
        report(
          `${demo.files[i].name} (${demo.files[i].kind}, ${f.rowsRead.toLocaleString()} rows read, ${f.rowsImported.toLocaleString()} imported): ` +
            `peak RSS ${median(rss).toFixed(0)} MB [${fmt(rss)}] (from ${median(runs.map((r) => r.startRssMb)).toFixed(0)} MB before it), ${median(wall).toFixed(2)} s wall [${fmt(wall, 2)}], ${median(cpu).toFixed(2)} s CPU [${fmt(cpu, 2)}]`
        )
      }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
