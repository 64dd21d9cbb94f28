/**
 * Who is in a segment as of a date: counts, pages of members, and plain id lists for the
 * other features (gift planner, printing, export) through segmentCustomerIds.
 */
import type { Db } from '../../db/driver'
import type { Settings } from '../../../shared/schemas/settings'
import type { Members, MemberRow, RuleNode } from '../../../shared/schemas/segments'
import { compileRule } from './rule-compiler'
import { ensurePurchaseDetail, ensureSnapshot, SNAPSHOT } from './snapshot'
import { schemeSettings } from './scheme-settings'
import { findSegment, segmentRule } from './segment-repo'
import { refuse } from '../../../shared/errors/refuse'

type SchemeInputs = Pick<Settings, 'lifecycle' | 'core' | 'tiers'>

/** A saved segment by id or name, or a rule as given. */
export interface SegmentSelector {
  segmentId?: number
  id?: number
  name?: string
  rule?: RuleNode
}

/** The rule behind a selector. */
export function resolveRule(db: Db, sel: SegmentSelector): RuleNode {
  if (sel.rule) return sel.rule
  const id = sel.segmentId ?? sel.id
  if (id === undefined && sel.name === undefined) throw refuse('segmentSelectorNeeded')
  return segmentRule(findSegment(db, { id, name: sel.name }))
}

/** The FROM … WHERE of a rule over the snapshot, ready for SELECT. */
function whereRule(db: Db, rule: RuleNode, asOf: string, settings: SchemeInputs) {
  const schemes = schemeSettings(settings)
  const { cuts } = ensureSnapshot(db, asOf, schemes)
  const compiled = compileRule(rule, { asOf, lifecycle: settings.lifecycle, rfm: cuts })
  if (compiled.readsPurchaseDetail) ensurePurchaseDetail(db, asOf, schemes)
  return { from: `${SNAPSHOT} s JOIN customers c ON c.id = s.customer_id WHERE ${compiled.sql}`, params: compiled.params }
}

/** How many customers the rule selects as of the date. */
export function countRule(db: Db, rule: RuleNode, asOf: string, settings: SchemeInputs): number {
  const q = whereRule(db, rule, asOf, settings)
  return db
    .prepare(`SELECT count(*) FROM ${q.from}`)
    .pluck()
    .get(...q.params) as number
}

/** The customer ids of a saved segment or a rule as of a date, ascending: for other features. */
export function segmentCustomerIds(db: Db, sel: SegmentSelector, asOf: string, settings: SchemeInputs): number[] {
  const q = whereRule(db, resolveRule(db, sel), asOf, settings)
  return db
    .prepare(`SELECT s.customer_id FROM ${q.from} ORDER BY s.customer_id`)
    .pluck()
    .all(...q.params) as number[]
}

/** One page of members, biggest spenders first, with the total. */
export function segmentMembers(
  db: Db,
  sel: SegmentSelector,
  asOf: string,
  settings: SchemeInputs & Pick<Settings, 'rfmScheme'>,
  page: { limit: number; offset: number }
): Members {
  const q = whereRule(db, resolveRule(db, sel), asOf, settings)
  const total = db
    .prepare(`SELECT count(*) FROM ${q.from}`)
    .pluck()
    .get(...q.params) as number
  const rfm = settings.rfmScheme === 'cn8' ? 's.rfm_cn8' : 's.rfm_classic'
  // the page first, then a phone for each of its rows only (identities are looked up by customer)
  const rows = db
    .prepare(
      `SELECT page.*, (SELECT min(i.value) FROM customer_identities i INDEXED BY customer_identities_customer
                       WHERE i.customer_id = page.id AND i.kind = 'phone') AS phone
       FROM (
         SELECT c.id, c.name,
                nullif(trim(coalesce(c.province, '') || CASE WHEN c.city = c.province THEN '' ELSE ' ' || coalesce(c.city, '') END), '') AS region,
                s.orders, s.spend_fen AS spendFen, s.last_day AS lastPurchase, s.days_last AS daysSinceLastPurchase,
                s.lifecycle, s.ladder, s.tier, ${rfm} AS rfm
         FROM ${q.from}
         ORDER BY s.spend_fen DESC, c.id LIMIT ? OFFSET ?
       ) AS page
       ORDER BY page.spendFen DESC, page.id`
    )
    .all(...q.params, page.limit, page.offset) as MemberRow[]
  return { total, rows }
}
