import type { Benchmark } from './registry'
import { groupDays } from '../../electron/services/predictions/models/rfm'
import { bgnbdExpected, bgnbdPAlive, fitBgNbd } from '../../electron/services/predictions/models/bgnbd'
import { fitGammaGamma, gammaGammaExpectedValue } from '../../electron/services/predictions/models/gamma-gamma'
import { fitParetoNbd } from '../../electron/services/predictions/models/pareto-nbd'
import { gammaSample, mulberry32, simulateBgNbd } from '../unit/predictions/simulate'
import { mb, median } from './measure'

const RUNS = 3

/** One shop size: simulate, then time each step RUNS times and report medians. */
function runSize(n: number, report: (line: string) => void): void {
  // two years of cohorts in whole days; spend per purchase around ¥120
  const sim = simulateBgNbd(n, { r: 0.5, alpha: 20, a: 0.8, b: 3 }, 1, 104, 42)
  const x = sim.map((s) => s.x)
  // purchase days are distinct calendar days: a repeat purchase is at least a day after the first
  const txDays = sim.map((s) => (s.x > 0 ? Math.max(1, Math.round(s.tx * 7)) : 0))
  const TDays = sim.map((s, i) => Math.max(txDays[i], Math.round(s.T * 7)))
  const rand = mulberry32(7)
  const zbar = sim.map((s) => (s.x > 0 ? (gammaSample(6, rand) / gammaSample(4, rand)) * 8000 : 0))
  report(`${n} simulated customers, ${x.filter((v) => v > 0).length} repeat buyers, ${x.reduce((a, b) => a + b, 0)} repeat purchases`)

  const times = { group: [] as number[], bg: [] as number[], gg: [] as number[], pareto: [] as number[], score: [] as number[] }
  let peak = process.memoryUsage().rss
  const sample = () => (peak = Math.max(peak, process.memoryUsage().rss))
  for (let run = 0; run < RUNS; run++) {
    const t0 = performance.now()
    const groups = groupDays(x, txDays, TDays, 7)
    const t1 = performance.now()
    const bg = fitBgNbd(groups)
    const t2 = performance.now()
    const buyers = sim.map((_, i) => i).filter((i) => x[i] > 0)
    const gg = fitGammaGamma({ x: Float64Array.from(buyers, (i) => x[i]), zbar: Float64Array.from(buyers, (i) => zbar[i]) })
    const t3 = performance.now()
    sample()
    const pareto = fitParetoNbd(groups)
    const t4 = performance.now()
    sample()
    // score per distinct triple, then spread to customers (value needs each customer's own z̄)
    let total = 0
    const perGroup = new Float64Array(groups.x.length)
    const alive = new Float64Array(groups.x.length)
    for (let g = 0; g < groups.x.length; g++) {
      perGroup[g] = bgnbdExpected(bg.params, 52, groups.x[g], groups.tx[g], groups.T[g])
      alive[g] = bgnbdPAlive(bg.params, groups.x[g], groups.tx[g], groups.T[g])
    }
    const groupOf = groups.groupOf as Int32Array
    for (let i = 0; i < n; i++) total += perGroup[groupOf[i]] * gammaGammaExpectedValue(gg.params, x[i], zbar[i])
    const t5 = performance.now()
    times.group.push(t1 - t0)
    times.bg.push(t2 - t1)
    times.gg.push(t3 - t2)
    times.pareto.push(t4 - t3)
    times.score.push(t5 - t4)
    if (run === 0) {
      report(`grouped into ${groups.x.length} distinct (x, t_x, T)`)
      report(
        `BG/NBD (${bg.evaluations} evaluations): r=${bg.params.r.toFixed(3)} α=${bg.params.alpha.toFixed(2)} a=${bg.params.a.toFixed(3)} b=${bg.params.b.toFixed(3)} (simulated 0.5, 20, 0.8, 3)`
      )
      report(`Gamma-Gamma (${gg.evaluations} evaluations): p=${gg.params.p.toFixed(2)} q=${gg.params.q.toFixed(2)} γ=${gg.params.gamma.toFixed(0)}`)
      const p = pareto.params
      report(
        `Pareto/NBD (${pareto.evaluations} evaluations): r=${p.r.toFixed(3)} α=${p.alpha.toFixed(2)} s=${p.s.toFixed(3)} β=${p.beta.toFixed(1)} LL=${pareto.logLik.toFixed(1)}`
      )
      report(`total expected value over 52 weeks ¥${(total / 100).toFixed(0)}`)
    }
  }
  const m = (xs: number[]) => median(xs).toFixed(0)
  report(`medians over ${RUNS} runs: grouping ${m(times.group)} ms, BG/NBD ${m(times.bg)} ms, Gamma-Gamma ${m(times.gg)} ms`)
  report(`  BG/NBD + Gamma-Gamma fit (with grouping) ${median(times.group.map((g, i) => g + times.bg[i] + times.gg[i])).toFixed(0)} ms (target 2000 ms)`)
  report(`  Pareto/NBD fit ${m(times.pareto)} ms (target 5000 ms)`)
  report(`  scoring all ${n} customers (52-week expected purchases, P(alive), value) ${m(times.score)} ms (target 1000 ms)`)
  report(`  peak resident memory ${mb(peak)}`)
}

export const predictionsBench: Benchmark = {
  name: 'predictions',
  description: 'fit BG/NBD + Gamma-Gamma and Pareto/NBD on 20,000 and 200,000 simulated customers (whole days, in weeks), then score them all',
  async run(report) {
    for (const n of [20_000, 200_000]) runSize(n, report)
  }
}
