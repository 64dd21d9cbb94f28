/**
 * predictions.fit as a job: in a worker thread with its own read-only connection when the
 * built worker exists beside this bundle and the database is a file; otherwise (an in-memory
 * database, tests from the sources) in this process, one step per turn of the event loop.
 * Either way the progress is the same: reading, each model by name, the spend model; each
 * model's answer is reported the moment it has one.
 */
import type { Db } from '../../db/driver'
import type { Words } from '../../../shared/schemas/predictions'
import type { ModelAnswer } from '../../../shared/schemas/jobs'
import { fitClvSteps, type FitOptions, type FitStep } from '../predictions/clv-service'
import { MODEL_LABELS, modelsToFit, type ModelAnswer as FittedAnswer } from '../predictions/model-choice'
import type { JobRegistry, JobReporter, PartialOf, ResultOf } from './job-registry'
import { workerRunner } from './worker-runner'
import { stepRunner, type StepRunnerOptions } from './step-runner'
import { builtWorkerFile } from './built-worker'

type FitReporter = Pick<JobReporter<PartialOf<'predictions.fit'>, ResultOf<'predictions.fit'>>, 'progress' | 'partial'>

/** What the fit worker is given. */
export interface FitWorkerData {
  dbPath: string
  options: FitOptions
}

/** A model's answer as the contract carries it. */
export function modelAnswer(a: FittedAnswer): ModelAnswer {
  return {
    model: a.name,
    label: MODEL_LABELS[a.name],
    params: a.fit ? { ...a.fit.params } : null,
    logLik: a.fit ? a.fit.logLik : null,
    backtest: a.backtest,
    error: a.error
  }
}

const READING: Words = { zh: '正在读取购买记录', en: 'reading the purchases' }
const SPEND: Words = { zh: '正在拟合消费金额模型', en: 'fitting the spend model' }

/**
 * Turns a fit's steps into progress: reading is step 0, each model one step, the spend model the
 * last; `total` is known from the start (the models asked for), so the bar moves evenly.
 */
export function fitProgress(options: FitOptions, report: FitReporter): (step: FitStep) => void {
  const models = modelsToFit({ paretoNbd: options.paretoNbd }).length
  const total = models + 2
  return (step) => {
    if (step.kind === 'reading') report.progress(0, total, READING)
    else if (step.kind === 'fitting') {
      const label = MODEL_LABELS[step.name]
      const n = `${step.index + 1}/${step.count}`
      report.progress(1 + step.index, total, { zh: `正在拟合 ${label}（第 ${n} 个模型）`, en: `fitting ${label} (model ${n})` })
    } else if (step.kind === 'answer') report.partial(modelAnswer(step.answer))
    else report.progress(1 + models, total, SPEND)
  }
}

export interface FitJobPlace {
  db: Db
  dbPath: string
  /** the built worker; default: fit-worker.js beside this bundle (none under the sources) */
  workerFile?: string
  /** in-process only: awaited after each step (tests hold a model here) */
  between?: StepRunnerOptions<FitStep>['between']
}

function builtWorker(place: FitJobPlace): string | null {
  if (place.dbPath === ':memory:') return null
  if (place.workerFile) return place.workerFile
  return builtWorkerFile('fit-worker')
}

/** Start a fit job; answers its id at once. */
export function startFitJob(jobs: JobRegistry, place: FitJobPlace, options: FitOptions): { jobId: string } {
  const file = builtWorker(place)
  if (file) {
    const data: FitWorkerData = { dbPath: place.dbPath, options }
    return jobs.start('predictions.fit', workerRunner(file, data))
  }
  return jobs.start(
    'predictions.fit',
    stepRunner(
      () => fitClvSteps(place.db, options),
      (step, report) => fitProgress(options, report)(step),
      { between: place.between }
    )
  )
}
