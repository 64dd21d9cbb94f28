/** What every fit answers, and the checks that keep a bad optimum from passing as a result. */
import { DomainError } from '../../../../shared/result'
import type { OptimiseResult } from './optimise'

export interface FitReport<P> {
  params: P
  logLik: number
  evaluations: number
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
    throw new DomainError('BAD_INPUT', `${model} 无法计算似然，数据可能有误 (the likelihood cannot be evaluated on this data)`)
  }
  if (run.x.some((v) => Math.abs(v) > RUNAWAY_LOG)) {
    throw new DomainError(
      'BAD_INPUT',
      `${model} 数据太少或太单一，参数无法确定 (too little or too uniform data: the parameters run off to extremes)`
    )
  }
  if (!run.converged) {
    throw new DomainError('BAD_INPUT', `${model} 拟合没有收敛 (the fit did not converge)`)
  }
}
