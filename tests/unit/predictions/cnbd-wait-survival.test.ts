import { describe, expect, it } from 'vitest'
import { cnbdWaitSurvival } from '../../../electron/services/predictions/models/bgcnbd'
import { lomaxWaitQuantile, quantileFromSurvival } from '../../../electron/services/predictions/models/count-models'

// The wait W for the next purchase given alive: λ | i ~ Gamma(r + kx + i, α + T) with i < k Erlang
// phases passed since the last purchase, W | λ, i ~ Gamma(k − i, λ), so P(W ≤ w | i) = I_{w/(w+α+T)}(k − i, r + kx + i).
describe('the wait for the next purchase under BG/CNBD-k, as the reminders use it', () => {
  it('right after a purchase (k = 2, r = 1, α = 10, one repeat at T = 10): P(W ≤ 20) = I_0.5(2, 3) = 11/16', () => {
    expect(1 - cnbdWaitSurvival({ k: 2, r: 1, alpha: 10, a: 1, b: 1 }, 'bg', 20, 1, 10, 10)).toBeCloseTo(11 / 16, 12)
  })

  it('is the Lomax wait of BG/NBD when k = 1', () => {
    const p = { k: 1, r: 0.8, alpha: 12, a: 0.5, b: 2 }
    for (const q of [0.1, 0.5, 0.9]) {
      const w = quantileFromSurvival((t) => cnbdWaitSurvival(p, 'bg', t, 3, 40, 70), q)
      expect(w).toBeCloseTo(lomaxWaitQuantile(0.8, 12, 3, 70, q), 1)
    }
  })
})
