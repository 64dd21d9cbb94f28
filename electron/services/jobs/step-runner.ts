/**
 * A job in this process, for when no worker can be used (an in-memory database, tests run
 * from the sources): its work is a generator of steps, and each step runs in its own turn of
 * the event loop, so progress can be read and a cancel heard between steps.
 */
import { jobError, type JobReporter, type JobRunner } from './job-registry'

export interface StepRunnerOptions<S> {
  /** awaited before each step's successor runs (tests hold a step here to show what answers first) */
  between?: (step: S) => Promise<void>
}

export interface StepRunnerHooks<S, P, R> extends StepRunnerOptions<S> {
  /**
   * awaited once before the first step (the backup before a demo removal): skipped when the job
   * was cancelled before it began, and a cancel heard while it runs stops the job before any step
   */
  before?: (report: JobReporter<P, R>) => Promise<void>
}

/** Drive `steps()` step by step, telling `onStep` each; the generator's return is the job's result. */
export function stepRunner<S, P, R>(
  steps: () => Generator<S, R>,
  onStep: (step: S, report: JobReporter<P, R>) => void,
  options: StepRunnerHooks<S, P, R> = {}
): JobRunner<P, R> {
  return (report) => {
    const turn = () => new Promise<void>((r) => setImmediate(r))
    void (async () => {
      // the caller receives the job id before the first step runs
      await turn()
      try {
        if (options.before && !report.cancelled()) await options.before(report)
        const g = steps()
        for (;;) {
          if (report.cancelled()) return void g.return(undefined as R)
          const next = g.next()
          if (next.done) return report.done(next.value)
          onStep(next.value, report)
          if (options.between) await options.between(next.value)
          await turn()
        }
      } catch (e) {
        report.fail(jobError(e))
      }
    })()
  }
}
