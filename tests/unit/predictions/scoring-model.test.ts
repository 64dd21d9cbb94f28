import { describe, expect, it } from 'vitest'
import { bgnbdScoringModel, bgnbdWaitQuantile } from '../../../electron/services/predictions/scoring-model'
import { bgnbdExpected, bgnbdPAlive } from '../../../electron/services/predictions/models/bgnbd'
import type { SpendModel } from '../../../electron/services/predictions/spend'

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
