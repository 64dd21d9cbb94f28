/** What every fit answers, and the checks that keep a bad optimum from passing as a result. */
import type { OptimiseResult } from './optimise'
import { refuse } from '../../../../shared/errors/refuse'

export interface FitReport<P> {
  params: P
  /** the plain (unpenalised) log-likelihood at params */
  logLik: number
  evaluations: number
  /** true when the plain fit ran off to a boundary and a light ridge held it (see `ridge`) */
  regularised: boolean
}

/** Log-parameters beyond this (e^15 ≈ 3 million) mean the likelihood ran off to a degenerate limit. */
export const RUNAWAY_LOG = 15

/** True when no log-parameter ran off to an extreme. */
export function interior(run: OptimiseResult): boolean {
  return run.x.every((v) => Math.abs(v) <= RUNAWAY_LOG)
}

/** Throw unless the optimiser converged to a finite, interior optimum. */
export function assertSettled(model: string, run: OptimiseResult): void {
  if (!Number.isFinite(run.f)) {
    throw refuse('likelihoodNotFinite', { model })
  }
  if (run.x.some((v) => Math.abs(v) > RUNAWAY_LOG)) {
    throw refuse('parametersRunAway', { model })
  }
  if (!run.converged) {
    throw refuse('fitNotConverged', { model })
  }
}

/**
 * Ridge weight per customer on the squared log-parameters. It only comes in when the plain
 * likelihood keeps rising towards a boundary: in BG/NBD that is a, b → ∞ with a/(a+b) fixed
 * (every customer drops out with the same probability), in Pareto/NBD s, β → ∞ likewise.
 * There the likelihood is flat, so the light pull changes it by a fraction of a unit while
 * keeping every parameter finite (the same remedy as the lifetimes library's penalizer_coef).
 * Scaled by the number of customers so a shop's size does not change how hard it pulls.
 */
export const RIDGE_PER_CUSTOMER = 1e-5

/** The ridge term and its gradient for `customers` customers. */
export function ridge(customers: number): { f: (v: number[]) => number; g: (v: number[]) => number[] } {
  const w = RIDGE_PER_CUSTOMER * customers
  return {
    f: (v) => w * v.reduce((s, x) => s + x * x, 0),
    g: (v) => v.map((x) => 2 * w * x)
  }
}
