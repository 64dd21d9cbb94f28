import type { AppContext } from '../../services/app/app-context'
import type { HandlerGroup } from './index'
import { readSettings } from '../../services/settings/settings-service'
import { listGifts, removeGift, saveGift } from '../../services/campaigns/gift-catalogue'
import { campaignDetail, listCampaigns } from '../../services/campaigns/campaign-store'
import { campaignPickList } from '../../services/campaigns/outputs'
import { campaignResults } from '../../services/campaigns/results'
import { campaignTargets, deleteCampaign, exportCourierFile, markMailedAndRecord, planAndRecord } from '../../services/campaigns/campaign-actions'

export function campaignsHandlers(ctx: AppContext): HandlerGroup<'campaigns' | 'gifts'> {
  return {
    'gifts.list': () => listGifts(ctx.db),
    'gifts.save': (gift) => saveGift(ctx.db, gift),
    'gifts.remove': ({ sku }) => ({ removed: removeGift(ctx.db, sku) }),
    'campaigns.targets': ({ asOf }) => campaignTargets(ctx.db, asOf ?? ctx.today(), readSettings(ctx.db).lifecycle),
    'campaigns.plan': (input) => planAndRecord(ctx.db, { ...input, asOf: input.asOf ?? ctx.today() }, ctx.now()),
    'campaigns.list': () => listCampaigns(ctx.db),
    'campaigns.get': ({ id }) => campaignDetail(ctx.db, id),
    'campaigns.remove': ({ id }) => deleteCampaign(ctx.db, id),
    'campaigns.pickList': ({ id }) => campaignPickList(ctx.db, id),
    'campaigns.courierExport': ({ id, encoding, path }) => exportCourierFile(ctx.db, id, encoding, path),
    'campaigns.markMailed': ({ id, date }) => markMailedAndRecord(ctx.db, id, date, ctx.today()),
    'campaigns.results': ({ id, asOf, window }) => campaignResults(ctx.db, id, asOf ?? ctx.today(), window)
  }
}
