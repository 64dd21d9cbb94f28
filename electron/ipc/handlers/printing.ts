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
import type { JobOptions, ParsedJob } from '../../services/printing/print-job'
import { printJob, savePdfJob } from '../../services/printing/print-out'

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
    'printing.savePdf': (input) => savePdfJob(ctx.db, input, options(input), `cards-${ctx.today()}.pdf`),
    'printing.capabilities': async () => {
      const s = currentPrintSink()
      return { print: s !== null, pdf: s !== null, printers: s ? await s.printers() : [] }
    },
    'printing.calibrations': () => listCalibrations(ctx.db),
    'printing.saveCalibration': (input) => saveCalibration(ctx.db, input),
    'printing.redeem': ({ code, at }) => redeemCode(ctx.db, code, at ?? ctx.today())
  }
}
