/**
 * The backup calls as jobs (backups.createStart, restoreStart, exportAllStart, importAllStart):
 * the same code as the plain calls (services/backups), run in this process with a turn of the
 * event loop between its steps — the online backup's page steps, the export's 20,000 rows, the
 * restore's and import's stages — so the window's other calls are answered meanwhile and a
 * cancel is heard between steps. A cancel throws inside the work at its next step and the
 * work's own `finally` removes what it had half made (no .part file, no staged copy, no safety
 * backup; a restore or import changes the shop only in its last step, in one transaction).
 * The heavy parts run in the backup worker (backups/integrity-off-loop.ts, writes-off-loop.ts):
 * a cancel then stops the worker through the control's onCancel.
 */
import type { Db } from '../../db/driver'
import type { BackupJobKind } from '../../../shared/schemas/jobs'
import { refuse } from '../../../shared/errors/refuse'
import type { StepControl } from '../backups/step-control'
import { jobError, type JobRegistry, type JobReporter, type ResultOf } from './job-registry'

/** What a backup job works on. */
export interface BackupJobPlace {
  db: Db
  dbPath: string
  /** told the result once the job has it, before it answers done (the audit line) */
  onDone?: (result: unknown) => void
  /** told once the work has ended and cleaned up, whichever way it ended (tests wait for it) */
  onSettled?: () => void
  /** awaited after each step's report (tests hold a job here, or cancel it) */
  between?: (done: number, total: number) => Promise<void>
}

const turn = () => new Promise<void>((r) => setImmediate(r))

const cancelledError = () => refuse('backupJobCancelled')

/** The job's control: report, turn, and throw once cancelled; `stops` hears a cancel while work runs elsewhere. */
function jobControl(report: JobReporter<never, unknown>, place: BackupJobPlace, stops: Set<() => boolean>): StepControl {
  return {
    async step(done, total, phase) {
      if (report.cancelled()) throw cancelledError()
      report.progress(done, total, phase)
      if (place.between) await place.between(done, total)
      await turn()
      if (report.cancelled()) throw cancelledError()
    },
    tick(done, total, phase) {
      // thrown inside the online backup's progress callback, this aborts the backup itself
      if (report.cancelled()) throw cancelledError()
      report.progress(done, total, phase)
    },
    onCancel(stop) {
      if (report.cancelled()) stop()
      else stops.add(stop)
      return () => stops.delete(stop)
    }
  }
}

/** Start `work` as a job of this kind; answers its id before any of the work has run. */
export function startBackupJob<K extends BackupJobKind>(
  jobs: JobRegistry,
  kind: K,
  place: BackupJobPlace,
  work: (control: StepControl) => Promise<ResultOf<K>>
): { jobId: string } {
  return jobs.start(kind, (report) => {
    const stops = new Set<() => boolean>()
    void (async () => {
      // the caller receives the job id before the first step runs
      await turn()
      try {
        const result = await work(jobControl(report as JobReporter<never, unknown>, place, stops))
        // a cancel heard while the commit was under way was refused (stop answered false): the
        // work's end is the job's, with its audit line
        place.onDone?.(result)
        report.done(result)
      } catch (e) {
        if (!report.cancelled()) report.fail(jobError(e))
      } finally {
        place.onSettled?.()
      }
    })()
    // every listener told; past stopping when any of them is (a commit under way)
    return { stop: () => [...stops].map((stop) => stop()).every(Boolean) }
  })
}
