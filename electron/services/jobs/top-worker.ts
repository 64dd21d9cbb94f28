/**
 * The top list off the server's request loop: a worker_threads entry (built as
 * out/main/top-worker.js) that answers one list per message, each with its own read-only
 * connection to the shop's file, posting the list's phase as it goes. It stays alive between
 * lists so the fits top-customers.ts remembers serve the next horizon (top-job.ts).
 */
import { parentPort } from 'node:worker_threads'
import { openDatabase } from '../../db/connection'
import { loadDriver } from '../../db/driver'
import { drain } from '../predictions/model-choice'
import { topCustomerSteps } from '../predictions/top-customers'
import { jobError } from './job-registry'
import { topProgress, type TopWorkerMessage, type TopWorkerRequest } from './top-job'

const port = parentPort
if (!port) throw new Error('not running in a worker thread')
const driver = loadDriver()

port.on('message', ({ jobId, dbPath, options }: TopWorkerRequest) => {
  const post = (m: TopWorkerMessage) => port.postMessage(m)
  let db: ReturnType<typeof openDatabase> | undefined
  try {
    db = openDatabase(driver, dbPath, { readonly: true })
    const progress = topProgress(options, { progress: (done, total, phase) => post({ jobId, type: 'progress', done, total, phase }) })
    post({ jobId, type: 'done', result: drain(topCustomerSteps(db, options), progress) })
  } catch (e) {
    post({ jobId, type: 'error', error: jobError(e) })
  } finally {
    db?.close()
  }
})
