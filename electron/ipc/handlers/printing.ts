import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { readSettings } from '../../services/settings/settings-service'
import {
  currentPrintSink,
  deleteTemplate,
  duplicateTemplate,
  ensureBuiltIns,
  getTemplate,
  listCalibrations,
  listTemplates,
  redeemCode,
  runJob,
  saveCalibration,
  saveTemplate
} from '../../services/printing'
import { targetOptions } from '../../services/printing/target-options'
import { printJobSteps, type JobOptions, type ParsedJob } from '../../services/printing/print-job'
import { printJob, savePdfJob, sendToPdf, sendToPrinter, sinkOrRefuse } from '../../services/printing/print-out'
import { jobsOf } from '../../services/jobs/context-jobs'
import { startPrintOutJob } from '../../services/jobs/printing-job'
import { auditJobDone } from '../audit-trail'

export function printingHandlers(ctx: AppContext): HandlerGroup<'printing'> {
  // built-ins are seeded on first use, whichever channel comes first
  const seeded = () => ensureBuiltIns(ctx.db, ctx.now())
  // the shop's date and rules for a job, the built-in templates seeded first
  const options = (input: ParsedJob): Omit<JobOptions, 'commit'> => {
    seeded()
    const settings = readSettings(ctx.db)
    return { asOf: input.asOf ?? ctx.today(), thresholds: settings.lifecycle, tiers: settings.tiers }
  }
  const job = (input: ParsedJob, commit: boolean) => runJob(ctx.db, input, { ...options(input), commit })
  // a job's reply is only its id: its audit line is written once the sink has answered, from the input and that answer
  const steps = (input: ParsedJob) => {
    const opts = { ...options(input), commit: true }
    return () => printJobSteps(ctx.db, input, opts)
  }
  const suggestedName = () => `cards-${ctx.today()}.pdf`
  return {
    'printing.templates': () => listTemplates(ctx.db, ctx.now()),
    'printing.template': ({ id }) => {
      seeded()
      return getTemplate(ctx.db, id)
    },
    'printing.saveTemplate': (input) => saveTemplate(ctx.db, input, ctx.now()),
    'printing.duplicateTemplate': ({ id }) => duplicateTemplate(ctx.db, id, ctx.now()),
    'printing.deleteTemplate': ({ id }) => ({ deleted: deleteTemplate(ctx.db, id) }),
    'printing.targets': () => targetOptions(ctx.db),
    'printing.preview': (input) => {
      const { codesIssued: _, ...preview } = job(input, false)
      return preview
    },
    'printing.render': (input) => job(input, true),
    'printing.print': (input) => printJob(ctx.db, input, options(input), input.printer),
    // named for the shop's today, whatever date the job is as of
    'printing.savePdf': (input) => savePdfJob(ctx.db, input, options(input), suggestedName()),
    // the sink is asked for before the job starts: where nothing can print, no job and no code
    'printing.printStart': (input) => {
      const sink = sinkOrRefuse()
      return startPrintOutJob(jobsOf(ctx), 'printing.print', {
        steps: steps(input),
        send: (run) => sendToPrinter(sink, run, input.printer),
        onSent: (output) => auditJobDone(ctx, 'printing.printStart', { input, output })
      })
    },
    'printing.savePdfStart': (input) => {
      const [sink, name] = [sinkOrRefuse(), suggestedName()]
      return startPrintOutJob(jobsOf(ctx), 'printing.savePdf', {
        steps: steps(input),
        send: (run) => sendToPdf(sink, run, name),
        onSent: (output) => auditJobDone(ctx, 'printing.savePdfStart', { input, output })
      })
    },
    // no sink: the printable page goes back to the window, which opens it in a tab (the browser host)
    'printing.renderStart': (input) =>
      startPrintOutJob(jobsOf(ctx), 'printing.render', {
        steps: steps(input),
        send: async (run) => run,
        onSent: (output) => auditJobDone(ctx, 'printing.renderStart', { input, output })
      }),
    'printing.capabilities': async () => {
      const s = currentPrintSink()
      return { print: s !== null, pdf: s !== null, printers: s ? await s.printers() : [] }
    },
    'printing.calibrations': () => listCalibrations(ctx.db),
    'printing.saveCalibration': (input) => saveCalibration(ctx.db, input),
    'printing.redeem': ({ code, at }) => redeemCode(ctx.db, code, at ?? ctx.today())
  }
}
