import { z } from 'zod'
import { isIsoDate } from '../domain/dates'

/** A shop-local calendar date, YYYY-MM-DD. */
export const IsoDate = z.string().refine(isIsoDate, { message: '日期格式应为 YYYY-MM-DD', params: { key: 'inputDate' } })

/** An empty input: channels without arguments accept nothing else. */
export const NoInput = z.object({}).strict()

/** Integer money in fen. */
export const Fen = z.number().int()

export const LifecycleCounts = z.object({
  active: z.number().int(),
  silent: z.number().int(),
  sleeping: z.number().int(),
  drifting: z.number().int(),
  lost: z.number().int()
})
