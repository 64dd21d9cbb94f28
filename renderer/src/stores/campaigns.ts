/** Gift mailings (礼品寄送): the gift catalogue, the planning wizard, saved campaigns, outputs and results. */
import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { ChannelInput, ChannelOutput } from '@shared/ipc-contract'
import type { CampaignResults, Gift, PlanResult } from '@shared/schemas/campaigns'
import { useCall } from './call'
import { saveBase64 } from '@/composables/download'

type PlanRequest = ChannelInput<'campaigns.plan'>
type CampaignList = ChannelOutput<'campaigns.list'>
type CampaignDetail = ChannelOutput<'campaigns.get'>
type Targets = ChannelOutput<'campaigns.targets'>
type PickList = ChannelOutput<'campaigns.pickList'>

/** The windows results are shown for, in days after the mailing. */
export const resultWindows = [30, 60, 90] as const

export const useCampaignsStore = defineStore('campaigns', () => {
  const gifts = ref<Gift[]>([])
  const targets = ref<Targets | null>(null)
  const campaigns = ref<CampaignList>([])
  const preview = ref<PlanResult | null>(null)
  const detail = ref<CampaignDetail | null>(null)
  const pickList = ref<PickList>([])
  const results = ref<CampaignResults[]>([])
  const loading = useCall()
  const planning = useCall()
  const working = useCall()
  const measuring = useCall({ quiet: true })

  /** Gift catalogue, campaign list and what the wizard can aim at. */
  async function load(): Promise<void> {
    const [g, c, t] = await Promise.all([
      loading.run(() => window.api.gifts.list({})),
      loading.run(() => window.api.campaigns.list({})),
      loading.run(() => window.api.campaigns.targets({}))
    ])
    if (g) gifts.value = g
    if (c) campaigns.value = c
    if (t) targets.value = t
  }

  /** Add or change a gift. */
  async function saveGift(gift: Gift): Promise<boolean> {
    const r = await working.run(() => window.api.gifts.save(gift))
    const g = await loading.run(() => window.api.gifts.list({}))
    if (g) gifts.value = g
    return r !== undefined
  }

  /** Take a gift out of the catalogue. */
  async function removeGift(sku: string): Promise<void> {
    await working.run(() => window.api.gifts.remove({ sku }))
    const g = await loading.run(() => window.api.gifts.list({}))
    if (g) gifts.value = g
  }

  /** A dry run of the plan: who is in, who just missed, warnings; nothing is saved. */
  async function previewPlan(request: PlanRequest): Promise<PlanResult | undefined> {
    const r = await planning.run(() => window.api.campaigns.plan({ ...request, dryRun: true }))
    preview.value = r ?? null
    return r
  }

  /** Save the plan as a campaign and open it. */
  async function savePlan(request: PlanRequest): Promise<number | undefined> {
    const r = await planning.run(() => window.api.campaigns.plan({ ...request, dryRun: false }))
    if (!r || r.campaignId === null) return undefined
    preview.value = null
    await load()
    await open(r.campaignId)
    return r.campaignId
  }

  /** Open a campaign: members, pick list and (once mailed) results. */
  async function open(id: number): Promise<void> {
    const d = await loading.run(() => window.api.campaigns.get({ id }))
    if (!d) return
    detail.value = d
    const p = await loading.run(() => window.api.campaigns.pickList({ id }))
    pickList.value = p ?? []
    await loadResults()
  }

  function close(): void {
    detail.value = null
    results.value = []
  }

  /** Results for 30, 60 and 90 days, computed now from whatever has been imported. */
  async function loadResults(): Promise<void> {
    results.value = []
    const d = detail.value
    if (!d?.mailingDate) return
    const all = await Promise.all(resultWindows.map((days) => measuring.run(() => window.api.campaigns.results({ id: d.id, window: days }))))
    results.value = all.filter((r): r is CampaignResults => r !== undefined)
  }

  /** Download the courier file (UTF-8 with BOM or GBK). */
  async function downloadCourier(encoding: 'utf8' | 'gbk'): Promise<boolean> {
    const d = detail.value
    if (!d) return false
    const r = await working.run(() => window.api.campaigns.courierExport({ id: d.id, encoding }))
    if (r?.dataBase64) saveBase64(r.dataBase64, r.fileName, 'text/csv')
    return r !== undefined
  }

  /** Record the mailing date; the treated get a contact-log entry each. */
  async function markMailed(date: string): Promise<number | undefined> {
    const d = detail.value
    if (!d) return undefined
    const r = await working.run(() => window.api.campaigns.markMailed({ id: d.id, date }))
    if (r) {
      await load()
      await open(d.id)
    }
    return r?.logged
  }

  /** Delete an unmailed campaign. */
  async function remove(id: number): Promise<boolean> {
    const r = await working.run(() => window.api.campaigns.remove({ id }))
    if (r?.removed) {
      if (detail.value?.id === id) close()
      await load()
    }
    return r?.removed ?? false
  }

  return {
    gifts,
    targets,
    campaigns,
    preview,
    detail,
    pickList,
    results,
    loading,
    planning,
    working,
    measuring,
    load,
    saveGift,
    removeGift,
    previewPlan,
    savePlan,
    open,
    close,
    loadResults,
    downloadCourier,
    markMailed,
    remove
  }
})
