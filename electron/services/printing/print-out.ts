/**
 * A print job sent out through the front's print sink (only Electron's main process has one):
 * on paper, or saved as a PDF. The sink is asked for before any code is stored, so where
 * nothing can print, nothing is issued either. The plain calls build the run at once; the jobs
 * (jobs/printing-job.ts) build it a step at a time and send it the same way.
 */
import type { Db } from '../../db/driver'
import { currentPrintSink, type PrintSink } from './print-sink'
import { runJob, type JobOptions, type JobResult, type ParsedJob } from './print-job'
import { refuse } from '../../../shared/errors/refuse'

type Sent = Pick<JobResult, 'cards' | 'pages' | 'codesIssued' | 'wholePhones'>
export type Printed = Sent & { printed: boolean }
export type PdfSaved = Sent & { path: string | null }

/** The sink, or a refusal where nothing can print (before any code is stored). */
export function sinkOrRefuse(): PrintSink {
  const s = currentPrintSink()
  if (!s) throw refuse('noPrinterHere')
  return s
}

const sent = (r: JobResult): Sent => ({ cards: r.cards, pages: r.pages, codesIssued: r.codesIssued, wholePhones: r.wholePhones })

/** A built run on `printer` (or the system's default): what printing.print answers. */
export async function sendToPrinter(sink: PrintSink, r: JobResult, printer?: string): Promise<Printed> {
  return { printed: await sink.print(r.html, { printer }), ...sent(r) }
}

/** A built run saved as a PDF where the user chooses: what printing.savePdf answers. */
export async function sendToPdf(sink: PrintSink, r: JobResult, suggestedName: string): Promise<PdfSaved> {
  return { path: await sink.savePdf(r.html, suggestedName), ...sent(r) }
}

/** Print the job (its codes stored) on `printer`, or the system's default. */
export async function printJob(db: Db, input: ParsedJob, options: Omit<JobOptions, 'commit'>, printer?: string): Promise<Printed> {
  const s = sinkOrRefuse()
  return sendToPrinter(s, runJob(db, input, { ...options, commit: true }), printer)
}

/** Save the job (its codes stored) as a PDF where the user chooses; path null when they cancelled. */
export async function savePdfJob(db: Db, input: ParsedJob, options: Omit<JobOptions, 'commit'>, suggestedName: string): Promise<PdfSaved> {
  const s = sinkOrRefuse()
  return sendToPdf(s, runJob(db, input, { ...options, commit: true }), suggestedName)
}
