/** Counts and spend for every built-in scheme as of a date, read off the snapshot. */
import type { Db } from '../../db/driver'
import type { Settings } from '../../../shared/schemas/settings'
import type { SegmentsOverview } from '../../../shared/schemas/segments'
import { lifecycleStage, lifecycleStages } from '../../../shared/domain/lifecycle'
import { ladderSteps } from '../../../shared/domain/ladder'
import { memberTier, tierKeys } from '../../../shared/domain/tiers'
import { classicSegments, cn8Classes } from '../../../shared/domain/rfm'
import { snapshotSteps, type SnapshotState, type SnapshotStepOptions } from './snapshot'
import { rfmOf, type RfmCuts } from './rfm-cuts'
import { schemeSettings, type SchemeSettings } from './scheme-settings'
import { listSegments, segmentRule } from './segment-repo'
import { countRule } from './membership'

/** Counts and spend per key of one scheme, kept by the key's position while tallying. */
class Bucket<K extends string> {
  private readonly count: Float64Array
  private readonly spend: Float64Array
  private readonly position: Map<K, number>
  constructor(readonly keys: readonly K[]) {
    this.count = new Float64Array(keys.length)
    this.spend = new Float64Array(keys.length)
    this.position = new Map(keys.map((k, i) => [k, i]))
  }
  add(key: K, fen: number): void {
    this.addAt(this.position.get(key) as number, fen)
  }
  addAt(i: number, fen: number): void {
    this.count[i] += 1
    this.spend[i] += fen
  }
  counts(): Record<K, number> {
    return Object.fromEntries(this.keys.map((k, i) => [k, this.count[i]])) as Record<K, number>
  }
  spends(): Record<K, number> {
    return Object.fromEntries(this.keys.map((k, i) => [k, this.spend[i]])) as Record<K, number>
  }
}

/** The built-in schemes, tallied one per step of a recompute job, in the order the overview lists them. */
export const SCHEME_NAMES = ['lifecycle', 'ladder', 'tiers', 'rfmClassic', 'rfmCn8'] as const
export type SchemeName = (typeof SCHEME_NAMES)[number]

/**
 * What a recompute is about to do next: build a range of the snapshot, tally one scheme, or
 * count one saved segment. `done` of `total` counts customers: those built into the snapshot
 * while it is being built, all of them once it is (the tallies and counts read it whole).
 */
export type OverviewStep = { done: number; total: number } & (
  { kind: 'snapshot' } | { kind: 'scheme'; name: SchemeName; index: number; count: number } | { kind: 'custom'; name: string; index: number; count: number }
)

/**
 * Counts and spend per bucket of one scheme in a pass in memory over the facts the snapshot
 * build kept: lifecycle and tier by the rules in shared/domain, the ladder step as decided by
 * the build, the RFM classes from the cuts. Grouping the 200,000 rows in SQL sorted them and
 * cost twice as much; a pass per scheme (a few ms each) lets a job stop between schemes.
 */
function tallyScheme(snap: SnapshotState, s: SchemeSettings, name: SchemeName) {
  const keys = { lifecycle: lifecycleStages, ladder: ladderSteps, tiers: tierKeys, rfmClassic: classicSegments, rfmCn8: cn8Classes }[name]
  const bucket = new Bucket<string>(keys)
  for (let i = 0; i < snap.orders.length; i++) {
    const fen = snap.spend[i]
    const orders = snap.orders[i]
    if (name === 'ladder') bucket.addAt(snap.ladder[i], fen)
    else if (name === 'tiers') bucket.add(memberTier(orders, fen, s.tiers), fen)
    else if (orders > 0) {
      const days = snap.days[i]
      if (name === 'lifecycle') bucket.add(lifecycleStage(days, s.lifecycle), fen)
      else {
        const rfm = rfmOf(snap.cuts as RfmCuts, days, orders, fen) // a buyer means there are cuts
        bucket.add(name === 'rfmCn8' ? rfm.cn8 : rfm.classic, fen)
      }
    }
  }
  return bucket
}

/**
 * Every built-in scheme's counts (and spend), plus each saved segment's count, step by step:
 * each yield says what the next turn does, and the return is the overview. The snapshot is
 * built a range of customers per step (snapshotSteps: a small shop in one), into work tables
 * renamed over the old snapshot by its last step, so a job cancelled between steps never
 * leaves a half-built snapshot behind.
 */
export function* schemeOverviewSteps(
  db: Db,
  asOf: string,
  settings: Settings,
  withCustom = true,
  build: SnapshotStepOptions = {}
): Generator<OverviewStep, SegmentsOverview> {
  const schemes = schemeSettings(settings)
  const saved = withCustom ? listSegments(db) : []
  let total = -1
  const building = snapshotSteps(db, asOf, schemes, build)
  let snap: SnapshotState
  try {
    for (;;) {
      const next = building.next()
      if (next.done) {
        snap = next.value
        break
      }
      total = next.value.total
      yield { kind: 'snapshot', ...next.value }
    }
  } finally {
    // a recompute stopped here stops the build too, which drops its work tables
    building.return(undefined as never)
  }
  // a snapshot already built had no steps: its customers are the count
  if (total < 0) total = snap.orders.length
  const tallied = {} as Record<SchemeName, Bucket<string>>
  for (const [index, name] of SCHEME_NAMES.entries()) {
    yield { kind: 'scheme', name, index, count: SCHEME_NAMES.length, done: total, total }
    tallied[name] = tallyScheme(snap, schemes, name)
  }
  const custom: Record<string, number> = {}
  for (const [index, seg] of saved.entries()) {
    yield { kind: 'custom', name: seg.name, index, count: saved.length, done: total, total }
    // the snapshot is rebuilt here only if the data changed between steps
    custom[seg.name] = countRule(db, segmentRule(seg), asOf, settings)
  }
  const { lifecycle, ladder, tiers, rfmClassic, rfmCn8 } = tallied
  const rfm = (settings.rfmScheme === 'cn8' ? rfmCn8 : rfmClassic).counts()
  return {
    asOf,
    customers: snap.orders.length,
    buyers: snap.orders.reduce((n, orders) => n + (orders > 0 ? 1 : 0), 0),
    lifecycle: lifecycle.counts(),
    ladder: ladder.counts(),
    tiers: tiers.counts(),
    rfm: { scheme: settings.rfmScheme, segments: rfm },
    rfmClassic: rfmClassic.counts(),
    rfmCn8: rfmCn8.counts(),
    spend: { lifecycle: lifecycle.spends(), ladder: ladder.spends(), tiers: tiers.spends(), rfmClassic: rfmClassic.spends(), rfmCn8: rfmCn8.spends() },
    custom
  } as SegmentsOverview
}

/** Every built-in scheme's counts (and spend), plus each saved segment's count, in one call (the CLI, the old channel). */
export function schemeOverview(db: Db, asOf: string, settings: Settings, withCustom = true): SegmentsOverview {
  // nothing can run between the steps of one call: the snapshot is built in one pass
  const steps = schemeOverviewSteps(db, asOf, settings, withCustom, { chunk: Infinity })
  for (;;) {
    const next = steps.next()
    if (next.done) return next.value
  }
}
