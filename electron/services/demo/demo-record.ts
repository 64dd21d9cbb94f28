/**
 * Which import batches are the demo shop: kept under the settings key 'demo.shop' so the
 * demo can be removed exactly (and the overview can say plainly that it is loaded). Not one
 * of the user's settings, so it lives beside them rather than in the Settings schema.
 */
import { z } from 'zod'
import type { Db } from '../../db/driver'

const KEY = 'demo.shop'

export const DemoRecord = z.object({
  loadedAt: z.string(),
  customers: z.number().int(),
  seed: z.number().int(),
  batches: z.array(z.number().int())
})
export type DemoRecord = z.infer<typeof DemoRecord>

export function readDemoRecord(db: Db): DemoRecord | null {
  const raw = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(KEY) as string | undefined
  if (raw === undefined) return null
  try {
    const parsed = DemoRecord.safeParse(JSON.parse(raw))
    return parsed.success ? parsed.data : null
  } catch {
    return null // a damaged record: treated as no demo, and the batches can still be undone one by one
  }
}

export function writeDemoRecord(db: Db, record: DemoRecord): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(record))
}

export function clearDemoRecord(db: Db): void {
  db.prepare('DELETE FROM settings WHERE key = ?').run(KEY)
}
