/**
 * demo.remove as a job (demo.removeStart): the backup taken before any undo, then one imported
 * batch of the demo undone a step (services/demo demoRemovalSteps), each in its own transaction,
 * with a turn of the event loop between, so the window's other calls are answered meanwhile and
 * a cancel is heard between batches. A removal stopped there leaves each batch all there or all
 * gone and the demo record naming the rest: removing again finishes it.
 */
import type { Db } from '../../db/driver'
import type { Words } from '../../../shared/schemas/predictions'
import { backUpBeforeDemoRemoval, demoRemovalSteps, type DemoRemovalStep } from '../demo/demo-removal'
import type { JobRegistry, JobReporter, ResultOf } from './job-registry'
import { stepRunner } from './step-runner'

type DemoRemoveReporter = JobReporter<never, ResultOf<'demo.remove'>>

const BACKING_UP: Words = { zh: '正在备份（移除前）', en: 'backing up before the removal' }

/** The step just done, in words: the file whose rows were taken out. */
export function demoRemovalPhase(step: DemoRemovalStep): Words {
  const n = `${step.step}/${step.steps}`
  return { zh: `已移除示例文件「${step.file}」（第 ${n} 批）`, en: `removed the demo file “${step.file}” (batch ${n})` }
}

export interface DemoRemoveJobPlace {
  db: Db
  /** where the backup before the removal goes; null (a database in memory) takes none */
  backupFolder: string | null
  undoneAt: string
  /** told the result once the job has it, before it answers done (the audit line) */
  onDone?: (result: ResultOf<'demo.remove'>) => void
  /** awaited after each step's report (tests hold a job here, or cancel it) */
  between?: (step: DemoRemovalStep) => Promise<void>
}

/** The removal's steps, telling `onDone` the result before the job answers done. */
function* stepsTellingDone(place: DemoRemoveJobPlace): Generator<DemoRemovalStep, ResultOf<'demo.remove'>> {
  const result = yield* demoRemovalSteps(place.db, place.undoneAt)
  place.onDone?.(result)
  return result
}

/** Start the removal; answers its id at once, before any of the work. */
export function startDemoRemoveJob(jobs: JobRegistry, place: DemoRemoveJobPlace): { jobId: string } {
  return jobs.start(
    'demo.remove',
    stepRunner(
      () => stepsTellingDone(place),
      (step, report: DemoRemoveReporter) => report.progress(step.step, step.steps, demoRemovalPhase(step)),
      {
        // cancelled before it began: not even the backup is taken
        before: async (report) => {
          report.progress(0, 0, BACKING_UP)
          await backUpBeforeDemoRemoval(place.db, place.backupFolder, place.undoneAt)
        },
        between: place.between
      }
    )
  )
}
