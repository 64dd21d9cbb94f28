import type { Benchmark } from './registry'
import { groupDays } from '../../electron/services/predictions/models/rfm'
import { bgnbdExpected, bgnbdPAlive, fitBgNbd } from '../../electron/services/predictions/models/bgnbd'
import { fitGammaGamma, gammaGammaExpectedValue } from '../../electron/services/predictions/models/gamma-gamma'
import { gammaSample, mulberry32, simulateBgNbd } from '../unit/predictions/simulate'

const N = 200_000

export const predictionsBench: Benchmark = {
  name: 'predictions',
  description: 'fit BG/NBD + Gamma-Gamma on 200,000 simulated customers (whole days, in weeks), then score them all',
  async run(report) {
    // two years of cohorts in whole days; spend per purchase around ¥120
    const sim = simulateBgNbd(N, { r: 0.5, alpha: 20, a: 0.8, b: 3 }, 1, 104, 42)
    const x = sim.map((s) => s.x)
    // purchase days are distinct calendar days: a repeat purchase is at least a day after the first
    const txDays = sim.map((s) => (s.x > 0 ? Math.max(1, Math.round(s.tx * 7)) : 0))
    const TDays = sim.map((s, i) => Math.max(txDays[i], Math.round(s.T * 7)))
    const rand = mulberry32(7)
    const zbar = sim.map((s) => (s.x > 0 ? (gammaSample(6, rand) / gammaSample(4, rand)) * 8000 : 0))
    report(`simulated ${N} customers, ${x.filter((v) => v > 0).length} repeat buyers, ${x.reduce((a, b) => a + b, 0)} repeat purchases`)

    const t0 = performance.now()
    const groups = groupDays(x, txDays, TDays, 7)
    const t1 = performance.now()
    const bg = fitBgNbd(groups)
    const t2 = performance.now()
    const buyers = sim.map((_, i) => i).filter((i) => x[i] > 0)
    const gg = fitGammaGamma({ x: Float64Array.from(buyers, (i) => x[i]), zbar: Float64Array.from(buyers, (i) => zbar[i]) })
    const t3 = performance.now()
    report(`grouped into ${groups.x.length} distinct (x, t_x, T) in ${(t1 - t0).toFixed(0)} ms`)
    report(`BG/NBD fit ${(t2 - t1).toFixed(0)} ms (${bg.evaluations} evaluations): r=${bg.params.r.toFixed(3)} α=${bg.params.alpha.toFixed(2)} a=${bg.params.a.toFixed(3)} b=${bg.params.b.toFixed(3)} (simulated 0.5, 20, 0.8, 3)`)
    report(`Gamma-Gamma fit ${(t3 - t2).toFixed(0)} ms (${gg.evaluations} evaluations): p=${gg.params.p.toFixed(2)} q=${gg.params.q.toFixed(2)} γ=${gg.params.gamma.toFixed(0)}`)
    report(`fit total ${(t3 - t0).toFixed(0)} ms (target 2000 ms)`)

    const s0 = performance.now()
    let total = 0
    // score per distinct triple, then spread to customers (value needs each customer's own z̄)
    const perGroup = new Float64Array(groups.x.length)
    const alive = new Float64Array(groups.x.length)
    for (let g = 0; g < groups.x.length; g++) {
      perGroup[g] = bgnbdExpected(bg.params, 52, groups.x[g], groups.tx[g], groups.T[g])
      alive[g] = bgnbdPAlive(bg.params, groups.x[g], groups.tx[g], groups.T[g])
    }
    const groupOf = groups.groupOf as Int32Array
    for (let i = 0; i < N; i++) total += perGroup[groupOf[i]] * gammaGammaExpectedValue(gg.params, x[i], zbar[i])
    const s1 = performance.now()
    report(`scored ${N} customers (52-week expected purchases, P(alive), value) in ${(s1 - s0).toFixed(0)} ms (target 1000 ms); total expected value ¥${(total / 100).toFixed(0)}`)
  }
}
