/**
 * printing.print, savePdf and render as jobs (printing.printStart, savePdfStart, renderStart): the run is
 * built in this process by the plain call's own steps (printing/print-job.ts printJobSteps, 250
 * cards a step) with a turn of the event loop between, so the window's other calls are answered
 * meanwhile, the window shows the cards built of the run's cards, and a cancel is heard between
 * steps. The codes are drawn in memory and stored by the last step, so a job cancelled before it
 * has stored none. Then the document goes to the front's print sink as the plain call sends it
 * (an await on the front, not on this process); a cancel heard while the print or save dialog
 * is open cannot take back the codes stored, so the audit line is written once the sink has
 * answered, cancelled or not.
 */
import type { Words } from '../../../shared/schemas/predictions'
import type { PrintOutJobKind } from '../../../shared/schemas/jobs'
import type { JobResult, PrintStep } from '../printing/print-job'
import { jobError, type JobRegistry, type JobReporter, type ResultOf } from './job-registry'
import { stepRunner } from './step-runner'

const STORING: Words = { zh: '正在保存券码并生成文档', en: 'storing the codes and writing the document' }
const SENDING: Record<PrintOutJobKind, Words> = {
  'printing.print': { zh: '正在发送到打印机', en: 'sending it to the printer' },
  'printing.savePdf': { zh: '正在保存 PDF', en: 'saving the PDF' },
  'printing.render': { zh: '正在打开可打印页面', en: 'opening the printable page' }
}

/** The step about to run, in words: the cards being laid out, then the codes stored. */
export function printPhase(step: PrintStep): Words {
  if (step.stage === 'store') return STORING
  const next = Math.min(step.total, step.done + 1)
  return { zh: `正在排版卡片（第 ${next}/${step.total} 张起）`, en: `laying out the cards (from ${next} of ${step.total})` }
}

export interface PrintOutJobPlace<K extends PrintOutJobKind> {
  /** the run a step at a time (printJobSteps with its codes stored) */
  steps: () => Generator<PrintStep, JobResult>
  /** the built run sent to the sink: the plain call's reply */
  send: (run: JobResult) => Promise<ResultOf<K>>
  /** told the reply once the sink has answered, even when the job was cancelled meanwhile (the audit line) */
  onSent?: (result: ResultOf<K>) => void
  /** awaited after each step's report (tests hold a job here, or cancel it) */
  between?: (step: PrintStep) => Promise<void>
}

/** Start a print run as a job; answers its id at once, before any of the work. */
export function startPrintOutJob<K extends PrintOutJobKind>(jobs: JobRegistry, kind: K, place: PrintOutJobPlace<K>): { jobId: string } {
  return jobs.start(kind, (report) => {
    // the built run is not the job's result: it goes to the sink first, and the sink's answer is
    const building: JobReporter<never, JobResult> = {
      progress: report.progress,
      partial: () => {},
      cancelled: report.cancelled,
      fail: report.fail,
      done: (run) => {
        report.progress(run.cards, run.cards, SENDING[kind])
        place.send(run).then(
          (result) => {
            place.onSent?.(result)
            report.done(result)
          },
          (e: unknown) => report.fail(jobError(e))
        )
      }
    }
    stepRunner(place.steps, (step: PrintStep, r: JobReporter<never, JobResult>) => r.progress(step.done, step.total, printPhase(step)), {
      between: place.between
    })(building)
  })
}
