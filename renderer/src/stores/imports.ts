/**
 * The import page's state: the chosen file, what the app detected in it (and what the user
 * overrode), the running job with its progress, the result, and the batch history.
 */
import { defineStore } from 'pinia'
import { computed, ref, shallowRef } from 'vue'
import type {
  FieldConflict,
  BatchSummary,
  ImportFile,
  ImportOptions,
  ImportPreview,
  ImportProgress,
  ImportResult,
  UndoResult,
  ImportField
} from '@shared/schemas/imports'
import { fileToBase64, saveBase64, saveBytes } from '@/composables/download'
import { unwrap, useCall, CallError } from './call'
import { failureText } from '../i18n/failure-text'
import type { Fail } from '@shared/result'

export type ImportStage = 'pick' | 'preview' | 'running' | 'result'

const POLL_MS = 250

export const useImportsStore = defineStore('imports', () => {
  const stage = ref<ImportStage>('pick')
  const fileName = ref('')
  const payload = shallowRef<ImportFile | null>(null)
  const preview = ref<ImportPreview | null>(null)
  const options = ref<ImportOptions>({})
  const progress = ref<ImportProgress | null>(null)
  const result = ref<ImportResult | null>(null)
  const failure = ref<{ code: string; message: string } | null>(null)
  const batches = ref<BatchSummary[]>([])
  /** indexes of result.conflicts whose file value staff took */
  const taken = ref<Set<number>>(new Set())
  const loading = useCall()
  const working = useCall()
  let timer: ReturnType<typeof setTimeout> | null = null

  /** column index → field, from the preview's field → header mapping */
  const fieldOfColumn = computed<(ImportField | '')[]>(() => {
    const p = preview.value
    if (!p) return []
    return p.headers.map((h) => (Object.entries(p.mapping).find(([, header]) => header === h)?.[0] as ImportField | undefined) ?? '')
  })

  /** Electron gives dropped files a path; the browser host gets the bytes. */
  async function toPayload(file: File): Promise<ImportFile> {
    const platform = window.platform
    if (platform?.transport === 'electron') {
      const path = platform.pathForFile(file)
      if (path) return { path }
    }
    return { name: file.name, dataBase64: await fileToBase64(file) }
  }

  /** Take a file: read what can be detected and show the preview. */
  async function choose(file: File): Promise<void> {
    stop()
    fileName.value = file.name
    options.value = {}
    result.value = null
    failure.value = null
    preview.value = null
    stage.value = 'preview'
    payload.value = await toPayload(file)
    await refreshPreview()
  }

  /** Detect again with the user's overrides (encoding, delimiter, header row, mapping…). */
  async function refreshPreview(): Promise<void> {
    if (!payload.value) return
    const p = await loading.run(() => window.api.imports.preview({ file: payload.value!, options: options.value }))
    if (p) preview.value = p
    else if (!preview.value) stage.value = 'pick'
  }

  async function override(patch: Partial<ImportOptions>): Promise<void> {
    const next: ImportOptions = { ...options.value, ...patch }
    // a new header row or encoding means new headers: the old mapping no longer applies
    if ('headerRow' in patch || 'encoding' in patch || 'delimiter' in patch) delete next.mapping
    // another sheet is another table: its header row and columns are found afresh
    // another kind keeps only its own fields: its columns are found afresh
    if ('kind' in patch) delete next.mapping
    if ('sheet' in patch) {
      delete next.mapping
      delete next.headerRow
    }
    options.value = next
    await refreshPreview()
  }

  /** Map one column to a field (or to nothing). */
  async function mapColumn(column: number, field: ImportField | ''): Promise<void> {
    const p = preview.value
    if (!p) return
    const header = p.headers[column]
    const mapping: Record<string, string | null> = { ...p.mapping }
    for (const [f, h] of Object.entries(mapping)) if (h === header) mapping[f] = null
    if (field) mapping[field] = header
    options.value = { ...options.value, mapping: mapping as ImportOptions['mapping'] }
    await refreshPreview()
  }

  /** Start the import in the background and follow it. */
  async function start(): Promise<void> {
    if (!payload.value || !preview.value) return
    failure.value = null
    const mapping = Object.fromEntries(Object.entries(preview.value.mapping)) as ImportOptions['mapping']
    const started = await working.run(() => window.api.imports.start({ file: payload.value!, options: { ...options.value, mapping } }))
    if (!started) return
    stage.value = 'running'
    progress.value = null
    poll(started.jobId)
  }

  function poll(jobId: string): void {
    timer = setTimeout(async () => {
      timer = null
      let p: ImportProgress
      try {
        p = await unwrap(window.api.imports.progress({ jobId }))
      } catch (e) {
        if (e instanceof CallError) stage.value = 'preview'
        return
      }
      progress.value = p
      if (p.state === 'running') return poll(jobId)
      if (p.state === 'done' && p.result) {
        result.value = p.result
        taken.value = new Set()
        stage.value = 'result'
        await loadBatches()
      } else {
        // a catalogued refusal in the app's language, as unwrap shows any other
        failure.value = p.error && { code: p.error.code, message: failureText({ ok: false, ...p.error } as Fail) }
        stage.value = 'preview'
      }
    }, POLL_MS)
  }

  async function cancel(): Promise<void> {
    const jobId = progress.value?.jobId
    if (jobId) await working.run(() => window.api.imports.cancel({ jobId }))
  }

  function stop(): void {
    if (timer) clearTimeout(timer)
    timer = null
  }

  /** Back to an empty page (after a result, or to drop the chosen file). */
  function reset(): void {
    stop()
    stage.value = 'pick'
    payload.value = null
    preview.value = null
    result.value = null
    progress.value = null
    failure.value = null
    options.value = {}
  }

  /** Take the file's value of one listed conflict: the customer edit the import prepared. */
  async function takeFileValue(index: number): Promise<FieldConflict | undefined> {
    const c = result.value?.conflicts[index]
    if (!c?.take) return undefined
    const done = await working.run(() => window.api.customers.update({ id: c.customerId, patch: c.take! }))
    if (!done) return undefined
    taken.value = new Set([...taken.value, index])
    return c
  }

  async function loadBatches(): Promise<void> {
    const data = await loading.run(() => window.api.imports.batches({}))
    if (data) batches.value = data
  }

  async function undo(batchId: number): Promise<UndoResult | undefined> {
    const r = await working.run(() => window.api.imports.undo({ batchId }))
    if (r) {
      await loadBatches()
      if (result.value?.batchId === batchId) reset()
    }
    return r
  }

  async function downloadRejected(batchId: number): Promise<boolean> {
    const r = await working.run(() => window.api.imports.rejected({ batchId }))
    if (!r) return false
    saveBytes(new TextEncoder().encode(r.csv), r.fileName, 'text/csv;charset=utf-8')
    return true
  }

  /** The demo shop's four export files saved as downloads, to try the import with (「保存示例文件」); imports nothing. */
  async function saveSamples(): Promise<string[] | undefined> {
    const r = await working.run(() => window.api.demo.files({}))
    if (!r) return undefined
    for (const f of r.files)
      saveBase64(f.dataBase64, f.name, f.name.endsWith('.csv') ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
    return r.files.map((f) => f.name)
  }

  return {
    saveSamples,
    stage,
    fileName,
    preview,
    options,
    progress,
    result,
    failure,
    batches,
    taken,
    loading,
    working,
    fieldOfColumn,
    choose,
    override,
    mapColumn,
    start,
    cancel,
    reset,
    loadBatches,
    undo,
    takeFileValue,
    downloadRejected
  }
})
