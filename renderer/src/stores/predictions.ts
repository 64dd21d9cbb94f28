/**
 * 预测: the model fit with its backtest, the customers worth most, and the reminder settings
 * (care calendar, days one unit lasts) shown beside them.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { ClvFit, TimeUnit, TopList } from '@shared/schemas/predictions'
import type { CareSettings, UnitRow } from '@shared/schemas/reminders'
import { useCall } from './call'

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

  /** Fit with a backtest over the holdout (the backtest's calibration window, not the scores staff act on). */
  async function run(req: FitRequest): Promise<void> {
    fit.value = null
    const data = await fitting.run(() =>
      window.api.predictions.fit({ calibrationEnd: req.calibrationEnd, holdoutEnd: req.holdoutEnd, unit: req.unit, paretoNbd: true })
    )
    if (data) fit.value = data
  }

  /** 最有价值的顾客 as of a day: a fit on everything up to it, ranked by expected value over the horizon. */
  async function loadTop(asOf: string, horizonDays: number): Promise<void> {
    const data = await topping.run(() => window.api.predictions.top({ asOf, horizonDays, limit: 100 }))
    if (data) top.value = data
  }

  return { fit, top, fitting, topping, run, loadTop }
})

/** The care calendar and the days-per-unit table, edited in ReminderSettings.vue. */
export const useReminderSettingsStore = defineStore('reminderSettings', () => {
  const settings = ref<CareSettings | null>(null)
  const units = ref<UnitRow[]>([])
  const loading = useCall()
  const saving = useCall()
  /** the row being saved ('cat:奶粉' or 'product:12'), for a spinner on that row only */
  const pendingKey = ref<string | null>(null)

  /** Categories that have products, each with its set figure (null when unset). */
  const categories = computed(() => {
    const map = new Map<string, number | null>()
    for (const u of units.value) if (u.category !== null && !map.has(u.category)) map.set(u.category, u.categoryDays)
    return [...map].map(([name, days]) => ({ name, days })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'))
  })

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

  async function saveRow(key: string, call: () => ReturnType<typeof window.api.reminders.setCategoryDays>): Promise<boolean> {
    pendingKey.value = key
    try {
      const done = await saving.run(call)
      if (!done) return false
      await loadUnits()
      return true
    } finally {
      pendingKey.value = null
    }
  }

  /** Set (or clear with null) a category's days per unit. */
  function setCategoryDays(category: string, daysPerUnit: number | null): Promise<boolean> {
    return saveRow(`cat:${category}`, () => window.api.reminders.setCategoryDays({ category, daysPerUnit }))
  }

  /** Set (or clear with null) a product's days per unit. */
  function setProductDays(productId: number, daysPerUnit: number | null): Promise<boolean> {
    return saveRow(`product:${productId}`, () => window.api.reminders.setProductDays({ productId, daysPerUnit }))
  }

  return { settings, units, categories, loading, saving, pendingKey, load, saveSettings, setCategoryDays, setProductDays }
})
