/** Counts and spend for every built-in scheme as of a date, read off the snapshot. */
import type { Db } from '../../db/driver'
import type { Settings } from '../../../shared/schemas/settings'
import type { SegmentsOverview } from '../../../shared/schemas/segments'
import { lifecycleStages } from '../../../shared/domain/lifecycle'
import { ladderSteps } from '../../../shared/domain/ladder'
import { tierKeys } from '../../../shared/domain/tiers'
import { classicSegments, cn8Classes } from '../../../shared/domain/rfm'
import { ensureSnapshot, SNAPSHOT } from './snapshot'
import { schemeSettings } from './scheme-settings'
import { listSegments, segmentRule } from './segment-repo'
import { countRule } from './membership'

type Bucket = { count: Record<string, number>; spend: Record<string, number> }

const COLUMNS = ['lifecycle', 'ladder', 'tier', 'rfm_classic', 'rfm_cn8'] as const
type Column = (typeof COLUMNS)[number]

/**
 * Counts and spend per bucket of every scheme in one pass: the snapshot grouped by all five
 * columns at once has at most a few thousand combinations, which are then summed per column
 * here (five GROUP BYs would each sort the 200,000 rows).
 */
function groupAll(db: Db, keys: Record<Column, readonly string[]>): Record<Column, Bucket> {
  const out = Object.fromEntries(
    COLUMNS.map((c) => [c, { count: Object.fromEntries(keys[c].map((k) => [k, 0])), spend: Object.fromEntries(keys[c].map((k) => [k, 0])) }])
  ) as Record<Column, Bucket>
  const rows = db
    .prepare(`SELECT ${COLUMNS.join(', ')}, count(*), sum(spend_fen) FROM ${SNAPSHOT} GROUP BY ${COLUMNS.join(', ')}`)
    .raw()
    .all() as (string | number | null)[][]
  for (const row of rows) {
    const n = row[COLUMNS.length] as number
    const fen = row[COLUMNS.length + 1] as number
    COLUMNS.forEach((c, i) => {
      const k = row[i]
      if (k === null) return
      const b = out[c]
      b.count[k] = (b.count[k] ?? 0) + n
      b.spend[k] = (b.spend[k] ?? 0) + fen
    })
  }
  return out
}

/** Every built-in scheme's counts (and spend), plus each saved segment's count. */
export function schemeOverview(db: Db, asOf: string, settings: Settings, withCustom = true): SegmentsOverview {
  ensureSnapshot(db, asOf, schemeSettings(settings))
  const head = db.prepare(`SELECT count(*) AS customers, coalesce(sum(orders > 0), 0) AS buyers FROM ${SNAPSHOT}`).get() as {
    customers: number
    buyers: number
  }
  const g = groupAll(db, { lifecycle: lifecycleStages, ladder: ladderSteps, tier: tierKeys, rfm_classic: classicSegments, rfm_cn8: cn8Classes })
  const { lifecycle, ladder, tier: tiers, rfm_classic: rfmClassic, rfm_cn8: rfmCn8 } = g
  const custom: Record<string, number> = {}
  if (withCustom) {
    for (const seg of listSegments(db)) custom[seg.name] = countRule(db, segmentRule(seg), asOf, settings)
  }
  return {
    asOf,
    ...head,
    lifecycle: lifecycle.count as SegmentsOverview['lifecycle'],
    ladder: ladder.count,
    tiers: tiers.count,
    rfm: { scheme: settings.rfmScheme, segments: settings.rfmScheme === 'cn8' ? rfmCn8.count : rfmClassic.count },
    rfmClassic: rfmClassic.count,
    rfmCn8: rfmCn8.count,
    spend: { lifecycle: lifecycle.spend, ladder: ladder.spend, tiers: tiers.spend, rfmClassic: rfmClassic.spend, rfmCn8: rfmCn8.spend },
    custom
  }
}
