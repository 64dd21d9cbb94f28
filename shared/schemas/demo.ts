import { z } from 'zod'
import { IsoDate } from './common'

export const DemoInput = z
  .object({
    customers: z.number().int().min(1).max(500_000).default(800),
    seed: z.number().int().default(7),
    asOf: IsoDate.optional()
  })
  .strict()

export const DemoResult = z.object({
  customers: z.number().int(),
  orders: z.number().int(),
  lines: z.number().int(),
  revenueFen: z.number().int(),
  from: z.string(),
  to: z.string()
})
export type DemoResult = z.infer<typeof DemoResult>

export const demoChannels = {
  /** Fill an empty database with a believable mother-and-baby shop (two years of sales). */
  'demo.load': { input: DemoInput, output: DemoResult }
}
