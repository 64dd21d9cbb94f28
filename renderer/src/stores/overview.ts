/** The overview page's figures, and loading (or removing) the demo shop. */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Overview } from '@shared/schemas/stats'
import type { DemoResult, DemoStatus } from '@shared/schemas/demo'
import type { DemoRemoveJobProgress } from '@shared/schemas/jobs'
import { useCall } from './call'
import { cancelJob, runJob } from './job-follow'
import { useBackupsStore } from './backups'

export const useOverviewStore = defineStore('overview', () => {
  const overview = ref<Overview | null>(null)
  const loading = useCall()
  const demo = useCall()
  const demoStatus = ref<DemoStatus | null>(null)
  /** The removal running as a job, while it runs: its phase in words and batches done. */
  const removal = ref<DemoRemoveJobProgress | null>(null)

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
   * Undo exactly the demo's import batches, as a job (a backup first, then one batch a step); the
   * shop is empty again. A cancel stops it between batches: what is left of the demo stays named,
   * so the figures and the banner are reloaded either way, and so is the settings page's backup
   * list (and audit trail), to show the backup taken first.
   */
  async function removeDemo(): Promise<boolean> {
    const end = await runJob(demo, removal, 'demo.remove', () => window.api.demo.removeStart({}))
    removal.value = null
    if (end) await Promise.all([load(), useBackupsStore().load()])
    return end?.data !== undefined
  }

  /** Stop the running removal between batches. */
  async function cancelRemoval(): Promise<void> {
    await cancelJob(removal.value)
  }

  return { overview, isEmpty, loading, demo, demoStatus, removal, load, loadDemo, removeDemo, cancelRemoval }
})
