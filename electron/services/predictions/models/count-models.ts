/**
 * The purchase-count models side by side behind one face, so a backtest, a choice and the
 * scores can treat them alike: each fitted model answers P(alive) and E[X(t)] for a
 * customer's (x, t_x, T) in the model's unit.
 */
import type { CountModelName } from '../../../../shared/schemas/predictions'
import { bgnbdExpected, bgnbdPAlive, type BgNbdParams } from './bgnbd'
import { paretoNbdExpected, paretoNbdPAlive, type ParetoNbdParams } from './pareto-nbd'
import { mbgnbdExpected, mbgnbdPAlive, type MbgNbdParams } from './mbgnbd'
import { cnbdExpectation, cnbdPAlive, type CnbdParams } from './bgcnbd'

export interface CountModel {
  name: CountModelName
  /** free parameters (k counts as one for the CNBD-k models) */
  parameters: number
  logLik: number
  pAlive(x: number, tx: number, T: number): number
  expected(t: number, x: number, tx: number, T: number): number
}

export function bgnbdModel(p: BgNbdParams, logLik: number): CountModel {
  return { name: 'bgnbd', parameters: 4, logLik, pAlive: (x, tx, T) => bgnbdPAlive(p, x, tx, T), expected: (t, x, tx, T) => bgnbdExpected(p, t, x, tx, T) }
}

export function paretoNbdModel(p: ParetoNbdParams, logLik: number): CountModel {
  return {
    name: 'paretoNbd',
    parameters: 4,
    logLik,
    pAlive: (x, tx, T) => paretoNbdPAlive(p, x, tx, T),
    expected: (t, x, tx, T) => paretoNbdExpected(p, t, x, tx, T)
  }
}

export function mbgnbdModel(p: MbgNbdParams, logLik: number): CountModel {
  return { name: 'mbgnbd', parameters: 4, logLik, pAlive: (x, tx, T) => mbgnbdPAlive(p, x, tx, T), expected: (t, x, tx, T) => mbgnbdExpected(p, t, x, tx, T) }
}

export function cnbdModel(p: CnbdParams, variant: 'bg' | 'mbg', logLik: number): CountModel {
  // shares the alive-customer sums between customers with the same x and T (one horizon at a time)
  const expected = cnbdExpectation(p, variant)
  return {
    name: variant === 'bg' ? 'bgcnbd' : 'mbgcnbd',
    parameters: 5,
    logLik,
    pAlive: (x, tx, T) => cnbdPAlive(p, variant, x, tx, T),
    expected
  }
}
