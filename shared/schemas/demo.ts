import { z } from 'zod'
import { IsoDate } from './common'
import { ImportKind } from './imports'

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

export const DemoFilesInput = z
  .object({
    /** a sample is for trying the import page: a few hundred customers at most */
    customers: z.number().int().min(1).max(5000).default(200),
    seed: z.number().int().default(7)
  })
  .strict()

export const DemoFilesResult = z.object({
  /** the demo's export files, in the order to import them: product list, counter sales, online orders, member list */
  files: z.array(z.object({ name: z.string(), kind: ImportKind, dataBase64: z.string() }))
})
export type DemoFilesResult = z.infer<typeof DemoFilesResult>

export const demoChannels = {
  /** Fill an empty database with a believable mother-and-baby shop (two years of sales). */
  'demo.load': { input: DemoInput, output: DemoResult },
  /** Undo exactly the demo's batches (after a backup); the shop is empty again. */
  'demo.remove': { input: z.object({}).strict(), output: DemoRemoveResult },
  /** The same removal as a job (jobs.progress follows it, jobs.cancel stops it between batches): answers its id at once. */
  'demo.removeStart': { input: z.object({}).strict(), output: z.object({ jobId: z.string() }) },
  /** Whether the demo shop is loaded, and as which batches. */
  'demo.status': { input: z.object({}).strict(), output: DemoStatus },
  /** The demo's export files as bytes, to save as samples for the import page (「保存示例文件」); imports nothing. */
  'demo.files': { input: DemoFilesInput, output: DemoFilesResult }
}
