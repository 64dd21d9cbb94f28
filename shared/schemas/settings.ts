import { z } from 'zod'
import { NoInput } from './common'
import { defaultLifecycleThresholds } from '../domain/lifecycle'
import { CountModelName } from './predictions'
import { CoreCriteriaSchema, defaultSegmentSettings, RfmSchemeSchema, TierRulesSchema } from './segments'

export const Settings = z.object({
  locale: z.enum(['zh-CN', 'en']),
  staffName: z.string().max(40),
  /** the shop's name, one for every card template, label and call script ({{店名}}) */
  shopName: z.string().max(60),
  maskPhones: z.boolean(),
  /** where backups go; '' = a 'backups' folder beside the database */
  backupFolder: z.string().max(1000),
  /** how many backups to keep */
  backupKeep: z.number().int().min(1).max(365),
  lifecycle: z
    .object({
      active: z.number().int().min(1),
      silent: z.number().int().min(2),
      sleeping: z.number().int().min(3),
      drifting: z.number().int().min(4)
    })
    .refine((t) => t.active < t.silent && t.silent < t.sleeping && t.sleeping < t.drifting, {
      message: '生命周期阈值必须逐级递增',
      params: { key: 'lifecycleOutOfOrder' }
    }),
  /** segments: what makes a customer "core" on the loyalty ladder */
  core: CoreCriteriaSchema,
  /** segments: member tier thresholds */
  tiers: TierRulesSchema,
  /** segments: which RFM naming the overview shows */
  rfmScheme: RfmSchemeSchema,
  /** predictions: the purchase model to use; 'auto' = the one that forecasts the shop's own holdout best */
  predictionModel: z.union([CountModelName, z.literal('auto')])
})
export type Settings = z.infer<typeof Settings>

export const defaultSettings: Settings = {
  locale: 'zh-CN',
  staffName: '',
  shopName: '',
  maskPhones: true,
  backupFolder: '',
  backupKeep: 10,
  lifecycle: { ...defaultLifecycleThresholds },
  ...defaultSegmentSettings,
  predictionModel: 'auto'
}

export const settingsChannels = {
  /** Every setting, with defaults filled in. */
  'settings.get': { input: NoInput, output: Settings },
  /** Change some settings; answers with all of them. */
  'settings.update': { input: Settings.partial().strict(), output: Settings }
}
