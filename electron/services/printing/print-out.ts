/**
 * A print job sent out through the front's print sink (only Electron's main process has one):
 * on paper, or saved as a PDF. The sink is asked for before any code is stored, so where
 * nothing can print, nothing is issued either.
 */
import type { Db } from '../../db/driver'
import { currentPrintSink, type PrintSink } from './print-sink'
import { runJob, type JobOptions, type JobResult, type ParsedJob } from './print-job'
import { refuse } from '../../../shared/errors/refuse'

type Sent = Pick<JobResult, 'cards' | 'pages' | 'codesIssued' | 'wholePhones'>

function sinkOrRefuse(): PrintSink {
  const s = currentPrintSink()
  if (!s) throw refuse('noPrinterHere')
  return s
}

const sent = (r: JobResult): Sent => ({ cards: r.cards, pages: r.pages, codesIssued: r.codesIssued, wholePhones: r.wholePhones })

/** Print the job (its codes stored) on `printer`, or the system's default. */
export async function printJob(db: Db, input: ParsedJob, options: Omit<JobOptions, 'commit'>, printer?: string): Promise<Sent & { printed: boolean }> {
  const s = sinkOrRefuse()
  const r = runJob(db, input, { ...options, commit: true })
  return { printed: await s.print(r.html, { printer }), ...sent(r) }
}

/** Save the job (its codes stored) as a PDF where the user chooses; path null when they cancelled. */
export async function savePdfJob(
  db: Db,
  input: ParsedJob,
  options: Omit<JobOptions, 'commit'>,
  suggestedName: string
): Promise<Sent & { path: string | null }> {
  const s = sinkOrRefuse()
  const r = runJob(db, input, { ...options, commit: true })
  return { path: await s.savePdf(r.html, suggestedName), ...sent(r) }
}
