/**
 * Long calls as jobs: a `…Start` channel answers a job id at once, `jobs.progress` says where the
 * job stands (done of total, the phase in words, the answers it already has) and, once it has
 * finished, its result or its error; `jobs.cancel` stops it. Each kind of job has its own
 * progress shape, told apart by `kind`.
 */
import { z } from 'zod'
import { errorCodes } from '../result'
import { Backtest, ClvFit, CountModelName, TopList, Words } from './predictions'
import { SegmentsOverview } from './segments'
import { BackupInfo, ExportAllResult, ImportAllResult, RestoreResult } from './backups'
import { DemoRemoveResult } from './demo'
import { PdfSaved, Printed, PrintRendered } from './printing'

export const JobState = z.enum(['running', 'done', 'failed', 'cancelled'])
export type JobState = z.infer<typeof JobState>

export const JobIdInput = z.object({ jobId: z.string().min(1).max(64) }).strict()
export const JobStarted = z.object({ jobId: z.string() })

/** A job's refusal, as a Fail envelope carries it (shared/result.ts): the code, both languages, the catalogue key. */
export const JobError = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  key: z.string().optional(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).optional()
})
export type JobError = z.infer<typeof JobError>

/** The fields every job's progress has; `partial` and `result` are the kind's own. */
function jobProgress<K extends string, P extends z.ZodType, R extends z.ZodType>(kind: K, partial: P, result: R) {
  return z.object({
    jobId: z.string(),
    kind: z.literal(kind),
    state: JobState,
    /** steps done of steps in all (a model is a step of a fit) */
    done: z.number().int(),
    total: z.number().int(),
    /** what the job is doing now, in words; null once it has finished */
    phase: Words.nullable(),
    /** answers already had, in the order they came, before the whole result */
    partial: z.array(partial),
    result: result.nullable(),
    error: JobError.nullable()
  })
}

/** One count model's answer in a fit job, as soon as it has one (a slow model does not hold it back). */
export const ModelAnswer = z.object({
  model: CountModelName,
  label: z.string(),
  /** the fitted parameters (r, alpha, a, b, s, beta, k as the model has them); null when it has no answer */
  params: z.record(z.string(), z.number()).nullable(),
  logLik: z.number().nullable(),
  backtest: Backtest.nullable(),
  error: Words.nullable()
})
export type ModelAnswer = z.infer<typeof ModelAnswer>

export const FitJobProgress = jobProgress('predictions.fit', ModelAnswer, ClvFit)
export type FitJobProgress = z.infer<typeof FitJobProgress>

/** The top list as a job: no answers before the whole list (z.never), which is TopList exactly as predictions.top answers. */
export const TopJobProgress = jobProgress('predictions.top', z.never(), TopList)
export type TopJobProgress = z.infer<typeof TopJobProgress>

/** A segment recompute as a job: the overview exactly as segments.overview answers it, with no answers before it. */
export const OverviewJobProgress = jobProgress('segments.overview', z.never(), SegmentsOverview)
export type OverviewJobProgress = z.infer<typeof OverviewJobProgress>

/** The backup jobs: each result exactly as its plain call (backups.create, …) answers, with no answers before it. */
export const BackupCreateJobProgress = jobProgress('backups.create', z.never(), BackupInfo)
export const BackupRestoreJobProgress = jobProgress('backups.restore', z.never(), RestoreResult)
export const BackupExportJobProgress = jobProgress('backups.exportAll', z.never(), ExportAllResult)
export const BackupImportJobProgress = jobProgress('backups.importAll', z.never(), ImportAllResult)
export type BackupJobKind = 'backups.create' | 'backups.restore' | 'backups.exportAll' | 'backups.importAll'

/** Removing the demo shop as a job: a backup, then one imported batch undone a step; the result exactly as demo.remove answers. */
export const DemoRemoveJobProgress = jobProgress('demo.remove', z.never(), DemoRemoveResult)
export type DemoRemoveJobProgress = z.infer<typeof DemoRemoveJobProgress>

/** A print run as a job (printing.printStart, savePdfStart): cards built of cards, then the sink's answer; the result exactly as printing.print or savePdf answers. */
export const PrintJobProgress = jobProgress('printing.print', z.never(), Printed)
export type PrintJobProgress = z.infer<typeof PrintJobProgress>
export const SavePdfJobProgress = jobProgress('printing.savePdf', z.never(), PdfSaved)
export type SavePdfJobProgress = z.infer<typeof SavePdfJobProgress>
/** printing.render as a job (printing.renderStart): the printable page opened in a tab where there is no print sink (the browser host). */
export const RenderJobProgress = jobProgress('printing.render', z.never(), PrintRendered)
export type RenderJobProgress = z.infer<typeof RenderJobProgress>
export type PrintOutJobKind = 'printing.print' | 'printing.savePdf' | 'printing.render'

export const JobProgress = z.discriminatedUnion('kind', [
  FitJobProgress,
  TopJobProgress,
  OverviewJobProgress,
  BackupCreateJobProgress,
  BackupRestoreJobProgress,
  BackupExportJobProgress,
  BackupImportJobProgress,
  DemoRemoveJobProgress,
  PrintJobProgress,
  SavePdfJobProgress,
  RenderJobProgress
])
export type JobProgress = z.infer<typeof JobProgress>
export type JobKind = JobProgress['kind']

export const jobsChannels = {
  /** Where a job stands: steps done, the phase in words, the answers so far, and at the end its result or error. */
  'jobs.progress': { input: JobIdInput, output: JobProgress },
  /** Stop a running job; what it already answered stays readable, it gives no result. */
  'jobs.cancel': { input: JobIdInput, output: z.object({ cancelled: z.boolean() }) }
}
