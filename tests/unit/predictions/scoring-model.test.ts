import { describe, expect, it } from 'vitest'
import { bgnbdScoringModel, bgnbdWaitQuantile } from '../../../electron/services/predictions/scoring-model'
import { bgnbdExpected, bgnbdPAlive } from '../../../electron/services/predictions/models/bgnbd'
import type { SpendModel } from '../../../electron/services/predictions/spend'
import { cnbdWaitSurvival } from '../../../electron/services/predictions/models/bgcnbd'
import { cnbdModel, quantileFromSurvival } from '../../../electron/services/predictions/models/count-models'

const params = { r: 1, alpha: 10, a: 0.5, b: 2 }
const shopMean: SpendModel = { model: 'shop-mean', fallback: true, reason: { zh: '', en: '' }, shopMeanFen: 5000 }

describe('the BG/NBD scoring model', () => {
  it('waits for the next purchase as a Lomax: r + x = 2, α + T = 40 gives 40(√2 − 1) days at the median', () => {
    expect(bgnbdWaitQuantile(params, 1, 30, 0.5)).toBeCloseTo(16.5685, 4)
    // 90%: 40(√10 − 1) = 86.4911; 10%: 40(√(10/9) − 1) = 2.1637
    expect(bgnbdWaitQuantile(params, 1, 30, 0.9)).toBeCloseTo(86.4911, 4)
    expect(bgnbdWaitQuantile(params, 1, 30, 0.1)).toBeCloseTo(2.1637, 4)
  })

  it('answers counts, P(alive) and values in days from the calibration row', () => {
    const m = bgnbdScoringModel(params, shopMean)
    const row = { customerId: 1, x: 1, txDays: 20, TDays: 30, zbarFen: 8000, spendDays: 1, littDays: 0, later: [] }
    expect(m.name).toBe('bgnbd')
    expect(m.expectedPurchases(row, 90)).toBe(bgnbdExpected(params, 90, 1, 20, 30))
    expect(m.pAlive(row)).toBe(bgnbdPAlive(params, 1, 20, 30))
    expect(m.valuePerPurchaseFen(row)).toBe(5000)
    expect(m.nextPurchaseDays(row)).toEqual({
      median: bgnbdWaitQuantile(params, 1, 30, 0.5),
      low: bgnbdWaitQuantile(params, 1, 30, 0.1),
      high: bgnbdWaitQuantile(params, 1, 30, 0.9)
    })
  })
})

describe('the CNBD-k wait for the next purchase', () => {
  const p = { r: 1, alpha: 10, a: 0.5, b: 2 }
  it("is BG/NBD's Lomax when k = 1: r + x = 2, α + T = 40 gives 40(√2 − 1) days at the median", () => {
    expect(cnbdWaitSurvival({ ...p, k: 1 }, 'bg', 16.5685, 1, 20, 30)).toBeCloseTo(0.5, 5)
    expect(cnbdModel({ ...p, k: 1 }, 'bg', 0).waitQuantile(0.9, 1, 20, 30)).toBeCloseTo(86.4911, 3)
  })

  it('for k = 2 and no time since the last purchase is P(NB(s, p) < 2) = p^s (1 + s(1 − p)) with s = r + 2x, p = (α+T)/(α+T+w)', () => {
    // x = 1, t_x = T = 30: s = 3, α + T = 40, w = 40 → p = 1/2: (1/8)(1 + 3/2) = 0.3125
    expect(cnbdWaitSurvival({ ...p, k: 2 }, 'bg', 40, 1, 30, 30)).toBeCloseTo(0.3125, 12)
  })

  it('finds a quantile from any survival function by bisection', () => {
    expect(quantileFromSurvival((w) => Math.exp(-w / 10), 0.5)).toBeCloseTo(10 * Math.log(2), 4)
  })
})
