import { describe, expect, it } from 'vitest'
import { groupRfm } from '../../../electron/services/predictions/models/rfm'
import { cnbdExpected, cnbdGradient, cnbdLogLik, cnbdPAlive, fitCnbd } from '../../../electron/services/predictions/models/bgcnbd'
import { mbgnbdExpected, mbgnbdLogLik, mbgnbdPAlive } from '../../../electron/services/predictions/models/mbgnbd'
import { bgnbdExpected, bgnbdLogLik, bgnbdPAlive } from '../../../electron/services/predictions/models/bgnbd'
import { describeRegularity } from '../../../electron/services/predictions/regularity'
import { simulateCnbd } from './simulate-cnbd'

// the parameters of BTYDplus's examples; 4,000 customers observed 26–52 weeks
const TRUE = { k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 }
const littSum = (sim: { litt: number }[]) => sim.reduce((s, c) => s + c.litt, 0)
const relErr = (got: number, want: number) => Math.abs(got - want) / want

describe('BG/CNBD-k and MBG/CNBD-k on simulated Erlang-3 buyers', () => {
  // tolerances: about two standard errors at 4,000 customers (seeds 1–3 of both variants all
  // land within 12% on r and α and 22% on a and b)
  it.each(['bg', 'mbg'] as const)('the %s variant recovers k = 3 exactly, r and α within 15 per cent, a and b within 25 per cent', (variant) => {
    const sim = simulateCnbd(4000, TRUE, variant, 26, 52, 1)
    const fit = fitCnbd(groupRfm(sim), { littSum: littSum(sim) }, variant)
    expect(fit.params.k).toBe(3)
    expect(relErr(fit.params.r, TRUE.r)).toBeLessThan(0.15)
    expect(relErr(fit.params.alpha, TRUE.alpha)).toBeLessThan(0.15)
    expect(relErr(fit.params.a, TRUE.a)).toBeLessThan(0.25)
    expect(relErr(fit.params.b, TRUE.b)).toBeLessThan(0.25)
    // the likelihood rises to k = 3 and falls after it, and the search stops two ks past the best
    expect(fit.logLikByK).toHaveLength(5)
    expect(fit.logLikByK[0]).toBeLessThan(fit.logLikByK[1])
    expect(fit.logLikByK[1]).toBeLessThan(fit.logLikByK[2])
    expect(fit.logLikByK[3]).toBeLessThan(fit.logLikByK[2])
    expect(fit.logLik).toBe(fit.logLikByK[2])
  })

  it('has a zero gradient at the optimum it reports', () => {
    const sim = simulateCnbd(4000, TRUE, 'bg', 26, 52, 1)
    const g = groupRfm(sim)
    const fit = fitCnbd(g, { littSum: littSum(sim) }, 'bg', 3)
    const grad = cnbdGradient(fit.params, 'bg', g)
    // per customer, the score is flat to 1e-6
    for (const v of grad) expect(Math.abs(v) / g.customers).toBeLessThan(1e-6)
  })

  it('finds k = 1 on Poisson-timed buyers', () => {
    const sim = simulateCnbd(3000, { ...TRUE, k: 1 }, 'bg', 26, 52, 7)
    expect(fitCnbd(groupRfm(sim), { littSum: littSum(sim) }, 'bg').params.k).toBe(1)
  })
})

describe('the regular-timing models at k = 1 are the classic ones', () => {
  const rows = [
    { x: 0, tx: 0, T: 30 },
    { x: 1, tx: 4, T: 38 },
    { x: 4, tx: 20, T: 26 },
    { x: 12, tx: 36.5, T: 37 }
  ]
  const g = groupRfm(rows)
  const p = { r: 0.6, alpha: 5.2, a: 0.8, b: 2.5 }

  it('BG/CNBD-1 has the BG/NBD likelihood, P(alive) and expectation', () => {
    expect(cnbdLogLik({ k: 1, ...p }, 'bg', g, { littSum: 0 })).toBeCloseTo(bgnbdLogLik(p, g), 9)
    for (const c of rows) {
      expect(cnbdPAlive({ k: 1, ...p }, 'bg', c.x, c.tx, c.T)).toBeCloseTo(bgnbdPAlive(p, c.x, c.tx, c.T), 12)
      expect(cnbdExpected({ k: 1, ...p }, 'bg', 39, c.x, c.tx, c.T)).toBeCloseTo(bgnbdExpected(p, 39, c.x, c.tx, c.T), 9)
    }
  })

  it('MBG/CNBD-1 has the closed-form MBG/NBD likelihood, P(alive) and expectation of Batislam et al.', () => {
    expect(cnbdLogLik({ k: 1, ...p }, 'mbg', g, { littSum: 0 })).toBeCloseTo(mbgnbdLogLik(p, g), 9)
    for (const c of rows) {
      expect(cnbdPAlive({ k: 1, ...p }, 'mbg', c.x, c.tx, c.T)).toBeCloseTo(mbgnbdPAlive(p, c.x, c.tx, c.T), 12)
      expect(cnbdExpected({ k: 1, ...p }, 'mbg', 39, c.x, c.tx, c.T)).toBeCloseTo(mbgnbdExpected(p, 39, c.x, c.tx, c.T), 9)
    }
  })

  it('MBG/NBD gives a one-time buyer a P(alive) below 1, worked by hand', () => {
    // r = α = a = b = 1, T = 1: 1 / (1 + (a/b)·((α+T)/α)^r) = 1 / (1 + 2) = 1/3
    expect(mbgnbdPAlive({ r: 1, alpha: 1, a: 1, b: 1 }, 0, 0, 1)).toBeCloseTo(1 / 3, 14)
    expect(bgnbdPAlive({ r: 1, alpha: 1, a: 1, b: 1 }, 0, 0, 1)).toBe(1)
  })
})

describe('what regular timing knows that Poisson timing does not', () => {
  // 10 purchases 5 weeks apart (last at week 50); the fitted-looking parameters give a mean gap near 5
  const k3 = { k: 3, r: 30, alpha: 50, a: 0.8, b: 2.5 }
  const k1 = { ...k3, k: 1, alpha: 150 }
  it('tells "not yet due" from "long overdue" far more sharply at k = 3', () => {
    // 2 weeks after the last purchase both models keep the customer (P(alive) 0.927 vs 0.906);
    // 25 weeks after it, five gaps late, Erlang-3 timing all but rules them out (0.0019) while
    // Poisson timing still gives 0.114
    expect(cnbdPAlive(k3, 'bg', 10, 50, 52)).toBeGreaterThan(0.92)
    expect(cnbdPAlive(k1, 'bg', 10, 50, 52)).toBeGreaterThan(0.9)
    expect(cnbdPAlive(k3, 'bg', 10, 50, 75)).toBeLessThan(0.002)
    expect(cnbdPAlive(k1, 'bg', 10, 50, 75)).toBeGreaterThan(0.11)
  })

  it('expects, for a brand-new Erlang-3 customer, what simulation of the model gives (within 3 standard errors)', () => {
    // a customer who has just made the first purchase (x = 0, t_x = T = 0): E[X(20)] vs the mean
    // of 200,000 simulated customers' purchases in their first 20 weeks
    const p = { k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 }
    const model = cnbdExpected(p, 'bg', 20, 0, 0, 0)
    const sim = simulateCnbd(200_000, p, 'bg', 20, 20, 11)
    const mean = sim.reduce((s, c) => s + c.x, 0) / sim.length
    const sd = Math.sqrt(sim.reduce((s, c) => s + (c.x - mean) ** 2, 0) / (sim.length - 1))
    expect(Math.abs(model - mean)).toBeLessThan((3 * sd) / Math.sqrt(sim.length))
  })
})

describe('regularity in words', () => {
  it('names the rhythm with the mean gap for k ≥ 3, a milder word for k = 2, and no rhythm for k = 1', () => {
    expect(describeRegularity(5, 29.6)).toEqual({ zh: '买得很有规律，大约每 30 天一次', en: 'buys very regularly, about every 30 days' })
    expect(describeRegularity(2, 13.2).zh).toBe('买得比较有规律，大约每 13 天一次')
    expect(describeRegularity(1, 13.2).zh).toBe('购买时间没有明显规律（间隔长短随机）')
  })
})
