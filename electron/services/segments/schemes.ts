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

function group(db: Db, column: string, keys: readonly string[]): Bucket {
  const count: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]))
  const spend: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]))
  // column names come from the constant list in schemeOverview, never from input
  const rows = db.prepare(`SELECT ${column} AS k, count(*) AS n, sum(spend_fen) AS fen FROM ${SNAPSHOT} WHERE ${column} IS NOT NULL GROUP BY ${column}`).all() as {
    k: string
    n: number
    fen: number
  }[]
  for (const r of rows) {
    count[r.k] = r.n
    spend[r.k] = r.fen
  }
  return { count, spend }
}

/** Every built-in scheme's counts (and spend), plus each saved segment's count. */
export function schemeOverview(db: Db, asOf: string, settings: Settings, withCustom = true): SegmentsOverview {
  ensureSnapshot(db, asOf, schemeSettings(settings))
  const head = db.prepare(`SELECT count(*) AS customers, coalesce(sum(orders > 0), 0) AS buyers FROM ${SNAPSHOT}`).get() as {
    customers: number
    buyers: number
  }
  const lifecycle = group(db, 'lifecycle', lifecycleStages)
  const ladder = group(db, 'ladder', ladderSteps)
  const tiers = group(db, 'tier', tierKeys)
  const rfmClassic = group(db, 'rfm_classic', classicSegments)
  const rfmCn8 = group(db, 'rfm_cn8', cn8Classes)
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
