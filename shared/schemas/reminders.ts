import { z } from 'zod'
import { IsoDate, NoInput } from './common'
import { Words } from './predictions'

const MonthDay = z.string().refine((s) => /^\d{2}-\d{2}$/.test(s), { message: '日期格式应为 MM-DD', params: { key: 'inputMonthDay' } })

/** The care calendar and reminder lead times (DOMAIN.md: replenishment, member day, care moments). */
export const CareSettings = z.object({
  /** a replenishment call falls due this many days before the customer runs out */
  replenishLeadDays: z.number().int().min(0).max(60),
  /** keep an unanswered replenishment reminder this many days after the run-out date */
  replenishGraceDays: z.number().int().min(0).max(90),
  /** birthdays in the coming N days */
  birthdayDays: z.number().int().min(0).max(60),
  /** customers within N days of sliding to the next lifecycle stage */
  slideDays: z.number().int().min(1).max(60),
  /** day of the month of the member day (会员日), e.g. 30; null for none; short months use their last day */
  memberDay: z.number().int().min(1).max(31).nullable(),
  /** the notice shows this many days ahead (new products are listed the day before) */
  memberDayLeadDays: z.number().int().min(0).max(30),
  /** holidays to prepare for; lunar ones (春节, 中秋) by their lunar month and day */
  holidays: z.array(z.object({ date: MonthDay, name: z.string().min(1).max(40), lunar: z.boolean() })).max(100),
  holidayLeadDays: z.number().int().min(0).max(60),
  /** the shop's opening day, for the anniversary notice */
  anniversary: IsoDate.nullable(),
  /** how many calls a day the shop can make: today's list shows this many customers, the best first */
  dailyCapacity: z.number().int().min(1).max(500),
  /** a call not made this many days after it fell due (or by its last useful day) is missed: it leaves today's list */
  missedAfterDays: z.number().int().min(1).max(90)
})
export type CareSettings = z.infer<typeof CareSettings>

/** The defaults: reminders 5 days before running out, member day on the 30th, common holidays. */
export const defaultCareSettings: CareSettings = {
  replenishLeadDays: 5,
  replenishGraceDays: 7,
  birthdayDays: 7,
  slideDays: 7,
  memberDay: 30,
  memberDayLeadDays: 1,
  holidays: [
    { date: '01-01', name: '春节', lunar: true },
    { date: '03-08', name: '妇女节', lunar: false },
    { date: '06-01', name: '儿童节', lunar: false },
    { date: '08-15', name: '中秋节', lunar: true },
    { date: '11-11', name: '双十一', lunar: false }
  ],
  holidayLeadDays: 7,
  anniversary: null,
  dailyCapacity: 30,
  missedAfterDays: 14
}

export const callReasons = ['replenish', 'birthday', 'slide', 'complaint'] as const
export const CallReason = z.enum(callReasons)
export type CallReason = z.infer<typeof CallReason>

export const callOutcomes = ['reached', 'no_answer', 'bought', 'not_interested', 'opted_out'] as const
export const CallOutcome = z.enum(callOutcomes)
export type CallOutcome = z.infer<typeof CallOutcome>

/** One reason to contact a customer; a customer's row on the list carries all of theirs. */
export const CallEntryReason = z.object({
  /** stable per reason, e.g. 'replenish:12:7:2026-11-01': an outcome recorded under it closes it */
  key: z.string(),
  reason: CallReason,
  /** the day this reason fell due (run-out lead, birthday, slide, complaint date) */
  dueDate: z.string(),
  /** the last day this call still makes sense (the birthday, the day before the slide, run-out + grace) */
  lastDay: z.string().nullable(),
  /** how pressing it is, 0–100 (see call-ranking.ts) */
  urgency: z.number(),
  /** replenishments: 'model' when dated by the customer's own rhythm (BG/CNBD-k), 'rule' by days per unit; null for other reasons */
  basis: z.enum(['model', 'rule']).nullable(),
  detail: Words
})
export type CallEntryReason = z.infer<typeof CallEntryReason>

export const consentChannels = ['phone', 'sms', 'wechat', 'mail'] as const
export const ConsentChannel = z.enum(consentChannels)
export type ConsentChannel = z.infer<typeof ConsentChannel>

export const CallEntry = z.object({
  /** the reasons' keys joined by spaces: the topic written with the outcome, so every reason on the row closes */
  key: z.string(),
  /** the most pressing reason (the row's heading) */
  reason: CallReason,
  /** every reason to contact this customer today, most pressing first */
  reasons: z.array(CallEntryReason).min(1),
  /** rank score: the most pressing reason's urgency + 5 per further reason + up to 30 for the customer's value */
  score: z.number(),
  /** what the customer spent in the 365 days up to the list's date, fen */
  valueFen: z.number().int(),
  customerId: z.number().int(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  consent: z.object({ phone: z.boolean(), sms: z.boolean(), wechat: z.boolean() }),
  /** false when the customer asked not to be phoned (SMS / WeChat still allowed) or has no phone */
  callable: z.boolean(),
  /** the earliest due date of its reasons */
  dueDate: z.string(),
  /** the reasons' details in one line */
  detail: Words,
  script: Words,
  /** the last outcome recorded for this entry (a no-answer brings it back the next day) */
  lastOutcome: z.object({ at: z.string(), outcome: z.string() }).nullable()
})
export type CallEntry = z.infer<typeof CallEntry>

export const Notice = z.object({
  key: z.string(),
  kind: z.enum(['member-day', 'holiday', 'anniversary']),
  date: z.string(),
  title: Words,
  script: Words,
  /** customers who may be told by SMS */
  audience: z.number().int()
})
export type Notice = z.infer<typeof Notice>

export const CallList = z.object({
  date: z.string(),
  /** one row per customer, ranked; at most `capacity` rows unless the whole list was asked for */
  entries: z.array(CallEntry),
  /** customers due today in all (the rows beyond the capacity are reached with all: true) */
  total: z.number().int(),
  capacity: z.number().int(),
  all: z.boolean(),
  /** calls not made in time (past their last useful day or `missedAfterDays` after falling due), missed within the last `missedAfterDays` days; open complaints stay here until resolved */
  missed: z.array(CallEntry),
  /** missed rows in all: `missed` holds them all, or the page the input's `missed` asked for */
  missedTotal: z.number().int(),
  notices: z.array(Notice),
  /** reasons due today over all rows (not only those within the capacity) */
  counts: z.object({ replenish: z.number().int(), birthday: z.number().int(), slide: z.number().int(), complaint: z.number().int() }),
  /** customers with a reason to contact who allow neither phone, SMS nor WeChat */
  skippedNoConsent: z.number().int(),
  /** how replenishments were dated today: the shop's rhythm model, or why the rule alone */
  rhythm: Words
})
export type CallList = z.infer<typeof CallList>

/** Missed rows the call-list page asks for at a time (its first page, then each 「加载更多」). */
export const MISSED_PAGE = 50

/**
 * The call list asked for: a date (default the shop's today), the whole due list (`all`), and a
 * page of the missed rows (`missed`: from `offset`, at most `limit`; absent: every missed row, as
 * the CLI writes it).
 */
export const CallsInput = z
  .object({
    date: IsoDate.optional(),
    all: z.boolean().optional(),
    missed: z
      .object({ offset: z.number().int().min(0), limit: z.number().int().min(1).max(500) })
      .strict()
      .optional()
  })
  .strict()

export const RecordInput = z
  .object({
    customerId: z.number().int().positive(),
    key: z.string().min(1).max(1000),
    outcome: CallOutcome,
    note: z.string().max(500).optional()
  })
  .strict()

export const UnitSource = z.enum(['product', 'category', 'learned', 'default'])
export type UnitSource = z.infer<typeof UnitSource>

/**
 * What the shop's repeat buyers say against a figure: 'offer' when the table's figure (staff's
 * or the product list's) is far from theirs — shown with a button to take it; 'yielded' when a
 * default the app ships was replaced by theirs (see electron/services/reminders/unit-rules.ts).
 */
export const UnitEvidence = z.object({
  kind: z.enum(['offer', 'yielded']),
  /** the table's figure (offer) or the shipped default (yielded) */
  tableDays: z.number(),
  learnedDays: z.number(),
  repeatBuyers: z.number().int(),
  words: Words
})
export type UnitEvidence = z.infer<typeof UnitEvidence>

export const UnitRow = z.object({
  productId: z.number().int(),
  code: z.string(),
  name: z.string(),
  category: z.string().nullable(),
  /** set on the product */
  productDays: z.number().nullable(),
  /** set on its category */
  categoryDays: z.number().nullable(),
  /** the default the app ships for its category (never written into the table) */
  shippedDays: z.number().nullable(),
  /** learned from customers' repeat intervals (median of interval ÷ quantity) */
  learnedDays: z.number().nullable(),
  /** how many repeat intervals the learned figure rests on */
  learnedFrom: z.number().int(),
  /** customers who bought it on two days or more */
  repeatBuyers: z.number().int(),
  /** what reminders use: product, else category, else (learned over a shipped default once enough repeat buyers exist) */
  effectiveDays: z.number().nullable(),
  source: UnitSource.nullable(),
  /** the product's figure against its repeat buyers' */
  evidence: UnitEvidence.nullable(),
  /** the category's set figure against the repeat buyers of the whole category */
  categoryEvidence: UnitEvidence.nullable()
})
export type UnitRow = z.infer<typeof UnitRow>

const DaysPerUnit = z.number().positive().max(3650).nullable()

export const remindersChannels = {
  /** Today's call list: replenishment due, birthdays, customers about to slide, open complaints, notices. */
  'reminders.calls': { input: CallsInput, output: CallList },
  /** Write a call outcome to the contact log; 'opted_out' (不再联系) withdraws every channel the customer allowed. */
  'reminders.record': { input: RecordInput, output: z.object({ id: z.number().int(), at: z.string(), revoked: z.array(ConsentChannel) }) },
  /** Undo a 不再联系: exactly the channels it withdrew come back, and the call returns to the list. */
  'reminders.undoOptOut': {
    input: z.object({ contactId: z.number().int().positive() }).strict(),
    output: z.object({ customerId: z.number().int(), restored: z.array(ConsentChannel) })
  },
  /** Undo any other outcome (已联系, 未接通…): its contact-log line goes and the call returns to the list. */
  'reminders.undoOutcome': {
    input: z.object({ contactId: z.number().int().positive() }).strict(),
    output: z.object({ customerId: z.number().int(), outcome: CallOutcome })
  },
  /** Products with their days-per-unit: set, by category, learned. */
  'reminders.units': { input: z.object({ asOf: IsoDate.optional() }).strict(), output: z.array(UnitRow) },
  /** Set (or clear with null) how many days one unit of a product lasts. */
  'reminders.setProductDays': {
    input: z.object({ productId: z.number().int().positive(), daysPerUnit: DaysPerUnit }).strict(),
    output: z.object({ ok: z.literal(true) })
  },
  /** Set (or clear with null) how many days one unit lasts for a whole category. */
  'reminders.setCategoryDays': {
    input: z.object({ category: z.string().min(1).max(100), daysPerUnit: DaysPerUnit }).strict(),
    output: z.object({ ok: z.literal(true) })
  },
  /** Take the learned figure on offer into the table (a product's own, or a category's); answers the figure it replaced, for undo. */
  'reminders.adoptLearned': {
    input: z.union([z.object({ productId: z.number().int().positive() }).strict(), z.object({ category: z.string().min(1).max(100) }).strict()]),
    output: z.object({ previous: z.number().nullable(), daysPerUnit: z.number() })
  },
  /** The care calendar and reminder lead times. */
  'reminders.settings': { input: NoInput, output: CareSettings },
  /** Change some care-calendar settings; answers all of them. */
  'reminders.updateSettings': { input: CareSettings.partial().strict(), output: CareSettings }
}
