/**
 * The predictions on the 200,000-customer demo shop imported from its files (issue 20, point 6
 * and "Done means"), the way 最有价值的顾客 runs them: every count model fitted in weeks on all
 * but the last 26 weeks and backtested on them (the shop's own choice), each refitted in days
 * on everything up to the day, scoring every customer (90-day expected purchases, P(alive),
 * value) with the spend model; then `topCustomers` end to end, cold and with another horizon.
 * Each step is timed on its own, medians of RUNS runs, with the load average beside them.
 * EVERGREEN_BENCH_DB=path reuses a built shop. TOP_BENCH_SOURCE=simulated runs it instead on
 * 200,000 simulated Erlang-3 buyers (count-models' shop, two years to the day) written as a
 * sales export and imported through the import worker: importing the 200,000-customer demo
 * (member list, counter CSV, online .xlsx) takes longer than a session on a shared machine.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Benchmark } from './registry'
import type { CountModelName } from '../../shared/schemas/predictions'
import { openNodeDatabase } from '../../electron/services/app/open-node-database'
import { addDays, dayNumber } from '../../shared/domain/dates'
import { readPurchaseHistory } from '../../electron/services/predictions/purchase-history'
import { calibrate, type CalibrationRow } from '../../electron/services/predictions/calibration'
import { groupDays } from '../../electron/services/predictions/models/rfm'
import { fitCountModel, MODEL_LABELS } from '../../electron/services/predictions/model-choice'
import { runBacktest } from '../../electron/services/predictions/backtest'
import { fitSpendModel } from '../../electron/services/predictions/spend'
import { countScoringModel } from '../../electron/services/predictions/scoring-model'
import { CHOICE_HOLDOUT_DAYS, topCustomers } from '../../electron/services/predictions/top-customers'
import type { CountModel } from '../../electron/services/predictions/models/count-models'
import { benchShop, hasSales } from './bench-shop'
import { ImportJobs } from '../../electron/services/imports/import-jobs'
import { simulateCnbd } from '../unit/predictions/simulate-cnbd'
import { mulberry32 } from '../unit/predictions/simulate'
import { mb, median } from './measure'

const AS_OF = '2026-11-23'
const CUSTOMERS = Number(process.env.TOP_BENCH_CUSTOMERS ?? 200_000)
const SIMULATED = process.env.TOP_BENCH_SOURCE === 'simulated'
const RUNS = Number(process.env.BENCH_RUNS ?? 3)
const NAMES: CountModelName[] = ['bgnbd', 'mbgnbd', 'bgcnbd', 'mbgcnbd', 'paretoNbd']
const TARGET_MS: Record<CountModelName, number> = { bgnbd: 2000, paretoNbd: 5000, mbgnbd: 5000, bgcnbd: 5000, mbgcnbd: 5000 }

const load = () => `load ${loadavg()[0].toFixed(1)}`

/** Median wall and CPU milliseconds of RUNS runs, and the last run's answer. */
function timed<T>(fn: () => T): { wall: number; cpu: number; value: T } {
  const walls: number[] = []
  const cpus: number[] = []
  let value: T | undefined
  for (let i = 0; i < RUNS; i++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    value = fn()
    walls.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpus.push((c.user + c.system) / 1000)
  }
  return { wall: median(walls), cpu: median(cpus), value: value as T }
}
const ms = (t: { wall: number; cpu: number }) => `${t.wall.toFixed(0)} ms wall, ${t.cpu.toFixed(0)} ms CPU`

const groupRows = (rows: CalibrationRow[], perUnit: number) =>
  groupDays(
    rows.map((r) => r.x),
    rows.map((r) => r.txDays),
    rows.map((r) => r.TDays),
    perUnit
  )

/**
 * count-models' Erlang-3 buyers as a sales export (customer, day, quantity, amount; ¥60–¥260 a
 * visit), two years of first purchases ending on AS_OF, imported as a shop imports a file.
 */
async function simulatedShop(dbPath: string, dir: string): Promise<string> {
  const sim = simulateCnbd(CUSTOMERS, { k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 }, 'bg', 1, 104, 42)
  const rand = mulberry32(9)
  const lines = ['customer_id,order_date,quantity,amount']
  sim.forEach((c, i) => {
    const first = -Math.round(c.T * 7)
    let last = first
    const days = [first]
    for (const t of c.times) days.push((last = Math.max(last + 1, first + Math.round(t * 7))))
    for (const d of days) if (d <= 0) lines.push(`${i + 1},${addDays(AS_OF, d)},1,${(60 + Math.floor(rand() * 200)).toFixed(2)}`)
  })
  const csv = join(dir, 'simulated-sales.csv')
  writeFileSync(csv, lines.join('\n') + '\n')
  const workerFile = join(__dirname, 'import-worker.cjs')
  if (!existsSync(workerFile)) throw new Error(`${workerFile} is missing: run the benchmarks with npm run bench`)
  const db = openNodeDatabase(dbPath)
  const jobs = new ImportJobs({ db, dbPath, workerFile })
  const t0 = performance.now()
  const { jobId } = jobs.start({ file: { path: csv }, options: {}, importedAt: `${AS_OF}T10:00:00`, backup: { folder: join(dir, 'backups') } })
  const done = await jobs.wait(jobId, 20)
  db.close()
  if (done.state !== 'done' || !done.result) throw new Error(`the import ${done.state}: ${done.error?.message}`)
  return `${CUSTOMERS.toLocaleString('en-US')} simulated Erlang-3 buyers as a sales export: ${done.result.rowsImported.toLocaleString('en-US')} of ${(lines.length - 1).toLocaleString('en-US')} lines imported in ${((performance.now() - t0) / 1000).toFixed(0)} s`
}

export const topCustomersBench: Benchmark = {
  name: 'top-customers',
  description: `every count model fitted, backtested and refitted on the ${CUSTOMERS.toLocaleString('en-US')}-customer ${SIMULATED ? 'simulated shop imported from a sales export' : 'demo shop imported from its files'}, scoring everyone, and topCustomers end to end (EVERGREEN_BENCH_DB=path reuses a built shop; TOP_BENCH_SOURCE=simulated)`,
  async run(report) {
    const reuse = process.env.EVERGREEN_BENCH_DB
    const dir = reuse ? null : mkdtempSync(join(tmpdir(), 'evergreen-bench-'))
    try {
      const path = reuse ?? join(dir!, 'bench.db')
      if (!reuse || !hasSales(path)) report(SIMULATED ? await simulatedShop(path, dir ?? tmpdir()) : (await benchShop(CUSTOMERS, 1, AS_OF, path)).note)
      const db = openNodeDatabase(path)
      let peak = process.memoryUsage().rss
      const sample = () => (peak = Math.max(peak, process.memoryUsage().rss))
      const read = timed(() => readPurchaseHistory(db, AS_OF))
      const histories = read.value
      const rows = calibrate(histories, dayNumber(AS_OF))
      report(`${rows.length} buyers by ${AS_OF}, ${rows.filter((r) => r.x > 0).length} repeat buyers; purchase days read in ${ms(read)} (${load()})`)
      const calEnd = addDays(AS_OF, -CHOICE_HOLDOUT_DAYS)
      const calRows = calibrate(histories, dayNumber(calEnd))
      const calGroups = groupRows(calRows, 7)
      const allGroups = groupRows(rows, 1)
      report(`choice: fitted in weeks up to ${calEnd} (${calGroups.x.length} distinct (x, t_x, T)), backtested on the 26 weeks after; medians of ${RUNS}`)
      for (const name of NAMES) {
        const label = MODEL_LABELS[name]
        let fit: { wall: number; cpu: number; value: CountModel }
        try {
          fit = timed(() => fitCountModel(name, calGroups, calRows, 7))
        } catch (e) {
          report(`  ${label}: no answer — ${e instanceof Error ? e.message : String(e)} (${load()})`)
          continue
        }
        sample()
        const bt = timed(() => runBacktest(fit.value, calRows, calEnd, CHOICE_HOLDOUT_DAYS, 7))
        sample()
        report(
          `  ${label}: fit ${ms(fit)} (target ${TARGET_MS[name]} ms); backtest ${ms(bt)}: forecast ${bt.value.forecastRepeat.toFixed(0)} against ${bt.value.actualRepeat}, MAE ${bt.value.mae.toFixed(3)} (${load()})`
        )
      }
      const spend = timed(() => fitSpendModel(rows))
      report(`spend model (${spend.value.model}) on everything up to ${AS_OF}: ${ms(spend)}`)
      report(`scores: refitted in days on everything up to ${AS_OF} (${allGroups.x.length} distinct (x, t_x, T)), then every customer scored`)
      for (const name of NAMES) {
        const label = MODEL_LABELS[name]
        let fit: { wall: number; cpu: number; value: CountModel }
        try {
          fit = timed(() => fitCountModel(name, allGroups, rows, 1))
        } catch (e) {
          report(`  ${label}: no answer — ${e instanceof Error ? e.message : String(e)} (${load()})`)
          continue
        }
        sample()
        const m = countScoringModel(fit.value, spend.value)
        const score = timed(() => {
          let value = 0
          let alive = 0
          for (const r of rows) {
            value += m.expectedPurchases(r, 90) * m.valuePerPurchaseFen(r)
            alive += m.pAlive(r)
          }
          return { value, alive: alive / rows.length }
        })
        sample()
        report(
          `  ${label}: fit ${ms(fit)} (target ${TARGET_MS[name]} ms); scoring all ${rows.length} ${ms(score)} (target 1000 ms): ¥${(score.value.value / 100).toFixed(0)} expected in 90 days, mean P(alive) ${score.value.alive.toFixed(3)} (${load()})`
        )
      }
      const c0 = process.cpuUsage()
      const t0 = performance.now()
      const top = topCustomers(db, { asOf: AS_OF, horizonDays: 90, limit: 20 })
      const c1 = process.cpuUsage(c0)
      const cold = { wall: performance.now() - t0, cpu: (c1.user + c1.system) / 1000 }
      sample()
      report(`topCustomers cold (choice, refit, rank; ${top.model}): ${ms(cold)} (${load()})`)
      report(`  ${top.choice?.en ?? top.message.en}`)
      const warm = timed(() => topCustomers(db, { asOf: AS_OF, horizonDays: 365, limit: 20 }))
      report(`topCustomers with another horizon (fits kept): ${ms(warm)}`)
      report(`peak resident memory ${mb(peak)}`)
      db.close()
    } finally {
      if (dir) rmSync(dir, { recursive: true, force: true })
    }
  }
}
