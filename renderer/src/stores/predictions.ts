/**
 * 预测: the model fit with its backtest, the customers worth most, and the reminder settings
 * (care calendar, days one unit lasts) shown beside them.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ClvFit, TimeUnit, TopList } from '@shared/schemas/predictions'
import type { CareSettings, UnitRow } from '@shared/schemas/reminders'
import type { FitJobProgress, TopJobProgress } from '@shared/schemas/jobs'
import type { Result } from '@shared/result'
import { useCall } from './call'
import { cancelJob, followJob, startedJob } from './job-follow'

export interface FitRequest {
  calibrationEnd: string
  holdoutEnd: string
  unit: TimeUnit
}

export const usePredictionsStore = defineStore('predictions', () => {
  const fit = ref<ClvFit | null>(null)
  const top = ref<TopList | null>(null)
  /** quiet: a fit that fails (data too thin) is shown in the page, not as a toast */
  const fitting = useCall({ quiet: true })
  const topping = useCall({ quiet: true })
  /** what the page last asked for, so a change of the shop's model can fit the same dates again */
  const lastFit = ref<FitRequest | null>(null)
  const lastTop = ref<{ asOf: string; horizonDays: number } | null>(null)

  /** The fit job while it runs and after: its phase in words, steps done, each model's answer as it came. */
  const fitJob = ref<FitJobProgress | null>(null)

  /** The top-list job while it runs and after: its phase in words and steps done. */
  const topJob = ref<TopJobProgress | null>(null)

  /**
   * Fit with a backtest over the holdout (the backtest's calibration window, not the scores staff
   * act on), as a job on the server: the page shows its progress and can cancel it.
   */
  async function run(req: FitRequest): Promise<void> {
    lastFit.value = req
    fit.value = null
    fitJob.value = null
    const data = await fitting.run(async () => {
      const started = await window.api.predictions.fitStart({
        calibrationEnd: req.calibrationEnd,
        holdoutEnd: req.holdoutEnd,
        unit: req.unit,
        paretoNbd: true
      })
      if (!started.ok) return started
      fitJob.value = startedJob<FitJobProgress>(started.data.jobId, 'predictions.fit')
      return followJob(started.data.jobId, fitJob)
    })
    if (data) fit.value = data
  }

  /** Stop the running fit; the page says it was cancelled. */
  async function cancelFit(): Promise<void> {
    await cancelJob(fitJob.value)
  }

  /**
   * 最有价值的顾客 as of a day: a fit on everything up to it, ranked by expected value over the
   * horizon, as a job on the server (the page shows its phase); a list still loading is stopped.
   */
  let topLoading: Promise<unknown> | null = null
  async function loadTop(asOf: string, horizonDays: number): Promise<void> {
    lastTop.value = { asOf, horizonDays }
    await cancelJob(topJob.value)
    // the stopped list's end (cancelled) is heard before this one starts, so it cannot clear this one's busy flag
    while (topLoading) await topLoading
    const loading = topping.run(async () => {
      const started = await window.api.predictions.topStart({ asOf, horizonDays, limit: 100 })
      if (!started.ok) return started
      topJob.value = startedJob<TopJobProgress>(started.data.jobId, 'predictions.top')
      return followJob(started.data.jobId, topJob)
    })
    topLoading = loading
    const data = await loading.finally(() => {
      if (topLoading === loading) topLoading = null
    })
    if (data) top.value = data
  }

  /** After the shop's model setting changed: the last fit and top list again, so both show the model now in use. */
  async function refresh(): Promise<void> {
    const f = lastFit.value
    const tl = lastTop.value
    await Promise.all([f && fit.value ? run(f) : undefined, tl ? loadTop(tl.asOf, tl.horizonDays) : undefined])
  }

  return { fit, top, fitting, topping, fitJob, topJob, run, cancelFit, loadTop, refresh }
})

/** The care calendar and the days-per-unit table, edited in ReminderSettings.vue. */
export const useReminderSettingsStore = defineStore('reminderSettings', () => {
  const settings = ref<CareSettings | null>(null)
  const units = ref<UnitRow[]>([])
  const loading = useCall()
  const saving = useCall()
  /** the row being saved ('cat:奶粉' or 'product:12'), for a spinner on that row only */
  const pendingKey = ref<string | null>(null)

  /** Categories that have products, each with its set figure (null when unset), the shipped default and the repeat buyers' word. */
  const categories = computed(() => {
    const map = new Map<string, { name: string; days: number | null; shippedDays: number | null; evidence: UnitRow['categoryEvidence'] }>()
    for (const u of units.value) {
      if (u.category !== null && !map.has(u.category))
        map.set(u.category, { name: u.category, days: u.categoryDays, shippedDays: u.shippedDays, evidence: u.categoryEvidence })
    }
    return [...map.values()].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  })
  /** The last offer taken, so the page can put the figure it replaced back (undo). */
  const adopted = ref<{ key: string; name: string; previous: number | null; days: number } | null>(null)

  async function loadUnits(): Promise<void> {
    const data = await loading.run(() => window.api.reminders.units({}))
    if (data) units.value = data
  }

  /** Settings and the units table. */
  async function load(): Promise<void> {
    const data = await loading.run(() => window.api.reminders.settings())
    if (data) settings.value = data
    await loadUnits()
  }

  /** Save some care-calendar settings; answers whether it worked. */
  async function saveSettings(patch: Partial<CareSettings>): Promise<boolean> {
    const data = await saving.run(() => window.api.reminders.updateSettings(patch))
    if (!data) return false
    settings.value = data
    return true
  }

  /** One row's save, then the table again; answers what the channel answered (undefined on failure). */
  async function saveRow<T>(key: string, call: () => Promise<Result<T>>): Promise<T | undefined> {
    pendingKey.value = key
    try {
      const done = await saving.run(call)
      if (done === undefined) return undefined
      await loadUnits()
      return done
    } finally {
      pendingKey.value = null
    }
  }

  /** Set (or clear with null) a category's days per unit. */
  async function setCategoryDays(category: string, daysPerUnit: number | null): Promise<boolean> {
    return (await saveRow(`cat:${category}`, () => window.api.reminders.setCategoryDays({ category, daysPerUnit }))) !== undefined
  }

  /** Set (or clear with null) a product's days per unit. */
  async function setProductDays(productId: number, daysPerUnit: number | null): Promise<boolean> {
    return (await saveRow(`product:${productId}`, () => window.api.reminders.setProductDays({ productId, daysPerUnit }))) !== undefined
  }

  /** Take the learned figure on offer for a product or a whole category; remembers what it replaced for undo. */
  async function adoptLearned(target: { productId: number; name: string } | { category: string }): Promise<boolean> {
    const key = 'productId' in target ? `product:${target.productId}` : `cat:${target.category}`
    const answer = await saveRow(key, () =>
      window.api.reminders.adoptLearned('productId' in target ? { productId: target.productId } : { category: target.category })
    )
    if (answer === undefined) return false
    adopted.value = { key, name: 'productId' in target ? target.name : target.category, previous: answer.previous, days: answer.daysPerUnit }
    return true
  }

  /** Undo the last offer taken: the figure it replaced goes back. */
  async function undoAdopt(): Promise<boolean> {
    const a = adopted.value
    if (!a) return false
    const [kind, id] = [a.key.slice(0, a.key.indexOf(':')), a.key.slice(a.key.indexOf(':') + 1)]
    const ok = kind === 'product' ? await setProductDays(Number(id), a.previous) : await setCategoryDays(id, a.previous)
    if (ok) adopted.value = null
    return ok
  }

  return {
    settings,
    units,
    categories,
    adopted,
    loading,
    saving,
    pendingKey,
    load,
    saveSettings,
    setCategoryDays,
    setProductDays,
    adoptLearned,
    undoAdopt
  }
})
