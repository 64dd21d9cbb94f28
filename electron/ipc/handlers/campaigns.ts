import { writeFileSync } from 'node:fs'
import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { readSettings } from '../../services/settings/settings-service'
import { recordAudit } from '../../services/audit/audit-log'
import { checkedWritePath } from '../../services/backups/user-paths'
import { listGifts, removeGift, saveGift } from '../../services/campaigns/gift-catalogue'
import { planCampaign } from '../../services/campaigns/planner'
import { segmentsAvailable, suggestionIds } from '../../services/campaigns/targets'
import { suggestions } from '../../../shared/schemas/campaigns'
import { campaignMembersForDisplay, campaignPlan, campaignRow, listCampaigns, removeCampaign } from '../../services/campaigns/campaign-store'
import { campaignPickList, courierCsv, markMailed } from '../../services/campaigns/outputs'
import { campaignResults } from '../../services/campaigns/results'

export function campaignsHandlers(ctx: AppContext): HandlerGroup<'campaigns' | 'gifts'> {
  const thresholds = () => readSettings(ctx.db).lifecycle
  return {
    'gifts.list': () => listGifts(ctx.db),
    'gifts.save': (gift) => saveGift(ctx.db, gift),
    'gifts.remove': ({ sku }) => ({ removed: removeGift(ctx.db, sku) }),
    'campaigns.targets': ({ asOf }) => {
      const day = asOf ?? ctx.today()
      return {
        segments: ctx.db.prepare('SELECT id, name FROM segments ORDER BY name').all() as { id: number; name: string }[],
        segmentsAvailable,
        suggestions: suggestions.map((key) => ({ key, count: suggestionIds(ctx.db, key, day, thresholds()).length }))
      }
    },
    'campaigns.plan': (input) => {
      const asOf = input.asOf ?? ctx.today()
      const r = planCampaign(ctx.db, { ...input, asOf }, { asOf, settings: readSettings(ctx.db), now: ctx.now() })
      if (r.campaignId !== null) {
        recordAudit(ctx.db, ctx.now(), 'campaign', `planned campaign ${r.campaignId}: ${r.treated.length} treated, ${r.control.length} control, ${r.costFen} fen`)
      }
      return r
    },
    'campaigns.list': () => listCampaigns(ctx.db),
    'campaigns.get': ({ id }) => ({ ...campaignRow(ctx.db, id), plan: campaignPlan(ctx.db, id), members: campaignMembersForDisplay(ctx.db, id) }),
    'campaigns.remove': ({ id }) => {
      const removed = removeCampaign(ctx.db, id)
      recordAudit(ctx.db, ctx.now(), 'campaign', `deleted campaign ${id}`)
      return { removed }
    },
    'campaigns.pickList': ({ id }) => campaignPickList(ctx.db, id),
    'campaigns.courierExport': ({ id, encoding, path }) => {
      const { bytes, rows } = courierCsv(ctx.db, id, encoding)
      const fileName = `campaign-${id}-courier-${encoding}.csv`
      recordAudit(ctx.db, ctx.now(), 'export', `courier file for campaign ${id}: ${rows} rows, ${encoding}`)
      if (path) {
        const file = checkedWritePath(path, ['.csv'])
        writeFileSync(file, bytes)
        return { fileName, file, dataBase64: null, rows, bytes: bytes.length }
      }
      return { fileName, file: null, dataBase64: bytes.toString('base64'), rows, bytes: bytes.length }
    },
    'campaigns.markMailed': ({ id, date }) => {
      const staff = readSettings(ctx.db).staffName || null
      const r = markMailed(ctx.db, id, date, staff)
      recordAudit(ctx.db, ctx.now(), 'campaign', `campaign ${id} mailed on ${date}: ${r.logged} gifts`)
      return r
    },
    'campaigns.results': ({ id, asOf, window }) => campaignResults(ctx.db, id, asOf ?? ctx.today(), window)
  }
}
