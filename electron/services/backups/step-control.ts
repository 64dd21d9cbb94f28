/**
 * How a long backup call says where it stands and hears a cancel: the same code runs as a plain
 * call (the CLI, the backup before an import) and as a job (jobs/backup-job.ts). As a call its
 * steps say nothing and never stop; as a job each step reports, lets the event loop turn (the
 * window's other calls are answered between steps) and throws CANCELLED once the job was
 * cancelled, so the caller's `finally` removes what it had half made.
 */
import type { Words } from '../../../shared/schemas/predictions'

export interface StepControl {
  /** report `done` of `total` and the phase, let the event loop turn, throw CANCELLED if cancelled */
  step(done: number, total: number, phase: Words): Promise<void>
  /** the same without the turn, for work that turns by itself (the online backup's page steps) */
  tick(done: number, total: number, phase: Words): void
  /**
   * For work that runs elsewhere meanwhile (a restore's copy in the backup worker): `stop` is
   * called when the job is cancelled (at once if it already was), and answers false when the work
   * is past stopping (its commit under way: the cancel is refused and the job ends as it would);
   * answers how to stop listening. A plain call has nothing to cancel.
   */
  onCancel?(stop: () => boolean): () => void
}

/** A plain call's control: no progress to tell, nothing to cancel. */
export const unattended: StepControl = { step: async () => {}, tick: () => {} }

/** A generator's steps (done, total, phase), driven through `control`; answers the generator's return. */
export async function driveSteps<R>(steps: Generator<Progress, R>, control: StepControl): Promise<R> {
  try {
    for (;;) {
      const next = steps.next()
      if (next.done) return next.value
      await control.step(next.value.done, next.value.total, next.value.phase)
    }
  } finally {
    // a cancel thrown by the step: the generator's own `finally` cleans up
    steps.return(undefined as R)
  }
}

/** A generator's steps run through at once (a plain call). */
export function drainSteps<R>(steps: Generator<Progress, R>): R {
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}

export interface Progress {
  done: number
  total: number
  phase: Words
}
