/** The overview page's figures, and loading (or removing) the demo shop. */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Overview } from '@shared/schemas/stats'
import type { DemoResult, DemoStatus } from '@shared/schemas/demo'
import { useCall } from './call'
import { useBackupsStore } from './backups'

export const useOverviewStore = defineStore('overview', () => {
  const overview = ref<Overview | null>(null)
  const loading = useCall()
  const demo = useCall()
  const demoStatus = ref<DemoStatus | null>(null)

  /** A shop with no customers and no sales yet: the page shows what to do first. */
  const isEmpty = computed(() => overview.value !== null && overview.value.customers === 0 && overview.value.orders === 0)

  /** Headline figures and revenue by month, as of the shop's today. */
  async function load(): Promise<void> {
    const data = await loading.run(() => window.api.stats.overview({}))
    if (data) overview.value = data
    // whether the figures are the demo's: the page says so plainly, with a way out
    const status = await demo.run(() => window.api.demo.status({}))
    if (status) demoStatus.value = status
  }

  /** Fill the empty database with the demo mother-and-baby shop, then show its figures. */
  async function loadDemo(customers = 800): Promise<DemoResult | undefined> {
    const result = await demo.run(() => window.api.demo.load({ customers }))
    if (result) await load()
    return result
  }

  /**
   * Undo exactly the demo's import batches; the shop is empty again. The handler backs up first,
   * so the settings page's backup list (and audit trail) is reloaded to show that backup.
   */
  async function removeDemo(): Promise<boolean> {
    const result = await demo.run(() => window.api.demo.remove({}))
    if (result) await Promise.all([load(), useBackupsStore().load()])
    return result !== undefined
  }

  return { overview, isEmpty, loading, demo, demoStatus, load, loadDemo, removeDemo }
})
