/**
 * The benches' common step: every purchase-count model fitted RUNS times on the same pooled
 * data, each timed on its own (one that fails says why and the others still run), then each
 * fitted model scores every customer: E[X(horizon)] and P(alive) per distinct (x, t_x, T),
 * spread to the customers by weight. Medians and the peak resident memory seen.
 */
import type { RfmGroups } from '../../electron/services/predictions/models/rfm'
import type { CountModelName } from '../../shared/schemas/predictions'
import { fitBgNbd } from '../../electron/services/predictions/models/bgnbd'
import { fitParetoNbd } from '../../electron/services/predictions/models/pareto-nbd'
import { fitMbgNbd } from '../../electron/services/predictions/models/mbgnbd'
import { fitCnbd, type GapSummary } from '../../electron/services/predictions/models/bgcnbd'
import { bgnbdModel, cnbdModel, mbgnbdModel, paretoNbdModel, type CountModel } from '../../electron/services/predictions/models/count-models'
import { MODEL_LABELS } from '../../electron/services/predictions/model-choice'
import type { CalibrationRow } from '../../electron/services/predictions/calibration'
import { runBacktest } from '../../electron/services/predictions/backtest'
import { loadavg } from 'node:os'
import { median } from './measure'

export const RUNS = Number(process.env.BENCH_RUNS ?? 3)

export interface Timed {
  name: CountModelName
  /** medians of wall time and of this process's CPU time (fairer when the machine is shared) */
  fitMs: number | null
  fitCpuMs: number | null
  scoreMs: number | null
  scoreCpuMs: number | null
  /** the holdout backtest (every week's E[X] for every customer), when one was asked for */
  backtestMs: number | null
  backtestCpuMs: number | null
  peakRss: number
  error?: string
}

interface Fitted {
  model: CountModel
  evaluations: number
  describe: string
}

const f3 = (v: number) => (Math.abs(v) >= 1000 ? v.toExponential(3) : v.toPrecision(4))

const FITS: Record<CountModelName, (g: RfmGroups, gaps: GapSummary) => Fitted> = {
  bgnbd: (g) => {
    const f = fitBgNbd(g)
    const p = f.params
    return { model: bgnbdModel(p, f.logLik), evaluations: f.evaluations, describe: `r=${f3(p.r)} α=${f3(p.alpha)} a=${f3(p.a)} b=${f3(p.b)}` }
  },
  paretoNbd: (g) => {
    const f = fitParetoNbd(g)
    const p = f.params
    return { model: paretoNbdModel(p, f.logLik), evaluations: f.evaluations, describe: `r=${f3(p.r)} α=${f3(p.alpha)} s=${f3(p.s)} β=${f3(p.beta)}` }
  },
  mbgnbd: (g) => {
    const f = fitMbgNbd(g)
    const p = f.params
    return { model: mbgnbdModel(p, f.logLik), evaluations: f.evaluations, describe: `r=${f3(p.r)} α=${f3(p.alpha)} a=${f3(p.a)} b=${f3(p.b)}` }
  },
  bgcnbd: (g, gaps) => {
    const f = fitCnbd(g, gaps, 'bg')
    const p = f.params
    return { model: cnbdModel(p, 'bg', f.logLik), evaluations: f.evaluations, describe: `k=${p.k} r=${f3(p.r)} α=${f3(p.alpha)} a=${f3(p.a)} b=${f3(p.b)}` }
  },
  mbgcnbd: (g, gaps) => {
    const f = fitCnbd(g, gaps, 'mbg')
    const p = f.params
    return { model: cnbdModel(p, 'mbg', f.logLik), evaluations: f.evaluations, describe: `k=${p.k} r=${f3(p.r)} α=${f3(p.alpha)} a=${f3(p.a)} b=${f3(p.b)}` }
  }
}

const TARGET_MS: Record<CountModelName, number> = { bgnbd: 2000, paretoNbd: 5000, mbgnbd: 5000, bgcnbd: 5000, mbgcnbd: 5000 }

const cpuMs = (from: NodeJS.CpuUsage, to: NodeJS.CpuUsage) => (to.user - from.user + to.system - from.system) / 1000

/** Score every customer: the shop's expected purchases over the horizon and its mean P(alive). */
function scoreAll(m: CountModel, g: RfmGroups, horizon: number): { expected: number; alive: number } {
  let expected = 0
  let alive = 0
  for (let i = 0; i < g.x.length; i++) {
    expected += g.weight[i] * m.expected(horizon, g.x[i], g.tx[i], g.T[i])
    alive += g.weight[i] * m.pAlive(g.x[i], g.tx[i], g.T[i])
  }
  return { expected, alive: alive / g.customers }
}

/** A holdout to backtest each fitted model on, as the shop's choice does (runBacktest). */
export interface BacktestInput {
  rows: CalibrationRow[]
  calibrationEnd: string
  days: number
  perUnit: number
}

export function fitEveryCountModel(g: RfmGroups, gaps: GapSummary, horizon: number, report: (line: string) => void, backtest?: BacktestInput): Timed[] {
  const out: Timed[] = []
  for (const name of Object.keys(FITS) as CountModelName[]) {
    const label = MODEL_LABELS[name]
    const fitTimes: number[] = []
    const scoreTimes: number[] = []
    const fitCpu: number[] = []
    const scoreCpu: number[] = []
    const btTimes: number[] = []
    const btCpu: number[] = []
    let bt: ReturnType<typeof runBacktest> | undefined
    let peakRss = process.memoryUsage().rss
    let error: string | undefined
    let last: Fitted | undefined
    let scored: { expected: number; alive: number } | undefined
    for (let run = 0; run < RUNS && !error; run++) {
      const t0 = performance.now()
      const c0 = process.cpuUsage()
      try {
        last = FITS[name](g, gaps)
      } catch (e) {
        error = e instanceof Error ? e.message : String(e)
        fitTimes.push(performance.now() - t0)
        break
      }
      const t1 = performance.now()
      const c1 = process.cpuUsage()
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
      scored = scoreAll(last.model, g, horizon)
      const t2 = performance.now()
      const c2 = process.cpuUsage()
      peakRss = Math.max(peakRss, process.memoryUsage().rss)
      fitTimes.push(t1 - t0)
      scoreTimes.push(t2 - t1)
      fitCpu.push(cpuMs(c0, c1))
      scoreCpu.push(cpuMs(c1, c2))
      if (backtest) {
        const m = last.model
        bt = runBacktest(m, backtest.rows, backtest.calibrationEnd, backtest.days, backtest.perUnit)
        btTimes.push(performance.now() - t2)
        btCpu.push(cpuMs(c2, process.cpuUsage()))
        peakRss = Math.max(peakRss, process.memoryUsage().rss)
      }
    }
    const fitMs = fitTimes.length ? median(fitTimes) : null
    const scoreMs = scoreTimes.length ? median(scoreTimes) : null
    const fitCpuMs = fitCpu.length ? median(fitCpu) : null
    const scoreCpuMs = scoreCpu.length ? median(scoreCpu) : null
    const backtestMs = btTimes.length ? median(btTimes) : null
    const backtestCpuMs = btCpu.length ? median(btCpu) : null
    if (error || !last || !scored) {
      report(`${label}: no answer after ${fitMs?.toFixed(0)} ms — ${error}`)
    } else {
      report(`${label} (${last.evaluations} evaluations): ${last.describe} LL=${last.model.logLik.toFixed(1)}`)
      report(
        `  fit ${fitMs?.toFixed(0)} ms wall, ${fitCpuMs?.toFixed(0)} ms CPU (target ${TARGET_MS[name]} ms); ` +
          `scoring ${scoreMs?.toFixed(0)} ms wall, ${scoreCpuMs?.toFixed(0)} ms CPU (target 1000 ms): ` +
          `${scored.expected.toFixed(0)} purchases expected in ${horizon} units, mean P(alive) ${scored.alive.toFixed(3)} (load average ${loadavg()[0].toFixed(1)})`
      )
      if (bt && backtest)
        report(
          `  backtest over ${backtest.days} days ${backtestMs?.toFixed(0)} ms wall, ${backtestCpuMs?.toFixed(0)} ms CPU: ` +
            `forecast ${bt.forecastRepeat.toFixed(0)} repeat purchases against ${bt.actualRepeat}, MAE ${bt.mae.toFixed(3)}`
        )
    }
    out.push({ name, fitMs, fitCpuMs, scoreMs, scoreCpuMs, backtestMs, backtestCpuMs, peakRss, error })
  }
  return out
}
