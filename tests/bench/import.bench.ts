/**
 * The import benchmark (issue 3, point 9): 1,000,000 lines of a Chinese POS export through
 * the whole pipeline (decode, detect, map, link identities, write through the ledger,
 * refresh summaries) against the sqlite3 shell's raw `.import` of the same file into one
 * table. Reports wall and CPU time of both, the ratio, rows/s and peak RSS. The machine may
 * be shared: CPU time is the fairer comparison when it is busy. The import runs as the app
 * runs it: an ImportJobs job in the bundled worker thread, with the worker's heap limit
 * (scripts/bench.mjs bundles the worker beside the benchmarks). CPU time and peak RSS are the
 * whole process's, both threads.
 */
import { spawnSync } from 'node:child_process'
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { ImportJobs } from '../../electron/services/imports/import-jobs'

const LINES = Number(process.env.IMPORT_BENCH_LINES ?? 1_000_000)
const SQLITE3 = '/usr/bin/sqlite3'

/** Write the export in chunks so the generator itself does not inflate peak memory. */
function writeExport(file: string, lines: number): void {
  const fd = openSync(file, 'w')
  const names = ['王芳', '李娜', '张伟', '刘洋', '陈静', '杨磊', '赵敏', '黄丽', '周杰', '吴霞']
  const products = Array.from({ length: 2000 }, (_, i) => [`69${String(100000 + i).padStart(8, '0')}`, `商品${i}`, (i % 300) + 9.9] as const)
  let chunk = '单据号,销售时间,会员卡号,手机号,会员姓名,商品条码,商品名称,数量,单价,实收金额,支付方式\n'
  let order = 0
  for (let i = 0; i < lines;) {
    order++
    const customer = (order * 7919) % 100_000
    const day = 1 + (order % 28)
    const month = 1 + (order % 12)
    const time = `2024/${month}/${day} ${10 + (order % 10)}:${String(order % 60).padStart(2, '0')}`
    const card = customer % 3 === 0 ? '' : `VIP${customer}`
    const phone = customer % 3 === 1 ? '' : `13${String(900_000_000 + customer)}`
    const perOrder = 1 + (order % 5)
    for (let k = 0; k < perOrder && i < lines; k++, i++) {
      const [code, name, price] = products[(order * 31 + k * 17) % products.length]
      const qty = 1 + ((order + k) % 3)
      chunk += `S${order},${time},${card},${phone},${names[customer % 10]},${code},${name},${qty},${price.toFixed(2)},${(qty * price).toFixed(2)},微信\n`
    }
    if (chunk.length > 1 << 20) {
      writeSync(fd, chunk)
      chunk = ''
    }
  }
  writeSync(fd, chunk)
  closeSync(fd)
}

function cpuMs(u: NodeJS.CpuUsage): number {
  return (u.user + u.system) / 1000
}

export const importBench: Benchmark = {
  name: 'import',
  description: `${LINES.toLocaleString()} POS lines through the whole import vs the sqlite3 shell's raw .import`,
  async run(report) {
    const dir = mkdtempSync(join(tmpdir(), 'evergreen-import-bench-'))
    try {
      const file = join(dir, 'pos.csv')
      writeExport(file, LINES)
      report(`generated ${file}: ${LINES.toLocaleString()} lines, ${(statSync(file).size / 1024 / 1024).toFixed(0)} MB`)

      let sqliteWall: number | null = null
      let sqliteCpu: number | null = null
      if (existsSync(SQLITE3)) {
        const raw = join(dir, 'raw.db')
        const t0 = performance.now()
        // `times` prints the children's user and system seconds on its second line
        const r = spawnSync('bash', ['-c', `${SQLITE3} ${raw} ".import --csv ${file} sales" && times`], { encoding: 'utf8' })
        sqliteWall = performance.now() - t0
        const m = /(\d+)m([\d.]+)s (\d+)m([\d.]+)s\s*$/.exec(r.stdout.trim())
        if (m) sqliteCpu = (Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4])) * 1000
        report(`sqlite3 .import: ${(sqliteWall / 1000).toFixed(2)} s wall${sqliteCpu !== null ? `, ${(sqliteCpu / 1000).toFixed(2)} s CPU` : ''}`)
        rmSync(raw, { force: true })
      } else {
        report(`sqlite3 shell not found at ${SQLITE3}: skipping the comparison`)
      }

      const workerFile = join(__dirname, 'import-worker.cjs')
      if (!existsSync(workerFile)) throw new Error(`${workerFile} is missing: run the benchmarks with npm run bench`)
      const dbPath = join(dir, 'shop.db')
      const db = openNodeDatabase(dbPath)
      const jobs = new ImportJobs({ db, dbPath, workerFile })
      const cpu0 = process.cpuUsage()
      const t0 = performance.now()
      const { jobId } = jobs.start({ file: { path: file }, options: {}, importedAt: '2026-11-23T10:00:00', backup: { folder: join(dir, 'backups') } })
      const done = await jobs.wait(jobId, 20)
      const wall = performance.now() - t0
      if (done.state !== 'done' || !done.result) throw new Error(`the import ${done.state}: ${done.error?.message}`)
      const result = done.result
      const cpu = cpuMs(process.cpuUsage(cpu0))
      db.close()
      const peakMb = process.resourceUsage().maxRSS / 1024
      report(
        `pipeline: ${result.rowsImported.toLocaleString()} lines, ${result.customersCreated.toLocaleString()} customers in ${(wall / 1000).toFixed(2)} s wall, ${(cpu / 1000).toFixed(2)} s CPU (${Math.round(LINES / (wall / 1000)).toLocaleString()} rows/s)`
      )
      if (sqliteWall !== null) {
        report(`ratio vs sqlite3 .import: ${(wall / sqliteWall).toFixed(2)}× wall${sqliteCpu ? `, ${(cpu / sqliteCpu).toFixed(2)}× CPU` : ''} (target ≤ 3×)`)
      }
      report(`peak RSS of this process: ${peakMb.toFixed(0)} MB (target < 500 MB)`)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
}
