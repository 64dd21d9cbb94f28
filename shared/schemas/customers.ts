import { ladderSteps } from '../domain/ladder'
import { tierKeys } from '../domain/tiers'
import { z } from 'zod'
import { IsoDate } from './common'
import { lifecycleStages } from '../domain/lifecycle'

export const LifecycleStage = z.enum(lifecycleStages)
/** 'none': customers without a purchase (prospects) */
export const LifecycleFilter = z.enum([...lifecycleStages, 'none'])
export const OrderChannel = z.enum(['store', 'online', 'other'])
export const SortField = z.enum(['relevance', 'name', 'orders', 'spendFen', 'lastPurchase', 'id'])

export const CustomerFilters = z
  .object({
    lifecycle: z.array(LifecycleFilter).max(6).default([]),
    /** loyalty ladder step and member tier (as the segments schemes define them) */
    ladder: z.enum(ladderSteps).optional(),
    tier: z.enum(tierKeys).optional(),
    /** customers with any of these tags */
    tags: z.array(z.string().max(40)).max(50).default([]),
    /** a province, city or district, as stored ('浙江省', '杭州市', '西湖区') */
    region: z.string().max(40).optional(),
    channel: OrderChannel.optional()
  })
  .strict()
export type CustomerFilters = z.infer<typeof CustomerFilters>

export const CustomerQuery = z
  .object({
    search: z.string().max(100).default(''),
    filters: CustomerFilters.default({ lifecycle: [], tags: [] }),
    sort: z
      .object({ field: SortField, dir: z.enum(['asc', 'desc']) })
      .strict()
      .optional()
  })
  .strict()
export type CustomerQuery = z.infer<typeof CustomerQuery>

export const CustomerListInput = CustomerQuery.extend({
  limit: z.number().int().min(1).max(1000).default(100),
  offset: z.number().int().min(0).default(0)
}).strict()
export type CustomerListInput = z.infer<typeof CustomerListInput>

export const RegionDto = z.object({ province: z.string().nullable(), city: z.string().nullable(), district: z.string().nullable() })

export const CustomerRow = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  /** masked as 138****8000 when the maskPhones setting is on */
  phone: z.string().nullable(),
  memberCard: z.string().nullable(),
  tier: z.string().nullable(),
  ladder: z.string().nullable(),
  lifecycle: LifecycleStage.nullable(),
  orders: z.number().int(),
  spendFen: z.number().int(),
  lastPurchase: z.string().nullable(),
  region: RegionDto,
  tags: z.array(z.string()),
  channels: z.array(z.string())
})
export type CustomerRow = z.infer<typeof CustomerRow>

export const CustomerList = z.object({ total: z.number().int(), rows: z.array(CustomerRow) })
export type CustomerList = z.infer<typeof CustomerList>

export const SavedView = z.object({ id: z.number().int(), name: z.string(), query: CustomerQuery })
export type SavedView = z.infer<typeof SavedView>

export const ContactKind = z.enum(['call', 'sms', 'wechat', 'gift', 'card', 'visit', 'complaint', 'note'])
export const ContactOutcome = z.enum(['reached', 'no_answer', 'bought', 'not_interested', 'opted_out', 'open', 'resolved'])
export type ContactKind = z.infer<typeof ContactKind>
export type ContactOutcome = z.infer<typeof ContactOutcome>
export const ContactEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  kind: z.string(),
  outcome: z.string().nullable(),
  note: z.string().nullable(),
  staff: z.string().nullable(),
  campaignId: z.number().int().nullable()
})
export type ContactEntry = z.infer<typeof ContactEntry>

export const Gender = z.enum(['f', 'm'])

/** The editable fields; omitted ones stay as they are, null clears one. */
/** A child as the edit form writes it: a name or a birthday at least. */
export const ChildInput = z
  .object({
    name: z.string().trim().max(40).nullable(),
    birthday: IsoDate.nullable(),
    gender: Gender.nullable()
  })
  .strict()
  .refine((c) => (c.name !== null && c.name !== '') || c.birthday !== null, { message: '孩子需要姓名或生日 (a child needs a name or a birthday)' })
export type ChildInput = z.infer<typeof ChildInput>

export const CustomerPatch = z
  .object({
    name: z.string().trim().min(1).max(40),
    gender: Gender.nullable(),
    birthday: IsoDate.nullable(),
    birthdayLunar: z.boolean(),
    ageBand: z.string().max(20).nullable(),
    address: z.string().trim().max(200).nullable(),
    notes: z.string().max(2000).nullable(),
    /** the primary mobile or landline; normalised, must not belong to someone else */
    phone: z.string().max(30).nullable(),
    memberCard: z.string().trim().max(40).nullable(),
    tags: z.array(z.string().trim().min(1).max(40)).max(50),
    referredBy: z.number().int().nullable(),
    targeted: z.boolean(),
    consentPhone: z.boolean(),
    consentSms: z.boolean(),
    consentWechat: z.boolean(),
    consentMail: z.boolean(),
    memberSince: IsoDate.nullable(),
    posTier: z.string().trim().max(40).nullable(),
    pointsBalance: z.number().int().min(-1e12).max(1e12).nullable(),
    storedValueFen: z.number().int().min(-99_999_999_999).max(99_999_999_999).nullable(),
    /** the children as they should be: the list replaces the old one (unchanged children keep their rows) */
    children: z.array(ChildInput).max(20)
  })
  .partial()
  .strict()
export type CustomerPatch = z.infer<typeof CustomerPatch>

export const IdentityDto = z.object({
  kind: z.enum(['card', 'phone', 'buyer', 'external']),
  value: z.string(),
  /** what to show: a phone masked when the setting says so */
  display: z.string()
})

export const ChildDto = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  birthday: z.string().nullable(),
  gender: Gender.nullable(),
  /** whole years and months as of today; null without a birthday */
  age: z.object({ years: z.number().int(), months: z.number().int() }).nullable()
})

export const PersonRef = z.object({ id: z.number().int(), name: z.string().nullable() })

export const CustomerProfile = z.object({
  id: z.number().int(),
  name: z.string().nullable(),
  names: z.array(z.object({ name: z.string(), lastSeen: z.string() })),
  identities: z.array(IdentityDto),
  addresses: z.array(z.object({ address: z.string(), lastSeen: z.string() })),
  address: z.string().nullable(),
  region: RegionDto,
  birthday: z.string().nullable(),
  birthdayLunar: z.boolean(),
  ageBand: z.string().nullable(),
  gender: Gender.nullable(),
  children: z.array(ChildDto),
  channels: z.array(z.string()),
  referredBy: PersonRef.nullable(),
  referrals: z.array(PersonRef.extend({ bought: z.boolean() })),
  tags: z.array(z.string()),
  notes: z.string().nullable(),
  targeted: z.boolean(),
  consent: z.object({ phone: z.boolean(), sms: z.boolean(), wechat: z.boolean(), mail: z.boolean() }),
  createdAt: z.string(),
  erasedAt: z.string().nullable(),
  mergedInto: z.number().int().nullable(),
  tier: z.string().nullable(),
  ladder: z.string().nullable(),
  /** from member lists: the POS's own figures, as of the export date (asOf) */
  member: z.object({
    since: z.string().nullable(),
    posTier: z.string().nullable(),
    pointsBalance: z.number().int().nullable(),
    storedValueFen: z.number().int().nullable(),
    asOf: z.string().nullable(),
    /** a referrer named in a member list that no customer holds yet */
    pendingReferrer: z.string().nullable()
  })
})

export const CustomerFigures = z.object({
  orders: z.number().int(),
  spendFen: z.number().int(),
  returnsFen: z.number().int(),
  averageOrderFen: z.number().int().nullable(),
  firstPurchase: z.string().nullable(),
  lastPurchase: z.string().nullable(),
  daysSinceLast: z.number().int().nullable(),
  lifecycle: LifecycleStage.nullable(),
  /** average whole days between distinct purchase days; null with fewer than two */
  averageDaysBetween: z.number().nullable(),
  categories: z.array(z.object({ category: z.string(), lines: z.number().int(), spendFen: z.number().int() }))
})

export const TimelineOrder = z.object({
  id: z.number().int(),
  externalId: z.string(),
  orderedAt: z.string(),
  channel: z.string(),
  store: z.string().nullable(),
  status: z.string().nullable(),
  totalFen: z.number().int(),
  /** an order of returns only, or one with a returned line */
  isReturn: z.boolean(),
  lines: z.array(
    z.object({
      product: z.string().nullable(),
      category: z.string().nullable(),
      quantity: z.number(),
      unitPriceFen: z.number().int().nullable(),
      amountFen: z.number().int(),
      isReturn: z.boolean()
    })
  )
})

export const ChangeEntry = z.object({
  id: z.number().int(),
  at: z.string(),
  field: z.string(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
  staff: z.string().nullable(),
  undoneAt: z.string().nullable()
})

export const MergeEntry = z.object({
  id: z.number().int(),
  keptId: z.number().int(),
  mergedId: z.number().int(),
  at: z.string(),
  undoneAt: z.string().nullable()
})
export type MergeEntry = z.infer<typeof MergeEntry>

export const CustomerDetail = z.object({
  profile: CustomerProfile,
  figures: CustomerFigures,
  timeline: z.array(TimelineOrder),
  contacts: z.array(ContactEntry),
  history: z.array(ChangeEntry),
  merges: z.array(MergeEntry)
})
export type CustomerDetail = z.infer<typeof CustomerDetail>

export const DuplicatePair = z.object({
  aId: z.number().int(),
  bId: z.number().int(),
  aName: z.string().nullable(),
  bName: z.string().nullable(),
  reason: z.enum(['name_address', 'name_phone_tail', 'phone_in_notes', 'buyer_across_kinds']),
  /** one line for people, Chinese first */
  detail: z.string()
})
export type DuplicatePair = z.infer<typeof DuplicatePair>

export const ExportInput = CustomerQuery.extend({
  format: z.enum(['csv', 'xlsx']),
  /** write here instead of answering the bytes (CLI, save dialog) */
  path: z.string().min(1).max(1000).optional(),
  /** whole phone numbers for a purpose (a courier, a call centre); masked per the setting otherwise; audited either way */
  fullPhones: z.boolean().optional()
}).strict()

export const ExportResult = z.object({
  rows: z.number().int(),
  fileName: z.string(),
  path: z.string().nullable(),
  /** the file's bytes when no path was given */
  base64: z.string().nullable(),
  /** the file carries whole phone numbers (asked for, or the screen does not mask) */
  wholePhones: z.boolean()
})

const Id = z.object({ id: z.number().int().positive() }).strict()

export const customersChannels = {
  /** One page of customers matching a search and filters, with the total count. */
  'customers.list': { input: CustomerListInput, output: CustomerList },
  /** Tags and regions in use, with counts, for the filter pickers. */
  'customers.facets': {
    input: z.object({}).strict(),
    output: z.object({
      tags: z.array(z.object({ tag: z.string(), count: z.number().int() })),
      regions: z.array(z.object({ province: z.string(), city: z.string().nullable(), count: z.number().int() }))
    })
  },
  /** The customer owning an identity (card, phone, buyer id, external id), or null. */
  'customers.findByRef': {
    input: z.object({ ref: z.string().min(1).max(100) }).strict(),
    output: z.object({ id: z.number().int(), kind: z.string(), value: z.string() }).nullable()
  },
  /** Saved list views (search, filters, sort), by name. */
  'customers.listViews': { input: z.object({}).strict(), output: z.array(SavedView) },
  /** Save a view under a name; the same name replaces the earlier one. */
  'customers.saveView': { input: z.object({ name: z.string().trim().min(1).max(60), query: CustomerQuery }).strict(), output: SavedView },
  /** Delete a saved view. */
  'customers.deleteView': { input: Id, output: z.object({ deleted: z.boolean() }) },
  /** A customer's whole file: profile, figures, purchase timeline, contact log, change history. */
  'customers.get': { input: Id, output: CustomerDetail },
  /** Add a contact-log entry (staff name from the settings). */
  'customers.addContact': {
    input: z
      .object({
        id: z.number().int().positive(),
        kind: ContactKind,
        outcome: ContactOutcome.nullable().optional(),
        note: z.string().max(2000).nullable().optional()
      })
      .strict(),
    output: ContactEntry
  },
  /** Edit the profile; every changed field is written to the change history. */
  'customers.update': { input: z.object({ id: z.number().int().positive(), patch: CustomerPatch }).strict(), output: CustomerDetail },
  /** Undo the newest change not yet undone. */
  'customers.undoLastChange': { input: Id, output: CustomerDetail },
  /** Likely duplicate customers, each pair with the reason. */
  'customers.duplicates': { input: z.object({ limit: z.number().int().min(1).max(1000).default(100) }).strict(), output: z.array(DuplicatePair) },
  /** Merge mergeId into keepId (sales, identities, names, addresses, tags, contacts, children, referrals). */
  'customers.merge': {
    input: z.object({ keepId: z.number().int().positive(), mergeId: z.number().int().positive() }).strict(),
    output: MergeEntry.extend({ ordersMoved: z.number().int() })
  },
  /** Undo a merge by the merge record's id, restoring both customers exactly. */
  'customers.undoMerge': { input: z.object({ mergeId: z.number().int().positive() }).strict(), output: MergeEntry },
  /** PIPL erase: remove a customer's personal data for good; anonymous sales stay. */
  'customers.erase': {
    input: z.object({ id: z.number().int().positive(), confirm: z.literal(true) }).strict(),
    /** orders: the anonymous orders the erased customer leaves in the figures */
    output: z.object({ id: z.number().int(), erasedAt: z.string(), orders: z.number().int() })
  },
  /** The list or a filtered view as CSV (UTF-8 with BOM) or xlsx. */
  'customers.export': { input: ExportInput, output: ExportResult }
}
