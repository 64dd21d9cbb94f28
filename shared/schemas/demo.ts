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
  to: z.string(),
  /** the import batches the demo's files became, one per file */
  batches: z.array(z.number().int())
})
export type DemoResult = z.infer<typeof DemoResult>

export const DemoRemoveResult = z.object({
  batchesUndone: z.array(z.number().int()),
  customers: z.number().int(),
  orders: z.number().int()
})

export const DemoStatus = z.object({
  loaded: z.boolean(),
  loadedAt: z.string().nullable(),
  batches: z.array(z.number().int())
})
export type DemoStatus = z.infer<typeof DemoStatus>

export const demoChannels = {
  /** Fill an empty database with a believable mother-and-baby shop (two years of sales). */
  'demo.load': { input: DemoInput, output: DemoResult },
  /** Undo exactly the demo's batches (after a backup); the shop is empty again. */
  'demo.remove': { input: z.object({}).strict(), output: DemoRemoveResult },
  /** Whether the demo shop is loaded, and as which batches. */
  'demo.status': { input: z.object({}).strict(), output: DemoStatus }
}
