/**
 * 售后卡: templates, the designer's working copy, the print target, calibration, the preview
 * (every page merged from real customers, with warnings) and printing itself: Electron prints
 * and saves PDFs through the main process; the browser host opens the printable page in a new
 * tab for the browser's own print dialog.
 */
import { defineStore } from 'pinia'
import { computed, reactive, ref } from 'vue'
import type { z } from 'zod'
import type { Block, Capabilities, PrinterCalibration, PrintPreview, PrintTarget, Template, TemplateSummary, TargetOptions } from '@shared/schemas/printing'
import type { PrintJobProgress, RenderJobProgress, SavePdfJobProgress } from '@shared/schemas/jobs'
import type { Result } from '@shared/result'
import { useCall } from './call'
import { cancelJob, runJob } from './job-follow'

export type TargetKind = 'segment' | 'campaign' | 'batch' | 'stage'

export const useCardsStore = defineStore('printing', () => {
  const templates = ref<TemplateSummary[]>([])
  const template = ref<Template | null>(null)
  /** the designer's working copy; saved explicitly */
  const draft = ref<Template | null>(null)
  const dirty = ref(false)
  const targets = ref<z.infer<typeof TargetOptions> | null>(null)
  const capabilities = ref<z.infer<typeof Capabilities>>({ print: false, pdf: false, printers: [] })
  const calibrations = ref<PrinterCalibration[]>([])
  const preview = ref<PrintPreview | null>(null)
  const target = reactive<{ kind: TargetKind; value: string }>({ kind: 'stage', value: 'active' })
  const job = reactive({ startAt: 1, printer: '', offsetX: 0, offsetY: 0, scaleX: 1, scaleY: 1 })
  const loading = useCall()
  const saving = useCall()
  const previewing = useCall()
  const printing = useCall()
  /** The print or PDF run as a job, while it runs and after: the cards built of the run's cards, its phase in words. */
  const printJob = ref<PrintJobProgress | SavePdfJobProgress | RenderJobProgress | null>(null)

  const printTarget = computed<PrintTarget | null>(() => {
    const v = target.value
    if (v === '') return null
    if (target.kind === 'stage') return { stage: v as NonNullable<PrintTarget['stage']> }
    if (target.kind === 'segment') return { segment: Number(v) }
    return target.kind === 'campaign' ? { campaign: Number(v) } : { batch: Number(v) }
  })

  /** Templates, targets, what this host can print with, saved calibrations. */
  async function load(): Promise<void> {
    const [list, opts, caps, cals] = await Promise.all([
      loading.run(() => window.api.printing.templates({})),
      loading.run(() => window.api.printing.targets({})),
      loading.run(() => window.api.printing.capabilities({})),
      loading.run(() => window.api.printing.calibrations({}))
    ])
    if (list) templates.value = list
    if (opts) targets.value = opts
    if (caps) capabilities.value = caps
    if (cals) calibrations.value = cals
    if (!template.value && list?.length) await open(list[0].id)
  }

  /**
   * The template being opened, awaited by a preview or a print asked meanwhile: clicking a
   * template and then 生成预览 at once must preview (and never print) the one clicked, not the
   * one still in the designer. The newest click wins over a slower earlier answer.
   */
  let opening: Promise<void> = Promise.resolve()
  let opens = 0
  /** bumped by each open and each preview asked: only the newest preview is shown */
  let previews = 0

  /** Open a template in the designer. */
  function open(id: number): Promise<void> {
    const seq = ++opens
    opening = (async () => {
      const t = await loading.run(() => window.api.printing.template({ id }))
      if (!t || seq !== opens) return
      template.value = t
      draft.value = structuredClone(t)
      dirty.value = false
      preview.value = null
      previews++
    })()
    return opening
  }

  /** Change the working copy (the designer calls this on every edit). */
  function edit(mutate: (t: Template) => void): void {
    if (!draft.value) return
    mutate(draft.value)
    dirty.value = true
  }

  function updateBlock(index: number, patch: Partial<Block>): void {
    edit((t) => Object.assign(designBlocks(t)[index], patch))
  }

  /** Which design is being edited: '' for the default, else a variant id. */
  const designId = ref('')
  function designBlocks(t: Template): Block[] {
    return designId.value ? (t.body.variants.find((v) => v.id === designId.value)?.blocks ?? t.body.blocks) : t.body.blocks
  }

  async function save(): Promise<boolean> {
    const d = draft.value
    if (!d) return false
    const saved = await saving.run(() => window.api.printing.saveTemplate({ id: d.id, name: d.name, kind: d.kind, sheet: d.sheet, body: d.body }))
    if (!saved) return false
    template.value = saved
    draft.value = structuredClone(saved)
    dirty.value = false
    const list = await loading.run(() => window.api.printing.templates({}))
    if (list) templates.value = list
    return true
  }

  async function duplicate(): Promise<void> {
    if (!template.value) return
    const copy = await saving.run(() => window.api.printing.duplicateTemplate({ id: template.value!.id }))
    if (!copy) return
    const list = await loading.run(() => window.api.printing.templates({}))
    if (list) templates.value = list
    await open(copy.id)
  }

  function jobInput(limit?: number) {
    return {
      templateId: draft.value!.id,
      target: printTarget.value!,
      startAt: job.startAt,
      calibration: { offsetX: job.offsetX, offsetY: job.offsetY, scaleX: job.scaleX, scaleY: job.scaleY },
      printer: job.printer || undefined,
      draft: dirty.value ? { kind: draft.value!.kind, sheet: draft.value!.sheet, body: draft.value!.body } : undefined,
      limit
    }
  }

  /** Every page as it will print, merged from the target's customers, with warnings. */
  async function runPreview(limit?: number): Promise<void> {
    await opening
    if (!draft.value || !printTarget.value) return
    const seq = ++previews
    const p = await previewing.run(() => window.api.printing.preview(jobInput(limit)))
    if (p && seq === previews) preview.value = p
  }

  /** The printable document for real (codes issued): print it, save a PDF, or open it in a tab. */
  async function print(how: 'print' | 'pdf' | 'tab'): Promise<{ codesIssued: number; path?: string | null; cancelled?: boolean } | undefined> {
    await opening
    if (!draft.value || !printTarget.value) return undefined
    if (dirty.value && !(await save())) return undefined
    if (how === 'print') return asPrintJob('printing.print', () => window.api.printing.printStart(jobInput()))
    if (how === 'pdf') return asPrintJob('printing.savePdf', () => window.api.printing.savePdfStart(jobInput()))
    // the printable page built as a job too, its bar and 取消 as for a print (the browser host's way to print)
    const end = await runJob(printing, printJob, 'printing.render', () => window.api.printing.renderStart(jobInput()))
    if (!end) return undefined
    if (end.cancelled) return { codesIssued: 0, cancelled: true }
    const r = end.data
    if (!('html' in r)) return undefined // narrows the union of the print kinds' results: a render answers its page
    const url = URL.createObjectURL(new Blob([r.html], { type: 'text/html;charset=utf-8' }))
    window.open(url, '_blank')
    return { codesIssued: r.codesIssued }
  }

  /**
   * Start a print run as a job and follow it to its end (the server answers the window's other
   * calls between its steps); a cancel is no failure to show: it answers { cancelled: true }.
   */
  async function asPrintJob(
    kind: 'printing.print' | 'printing.savePdf',
    start: () => Promise<Result<{ jobId: string }>>
  ): Promise<{ codesIssued: number; path?: string | null; cancelled?: boolean } | undefined> {
    const end = await runJob(printing, printJob, kind, start)
    if (!end) return undefined
    return end.cancelled ? { codesIssued: 0, cancelled: true } : end.data
  }

  /** Stop the print run while it lays out the cards: no code is stored, nothing is sent. */
  async function cancelPrint(): Promise<void> {
    await cancelJob(printJob.value)
  }

  /** Remember the current offsets and scale for the chosen printer. */
  async function saveCalibration(): Promise<boolean> {
    if (!job.printer.trim()) return false
    const saved = await saving.run(() =>
      window.api.printing.saveCalibration({ printer: job.printer.trim(), offsetX: job.offsetX, offsetY: job.offsetY, scaleX: job.scaleX, scaleY: job.scaleY })
    )
    if (!saved) return false
    calibrations.value = [...calibrations.value.filter((c) => c.printer !== saved.printer), saved].sort((a, b) => a.printer.localeCompare(b.printer))
    return true
  }

  /** Choosing a printer loads its saved calibration. */
  function choosePrinter(name: string): void {
    job.printer = name
    const c = calibrations.value.find((x) => x.printer === name)
    Object.assign(job, c ? { offsetX: c.offsetX, offsetY: c.offsetY, scaleX: c.scaleX, scaleY: c.scaleY } : { offsetX: 0, offsetY: 0, scaleX: 1, scaleY: 1 })
  }

  return {
    templates,
    template,
    draft,
    dirty,
    designId,
    targets,
    capabilities,
    calibrations,
    preview,
    target,
    job,
    printTarget,
    loading,
    saving,
    previewing,
    printing,
    printJob,
    load,
    open,
    edit,
    updateBlock,
    designBlocks,
    save,
    duplicate,
    runPreview,
    print,
    cancelPrint,
    saveCalibration,
    choosePrinter
  }
})
