/**
 * Gift catalogue and gift mailings: plan who gets a gift within a budget (with a seeded
 * holdout), export the courier file, mark the mailing, and measure treated against control.
 */
import { z } from 'zod'
import { Fen, IsoDate, NoInput } from './common'

const Sku = z.string().trim().min(1).max(64)

export const Gift = z.object({
  sku: Sku,
  name: z.string().trim().min(1).max(120),
  unitCostFen: Fen.min(0),
  /** null = not counted (unlimited) */
  stock: z.number().int().min(0).nullable(),
  weightG: z.number().int().min(0).nullable(),
  /** categories or needs the gift suits, matched against what a customer bought */
  suits: z.array(z.string().trim().min(1).max(40)).max(50)
})
export type Gift = z.infer<typeof Gift>

export const suggestions = ['sleeping', 'loyal', 'birthdays'] as const
export const Suggestion = z.enum(suggestions)
export type Suggestion = z.infer<typeof Suggestion>

/** Who the campaign is aimed at: a saved segment (by name or id) or a built-in suggestion. */
export const CampaignTarget = z.union([
  z.object({ segment: z.union([z.string().min(1).max(120), z.number().int()]) }).strict(),
  z.object({ suggestion: Suggestion }).strict()
])
export type CampaignTarget = z.infer<typeof CampaignTarget>

export const exclusionReasons = ['consent_mail', 'no_address', 'address_masked', 'recent_gift', 'open_complaint'] as const
export type ExclusionReason = (typeof exclusionReasons)[number]

export const Exclusions = z
  .object({
    optedOutOfMail: z.boolean().default(true),
    noValidAddress: z.boolean().default(true),
    /** 0 = do not look at earlier gifts */
    giftedWithinDays: z.number().int().min(0).max(3650).default(90),
    openComplaint: z.boolean().default(true)
  })
  .strict()

export const PlanGift = z
  .object({
    sku: Sku,
    costFen: Fen.min(0),
    /** omitted: the catalogue's stock, or unlimited for a gift not in the catalogue */
    stock: z.number().int().min(0).optional()
  })
  .strict()

export const PlanInput = z
  .object({
    name: z.string().trim().min(1).max(120).default('礼品寄送'),
    target: CampaignTarget,
    budgetFen: Fen.min(0),
    /** gift cost plus postage per customer; omitted = no cap beyond the budget */
    perCustomerFen: Fen.min(0).optional(),
    postageFen: Fen.min(0).default(0),
    /** empty = every gift in the catalogue at its unit cost */
    gifts: z.array(PlanGift).max(100).default([]),
    giftRule: z.enum(['matched', 'fixed']).default('matched'),
    fixedSku: Sku.optional(),
    exclusions: Exclusions.prefault({}),
    holdout: z.number().min(0).max(0.5).default(0.1),
    seed: z.union([z.number().int(), z.string().max(64)]).default(1),
    asOf: IsoDate.optional(),
    dryRun: z.boolean().default(false)
  })
  .strict()
export type PlanInput = z.infer<typeof PlanInput>

export const PlannedMember = z.object({
  customerId: z.number().int(),
  ref: z.string(),
  name: z.string(),
  rank: z.number().int(),
  score: z.number(),
  valueFen: Fen,
  pReturn: z.number(),
  arm: z.enum(['treated', 'control']),
  giftSku: z.string().nullable(),
  giftName: z.string().nullable(),
  matched: z.boolean(),
  costFen: Fen
})
export type PlannedMember = z.infer<typeof PlannedMember>

export const MissReason = z.enum(['budget', 'stock'])
export const JustMissed = z.object({
  customerId: z.number().int(),
  ref: z.string(),
  name: z.string(),
  rank: z.number().int(),
  score: z.number(),
  reason: MissReason,
  /** what they would have cost (gift + postage), null when no gift was left */
  costFen: Fen.nullable()
})

export const PlanWarning = z.object({ code: z.enum(['small_control', 'no_control', 'nobody', 'budget_unused']), message: z.string() })

export const PickLine = z.object({ sku: z.string(), name: z.string(), count: z.number().int(), costFen: Fen, weightG: z.number().int().nullable() })

export const PlanResult = z.object({
  campaignId: z.number().int().nullable(),
  name: z.string(),
  asOf: z.string(),
  candidates: z.number().int(),
  excluded: z.record(z.string(), z.number().int()),
  eligible: z.number().int(),
  /** how the ranking was scored: fitted models (BG/NBD × Gamma-Gamma) or the plain rule */
  scoring: z.enum(['model', 'rules']),
  treated: z.array(PlannedMember),
  control: z.array(PlannedMember),
  costFen: Fen,
  budgetFen: Fen,
  /** candidates ranked just below the cut line, with the reason they are out */
  justMissed: z.array(JustMissed),
  pickList: z.array(PickLine),
  /** the smallest purchase-rate difference the arms can show at 95 % confidence and 80 % power, null without a control */
  detectableUplift: z.number().nullable(),
  warnings: z.array(PlanWarning)
})
export type PlanResult = z.infer<typeof PlanResult>

export const CampaignSummary = z.object({
  id: z.number().int(),
  name: z.string(),
  createdAt: z.string(),
  asOf: z.string(),
  mailingDate: z.string().nullable(),
  treated: z.number().int(),
  control: z.number().int(),
  costFen: Fen
})

export const CampaignDetail = CampaignSummary.extend({
  plan: z.record(z.string(), z.unknown()),
  members: z.array(PlannedMember.omit({ valueFen: true, pReturn: true, matched: true }))
})

export const ArmFigures = z.object({ n: z.number().int(), buyers: z.number().int(), revenueFen: Fen })

export const CampaignResults = z.object({
  id: z.number().int(),
  mailingDate: z.string(),
  asOf: z.string(),
  window: z.number().int(),
  /** days of the window already observed (less than window while it is still running) */
  daysObserved: z.number().int(),
  treated: ArmFigures,
  control: ArmFigures,
  rateTreated: z.number().nullable(),
  rateControl: z.number().nullable(),
  upliftRate: z.number().nullable(),
  /** Newcombe's hybrid score interval (Wilson per arm) for the difference of two proportions */
  ci95: z.tuple([z.number(), z.number()]).nullable(),
  incrementalRevenueFen: Fen.nullable(),
  costFen: Fen,
  roi: z.number().nullable()
})
export type CampaignResults = z.infer<typeof CampaignResults>

const Id = z.object({ id: z.number().int() }).strict()

export const campaignsChannels = {
  /** The gift catalogue, by SKU. */
  'gifts.list': { input: NoInput, output: z.array(Gift) },
  /** Add a gift or change one (by SKU). */
  'gifts.save': { input: Gift.strict(), output: Gift },
  /** Take a gift out of the catalogue. */
  'gifts.remove': { input: z.object({ sku: Sku }).strict(), output: z.object({ removed: z.boolean() }) },
  /** What a campaign can aim at: saved segments and the built-in suggestions with their sizes. */
  'campaigns.targets': {
    input: z.object({ asOf: IsoDate.optional() }).strict(),
    output: z.object({
      segments: z.array(z.object({ id: z.number().int(), name: z.string() })),
      suggestions: z.array(z.object({ key: Suggestion, count: z.number().int() }))
    })
  },
  /** Plan a gift mailing: exclusions, ranking, budget, gifts, holdout; saved unless dryRun. */
  'campaigns.plan': { input: PlanInput, output: PlanResult },
  /** Saved campaigns, newest first. */
  'campaigns.list': { input: NoInput, output: z.array(CampaignSummary) },
  /** One campaign with its plan and members by rank. */
  'campaigns.get': { input: Id, output: CampaignDetail },
  /** Delete a campaign that has not been mailed. */
  'campaigns.remove': { input: Id, output: z.object({ removed: z.boolean() }) },
  /** How many of each gift to pick for the treated members. */
  'campaigns.pickList': { input: Id, output: z.array(PickLine) },
  /** The courier CSV (收件人, 手机, 省, 市, 区, 详细地址, 物品, 重量, 备注): written to `path`, or answered as bytes. */
  'campaigns.courierExport': {
    input: z.object({ id: z.number().int(), encoding: z.enum(['utf8', 'gbk']).default('utf8'), path: z.string().min(1).max(4096).optional() }).strict(),
    output: z.object({ fileName: z.string(), file: z.string().nullable(), dataBase64: z.string().nullable(), rows: z.number().int(), bytes: z.number().int() })
  },
  /** Record the mailing: sets the date and logs a 'gift' contact for every treated member. */
  'campaigns.markMailed': {
    input: z.object({ id: z.number().int(), date: IsoDate }).strict(),
    output: z.object({ mailingDate: z.string(), logged: z.number().int() })
  },
  /** Treated against control after the mailing, within a window of days, as of a date. */
  'campaigns.results': {
    input: z.object({ id: z.number().int(), asOf: IsoDate.optional(), window: z.number().int().min(1).max(730).default(30) }).strict(),
    output: CampaignResults
  }
}
