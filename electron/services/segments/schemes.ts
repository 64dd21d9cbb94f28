/** Counts and spend for every built-in scheme as of a date, read off the snapshot. */
import type { Db } from '../../db/driver'
import type { Settings } from '../../../shared/schemas/settings'
import type { SegmentsOverview } from '../../../shared/schemas/segments'
import { lifecycleStages } from '../../../shared/domain/lifecycle'
import { ladderSteps } from '../../../shared/domain/ladder'
import { tierKeys } from '../../../shared/domain/tiers'
import { classicSegments, cn8Classes } from '../../../shared/domain/rfm'
import { ensureSnapshot, SNAPSHOT_BASE, type SnapshotState } from './snapshot'
import { rfmOf } from './rfm-cuts'
import { schemeSettings } from './scheme-settings'
import { listSegments, segmentRule } from './segment-repo'
import { countRule } from './membership'

type Bucket = { count: Record<string, number>; spend: Record<string, number> }

const bucket = (keys: readonly string[]): Bucket => ({
  count: Object.fromEntries(keys.map((k) => [k, 0])),
  spend: Object.fromEntries(keys.map((k) => [k, 0]))
})

/** `column`'s position in `keys` as SQL (the keys are constants of the code, never user input). */
const positionOf = (column: string, keys: readonly string[]) =>
  `CASE ${column} ${keys.map((k, i) => `WHEN '${k}' THEN ${i}`).join(' ')} ELSE -1 END`

/**
 * Counts and spend per bucket of every scheme in one pass in memory: SQLite hands over the
 * lifecycle, ladder and tier of each snapshot row as one small number (lifecycle × 100 +
 * ladder × 10 + tier, −100 for no stage) and the snapshot's cached measures give the RFM
 * classes. Grouping the 200,000 rows in SQL sorted them and cost twice as much.
 */
function tally(db: Db, snap: SnapshotState) {
  const out = {
    lifecycle: bucket(lifecycleStages),
    ladder: bucket(ladderSteps),
    tiers: bucket(tierKeys),
    rfmClassic: bucket(classicSegments),
    rfmCn8: bucket(cn8Classes)
  }
  const codes = db
    .prepare(
      `SELECT (${positionOf('lifecycle', lifecycleStages)}) * 100 + (${positionOf('ladder', ladderSteps)}) * 10 + (${positionOf('tier', tierKeys)})
       FROM ${SNAPSHOT_BASE} ORDER BY customer_id`
    )
    .pluck()
    .all() as number[]
  const add = (b: Bucket, key: string, fen: number) => {
    b.count[key] += 1
    b.spend[key] += fen
  }
  let buyers = 0
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i] + 100 // −1 (no stage) becomes 0..99, the stages 100..599
    const fen = snap.spend[i]
    if (code >= 100) add(out.lifecycle, lifecycleStages[Math.floor(code / 100) - 1], fen)
    add(out.ladder, ladderSteps[Math.floor(code / 10) % 10], fen)
    add(out.tiers, tierKeys[code % 10], fen)
    if (snap.orders[i] > 0 && snap.cuts) {
      buyers++
      const rfm = rfmOf(snap.cuts, snap.days[i] as number, snap.orders[i], fen)
      add(out.rfmClassic, rfm.classic, fen)
      add(out.rfmCn8, rfm.cn8, fen)
    }
  }
  return { customers: codes.length, buyers, ...out }
}

/** Every built-in scheme's counts (and spend), plus each saved segment's count. */
export function schemeOverview(db: Db, asOf: string, settings: Settings, withCustom = true): SegmentsOverview {
  const { customers, buyers, lifecycle, ladder, tiers, rfmClassic, rfmCn8 } = tally(db, ensureSnapshot(db, asOf, schemeSettings(settings)))
  const custom: Record<string, number> = {}
  if (withCustom) {
    for (const seg of listSegments(db)) custom[seg.name] = countRule(db, segmentRule(seg), asOf, settings)
  }
  return {
    asOf,
    customers,
    buyers,
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
