import { z } from 'zod'
import { IsoDate, LifecycleCounts } from './common'

export const StatsInput = z.object({ asOf: IsoDate.optional() }).strict()

export const Stats = z.object({
  asOf: z.string(),
  customers: z.number().int(),
  orders: z.number().int(),
  lines: z.number().int(),
  revenueFen: z.number().int(),
  lifecycle: LifecycleCounts
})
export type Stats = z.infer<typeof Stats>

/** `stats` as the CLI and scripts read it: the headline figures, the ladder and the birthdays known. */
export const StatsSummary = Stats.extend({
  ladder: z.object({
    prospect: z.number().int(),
    target: z.number().int(),
    firstTime: z.number().int(),
    repeat: z.number().int(),
    core: z.number().int(),
    advocate: z.number().int()
  }),
  /** live customers with a birthday, and how many of those keep it by the lunar calendar */
  withBirthday: z.number().int(),
  lunarBirthdays: z.number().int()
})
export type StatsSummary = z.infer<typeof StatsSummary>

export const MonthlyRevenue = z.array(z.object({ month: z.string(), revenueFen: z.number().int(), orders: z.number().int(), buyers: z.number().int() }))

export const Overview = Stats.extend({
  repeatBuyers: z.number().int(),
  monthly: MonthlyRevenue,
  /** 'YYYY-MM': the first of `monthly` worth drawing — the shop's first month with sales, kept
   *  between 6 and 24 months back (shared/domain/chart-months.ts); `monthly` itself stays 24 long */
  chartFrom: z.string()
})
export type Overview = z.infer<typeof Overview>

export const statsChannels = {
  /** Headline figures: customers, orders (purchase occasions), lines, revenue, lifecycle counts. */
  'stats.summary': { input: StatsInput, output: StatsSummary },
  /** The overview page: headline figures plus revenue by month for the last 24 months, and the month the chart starts (`chartFrom`). */
  'stats.overview': { input: StatsInput, output: Overview }
}
