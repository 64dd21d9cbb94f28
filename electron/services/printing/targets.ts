/**
 * Who gets a card, in print order: a segment's members, a campaign's treated members by rank,
 * one card per parcel of an import batch, customers in a lifecycle stage, or given ids.
 * Erased and merged-away customers never get a card.
 */
import type { Db } from '../../db/driver'
import { addDays } from '../../../shared/domain/dates'
import type { LifecycleThresholds } from '../../../shared/domain/lifecycle'
import type { PrintTarget } from '../../../shared/schemas/printing'
import type { Recipient } from './customer-facts'
import { segmentMembers } from './segment-members'
import { refuse } from '../../../shared/errors/refuse'

const LIVE = 'c.erased_at IS NULL AND c.merged_into IS NULL'

export interface ResolvedTarget {
  recipients: Recipient[]
  campaignId: number | null
  /** what the target is called, for the document title */
  label: string
}

/** The recipients of a print target. */
export function resolveTarget(db: Db, target: PrintTarget, asOf: string, thresholds: LifecycleThresholds): ResolvedTarget {
  if (target.campaign !== undefined) {
    const c = db.prepare('SELECT id, name FROM campaigns WHERE id = ?').get(target.campaign) as { id: number; name: string } | undefined
    if (!c) throw refuse('campaignNotFound', { id: target.campaign })
    const ids = db
      .prepare(
        `SELECT m.customer_id FROM campaign_members m JOIN customers c ON c.id = m.customer_id
         WHERE m.campaign_id = ? AND m.arm = 'treated' AND ${LIVE} ORDER BY m.rank, m.customer_id`
      )
      .pluck()
      .all(c.id) as number[]
    return { recipients: ids.map((customerId) => ({ customerId, orderId: null })), campaignId: c.id, label: c.name }
  }
  if (target.batch !== undefined) {
    const b = db.prepare('SELECT id, file_name FROM import_batches WHERE id = ? AND undone_at IS NULL').get(target.batch) as
      { id: number; file_name: string } | undefined
    if (!b) throw refuse('importBatchNotFound', { id: target.batch })
    const rows = db
      .prepare(
        `SELECT o.id AS orderId, o.customer_id AS customerId FROM orders o JOIN customers c ON c.id = o.customer_id
         WHERE o.batch_id = ? AND o.is_purchase = 1 AND ${LIVE} ORDER BY o.ordered_at, o.id`
      )
      .all(b.id) as Recipient[]
    return { recipients: rows, campaignId: null, label: b.file_name }
  }
  if (target.stage !== undefined) {
    const t = thresholds
    const bounds: Record<string, [number, number]> = {
      active: [0, t.active],
      silent: [t.active + 1, t.silent],
      sleeping: [t.silent + 1, t.sleeping],
      drifting: [t.sleeping + 1, t.drifting],
      lost: [t.drifting + 1, 1_000_000]
    }
    const [minDays, maxDays] = bounds[target.stage]
    const ids = db
      .prepare(
        `SELECT c.id FROM customers c JOIN customer_summaries s ON s.customer_id = c.id
         WHERE ${LIVE} AND s.last_purchase IS NOT NULL AND substr(s.last_purchase, 1, 10) <= ? AND substr(s.last_purchase, 1, 10) >= ?
         ORDER BY c.id`
      )
      .pluck()
      .all(addDays(asOf, -minDays), addDays(asOf, -Math.min(maxDays, 100_000))) as number[]
    return { recipients: ids.map((customerId) => ({ customerId, orderId: null })), campaignId: null, label: target.stage }
  }
  if (target.segment !== undefined) {
    const ids = segmentMembers(db, target.segment, asOf)
    return { recipients: liveOnly(db, ids).map((customerId) => ({ customerId, orderId: null })), campaignId: null, label: String(target.segment) }
  }
  const ids = liveOnly(db, target.customerIds ?? [])
  return { recipients: ids.map((customerId) => ({ customerId, orderId: null })), campaignId: null, label: `${ids.length} 位客户` }
}

/** The given ids that belong to live customers, in the given order. */
function liveOnly(db: Db, ids: number[]): number[] {
  const live = new Set(
    db.prepare(`SELECT c.id FROM customers c WHERE ${LIVE} AND c.id IN (SELECT value FROM json_each(?))`).pluck().all(JSON.stringify(ids)) as number[]
  )
  return [...new Set(ids)].filter((id) => live.has(id))
}
