/** The overview page's figures, and loading the demo shop into an empty database. */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { Overview } from '@shared/schemas/stats'
import type { DemoResult } from '@shared/schemas/demo'
import { useCall } from './call'

export const useOverviewStore = defineStore('overview', () => {
  const overview = ref<Overview | null>(null)
  const loading = useCall()
  const demo = useCall()

  /** A shop with no customers and no sales yet: the page shows what to do first. */
  const isEmpty = computed(() => overview.value !== null && overview.value.customers === 0 && overview.value.orders === 0)

  /** Headline figures and revenue by month, as of the shop's today. */
  async function load(): Promise<void> {
    const data = await loading.run(() => window.api.stats.overview({}))
    if (data) overview.value = data
  }

  /** Fill the empty database with the demo mother-and-baby shop, then show its figures. */
  async function loadDemo(customers = 800): Promise<DemoResult | undefined> {
    const result = await demo.run(() => window.api.demo.load({ customers }))
    if (result) await load()
    return result
  }

  return { overview, isEmpty, loading, demo, load, loadDemo }
})
