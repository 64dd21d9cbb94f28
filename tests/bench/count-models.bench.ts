/**
 * Every purchase-count model on one shop of 200,000 regular buyers (issue 20, point 6):
 * Erlang-3 gaps as in BTYDplus's examples, two years of cohorts, purchase times in whole days
 * and fitted in weeks, as the app fits. Each model is fitted and then scores every distinct
 * (x, t_x, T) and spreads the answers to the customers; medians of RUNS runs and the peak
 * resident memory.
 */
import type { Benchmark } from './registry'
import { groupDays, type RfmGroups } from '../../electron/services/predictions/models/rfm'
import type { GapSummary } from '../../electron/services/predictions/models/bgcnbd'
import { simulateCnbd } from '../unit/predictions/simulate-cnbd'
import { fitEveryCountModel, type Timed } from './fit-every-model'
import { mb } from './measure'

const CUSTOMERS = Number(process.env.COUNT_MODELS_BENCH_CUSTOMERS ?? 200_000)

/** The simulated shop in whole days (a repeat purchase at least a day after the one before). */
function simulatedShop(n: number): { groups: RfmGroups; gaps: GapSummary; repeat: number } {
  const sim = simulateCnbd(n, { k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 }, 'bg', 1, 104, 42)
  const x = sim.map((s) => s.x)
  const txDays = sim.map((s) => (s.x > 0 ? Math.max(s.x, Math.round(s.tx * 7)) : 0))
  const TDays = sim.map((s, i) => Math.max(txDays[i], Math.round(s.T * 7)))
  // the log gaps in weeks as the simulator drew them (rounding to days moves them by little)
  const littSum = sim.reduce((s, c) => s + c.litt, 0)
  return { groups: groupDays(x, txDays, TDays, 7), gaps: { littSum }, repeat: x.reduce((a, b) => a + b, 0) }
}

export const countModelsBench: Benchmark = {
  name: 'count-models',
  description: `every count model (BG/NBD, Pareto/NBD, MBG/NBD, BG/CNBD-k, MBG/CNBD-k) fitted on ${CUSTOMERS.toLocaleString()} simulated Erlang-3 buyers, then scoring them all`,
  async run(report) {
    const { groups, gaps, repeat } = simulatedShop(CUSTOMERS)
    report(`${groups.customers} customers, ${groups.repeatBuyers} repeat buyers, ${repeat} repeat purchases, ${groups.x.length} distinct (x, t_x, T)`)
    const results: Timed[] = fitEveryCountModel(groups, gaps, 52, report)
    report(`peak resident memory ${mb(Math.max(...results.map((r) => r.peakRss)))}`)
  }
}
