import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { DomainError } from '../../../shared/result'
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
import type { ParsedJob } from '../../services/printing/print-job'

export function printingHandlers(ctx: AppContext): HandlerGroup<'printing'> {
  // built-ins are seeded on first use, whichever channel comes first
  const seeded = () => ensureBuiltIns(ctx.db, ctx.now())
  const job = (input: ParsedJob, commit: boolean) => {
    seeded()
    const settings = readSettings(ctx.db)
    return runJob(ctx.db, input, { asOf: input.asOf ?? ctx.today(), thresholds: settings.lifecycle, tiers: settings.tiers, commit })
  }
  const sink = () => {
    const s = currentPrintSink()
    if (!s)
      throw new DomainError(
        'FORBIDDEN',
        '此环境不能直接打印，请打开可打印页面后用浏览器打印 (no printer here: open the printable page and print from the browser)'
      )
    return s
  }
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
    'printing.print': async (input) => {
      const s = sink()
      const r = job(input, true)
      return {
        printed: await s.print(r.html, { printer: input.printer }),
        cards: r.cards,
        pages: r.pages,
        codesIssued: r.codesIssued,
        wholePhones: r.wholePhones
      }
    },
    'printing.savePdf': async (input) => {
      const s = sink()
      const r = job(input, true)
      return {
        path: await s.savePdf(r.html, `cards-${ctx.today()}.pdf`),
        cards: r.cards,
        pages: r.pages,
        codesIssued: r.codesIssued,
        wholePhones: r.wholePhones
      }
    },
    'printing.capabilities': async () => {
      const s = currentPrintSink()
      return { print: s !== null, pdf: s !== null, printers: s ? await s.printers() : [] }
    },
    'printing.calibrations': () => listCalibrations(ctx.db),
    'printing.saveCalibration': (input) => saveCalibration(ctx.db, input),
    'printing.redeem': ({ code, at }) => redeemCode(ctx.db, code, at ?? ctx.today())
  }
}
