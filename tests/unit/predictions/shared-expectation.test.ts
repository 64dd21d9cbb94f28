import { describe, expect, it } from 'vitest'
import { bgnbdModel, cnbdModel, mbgnbdModel, paretoNbdModel, type CountModel } from '../../../electron/services/predictions/models/count-models'
import { runBacktest } from '../../../electron/services/predictions/backtest'
import type { CalibrationRow } from '../../../electron/services/predictions/calibration'

/** customers sharing x and T with different t_x, a one-time buyer, and others */
const shop = [...[2, 10, 29.9, 30].map((tx) => ({ x: 4, tx, T: 30 })), { x: 0, tx: 0, T: 30 }, { x: 1, tx: 4, T: 38 }, { x: 12, tx: 36.5, T: 37 }]
const models: CountModel[] = [
  // the published CDNOW BG/NBD optimum, one next to the removable singularity at a = 1, a large-parameter one
  bgnbdModel({ r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, 0),
  bgnbdModel({ r: 0.5, alpha: 8, a: 1 + 1e-9, b: 3 }, 0),
  bgnbdModel({ r: 40, alpha: 900, a: 8, b: 0.3 }, 0),
  mbgnbdModel({ r: 1.19, alpha: 6.95, a: 1.53, b: 8.68 }, 0),
  mbgnbdModel({ r: 0.5, alpha: 8, a: 1 - 1e-9, b: 3 }, 0),
  paretoNbdModel({ r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 0),
  cnbdModel({ k: 3, r: 0.85, alpha: 1.45, a: 0.79, b: 2.42 }, 'bg', 0),
  cnbdModel({ k: 12, r: 1.18, alpha: 1.85, a: 1.67, b: 8.25 }, 'mbg', 0)
]

describe('every horizon at once, as a backtest asks', () => {
  it('answers each model’s E[X(t)] at each horizon to the last bit, whichever customer came before', () => {
    const ts = Float64Array.from([0, 1, 13, 26, 52])
    const out = new Float64Array(ts.length)
    for (const m of models) {
      for (const c of [...shop, ...shop.slice().reverse()]) {
        m.expectedAt(ts, c.x, c.tx, c.T, out)
        expect(Array.from(out)).toEqual(Array.from(ts, (t) => m.expected(t, c.x, c.tx, c.T)))
      }
    }
  })

  it('gives the same backtest, week by week and per customer, as asking one horizon at a time', () => {
    const rows: CalibrationRow[] = shop.map((c, i) => ({
      customerId: i,
      x: c.x,
      txDays: Math.round(c.tx * 7),
      TDays: Math.round(c.T * 7),
      zbarFen: 0,
      spendDays: 0,
      littDays: 0,
      // three later purchase days each, the last of customer 6 (day 101) after the holdout
      later: [3 + i, 40, 95 + i]
    }))
    for (const m of models) {
      const shared = runBacktest(m, rows, '2026-05-25', 100, 7)
      expect(shared).toEqual(runBacktest(m.expected, rows, '2026-05-25', 100, 7))
      expect(shared.periods).toHaveLength(15)
      expect(shared.actualRepeat).toBe(20)
    }
  })
})
