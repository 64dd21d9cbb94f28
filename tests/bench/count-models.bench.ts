/**
 * Every purchase-count model on one shop of 200,000 regular buyers (issue 20, point 6):
 * Erlang-3 gaps as in BTYDplus's examples, two years of cohorts, purchase times in whole days
 * and fitted in weeks, as the app fits. Each model is fitted and then scores every distinct
 * (x, t_x, T) and spreads the answers to the customers; then, as the shop's choice does, each
 * is fitted on all but the last 26 weeks and backtested on them (every week's E[X] for every
 * customer). Medians of RUNS runs and the peak resident memory.
 */
import type { Benchmark } from './registry'
import { groupDays, type RfmGroups } from '../../electron/services/predictions/models/rfm'
import type { GapSummary } from '../../electron/services/predictions/models/bgcnbd'
import type { CalibrationRow } from '../../electron/services/predictions/calibration'
import { gapSummary } from '../../electron/services/predictions/regularity'
import { simulateCnbd, type SimulatedCnbd } from '../unit/predictions/simulate-cnbd'
import { fitEveryCountModel, type Timed } from './fit-every-model'
import { mb } from './measure'

const CUSTOMERS = Number(process.env.COUNT_MODELS_BENCH_CUSTOMERS ?? 200_000)
const HOLDOUT_DAYS = 182

/** The simulated shop in whole days (a repeat purchase at least a day after the one before). */
function simulatedShop(sim: SimulatedCnbd[]): { groups: RfmGroups; gaps: GapSummary; repeat: number } {
  const x = sim.map((s) => s.x)
  const txDays = sim.map((s) => (s.x > 0 ? Math.max(s.x, Math.round(s.tx * 7)) : 0))
  const TDays = sim.map((s, i) => Math.max(txDays[i], Math.round(s.T * 7)))
  // the log gaps in weeks as the simulator drew them (rounding to days moves them by little)
  const littSum = sim.reduce((s, c) => s + c.litt, 0)
  return { groups: groupDays(x, txDays, TDays, 7), gaps: { littSum }, repeat: x.reduce((a, b) => a + b, 0) }
}

/** The same customers as the shop saw them 26 weeks before the end: the calibration rows, with the holdout's purchase days. */
function calibrationRows(sim: SimulatedCnbd[]): CalibrationRow[] {
  const rows: CalibrationRow[] = []
  sim.forEach((s, i) => {
    const end = Math.round(s.T * 7) - HOLDOUT_DAYS
    if (end < 0) return
    // purchase days from the first, each at least a day after the one before
    const days: number[] = []
    for (const t of s.times) days.push(Math.max((days[days.length - 1] ?? 0) + 1, Math.round(t * 7)))
    let x = 0
    let last = 0
    let littDays = 0
    const later: number[] = []
    for (const d of days) {
      if (d <= end) {
        x++
        littDays += Math.log(d - last)
        last = d
      } else later.push(d - end)
    }
    rows.push({ customerId: i, x, txDays: last, TDays: end, zbarFen: 0, spendDays: 0, littDays, later })
  })
  return rows
}

export const countModelsBench: Benchmark = {
  name: 'count-models',
  description: `every count model (BG/NBD, Pareto/NBD, MBG/NBD, BG/CNBD-k, MBG/CNBD-k) fitted on ${CUSTOMERS.toLocaleString()} simulated Erlang-3 buyers, scoring them all, then fitted on all but the last 26 weeks and backtested on them`,
  async run(report) {
    const sim = simulateCnbd(CUSTOMERS, { k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 }, 'bg', 1, 104, 42)
    const { groups, gaps, repeat } = simulatedShop(sim)
    report(`${groups.customers} customers, ${groups.repeatBuyers} repeat buyers, ${repeat} repeat purchases, ${groups.x.length} distinct (x, t_x, T)`)
    const results: Timed[] = fitEveryCountModel(groups, gaps, 52, report)
    const rows = calibrationRows(sim)
    const cal = groupDays(
      rows.map((r) => r.x),
      rows.map((r) => r.txDays),
      rows.map((r) => r.TDays),
      7
    )
    report(
      `the shop's choice: ${rows.length} customers who had bought 26 weeks before the end (${cal.x.length} distinct (x, t_x, T)), fitted in weeks, backtested on the ${rows.reduce((s, r) => s + r.later.length, 0)} repeat purchases after:`
    )
    const backtested = fitEveryCountModel(cal, gapSummary(rows, 7), 26, (line) => report(`  ${line}`), {
      rows,
      calibrationEnd: '2026-05-25',
      days: HOLDOUT_DAYS,
      perUnit: 7
    })
    report(`peak resident memory ${mb(Math.max(...results.map((r) => r.peakRss), ...backtested.map((r) => r.peakRss)))}`)
  }
}
