/**
 * The model fit off the server's request loop: a worker_threads entry (built as
 * out/main/fit-worker.js) that opens its own read-only connection to the shop's file, runs the
 * fit step by step and posts each step's progress and each model's answer as it comes.
 */
import { workerData } from 'node:worker_threads'
import { openDatabase } from '../../db/connection'
import { loadDriver } from '../../db/driver'
import { drain } from '../predictions/model-choice'
import { fitClvSteps } from '../predictions/clv-service'
import type { ClvFit } from '../../../shared/schemas/predictions'
import type { ModelAnswer } from '../../../shared/schemas/jobs'
import { jobError } from './job-registry'
import { parentReporter } from './worker-runner'
import { fitProgress, type FitWorkerData } from './fit-job'

const report = parentReporter<ModelAnswer, ClvFit>()
const { dbPath, options } = workerData as FitWorkerData
let db: ReturnType<typeof openDatabase> | undefined
try {
  db = openDatabase(loadDriver(), dbPath, { readonly: true })
  report.done(drain(fitClvSteps(db, options), fitProgress(options, report)))
} catch (e) {
  report.fail(jobError(e))
} finally {
  db?.close()
}
