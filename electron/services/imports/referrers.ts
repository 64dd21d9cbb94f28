/**
 * Referrers named in member lists (推荐人 / 推荐人卡号 / 推荐人手机): linked to the customer who
 * holds that card or phone, or kept pending until an import brings that customer in.
 */
import type { Db } from '../../db/driver'
import { normalizePhone } from '../../../shared/domain/phone'
import { cleanId } from './identity-values'
import type { MasterLog } from './master-log'

export interface ReferrerRef {
  kind: 'card' | 'phone' | 'external'
  value: string
}

/** The identities a referrer cell may name, most likely first: a card, else a phone. */
export function referrerRefs(raw: string): ReferrerRef[] {
  const id = cleanId(raw)
  if (!id.ok || !id.value) return []
  const out: ReferrerRef[] = [{ kind: 'card', value: id.value }]
  const phone = normalizePhone(id.value)
  if (phone) out.push({ kind: 'phone', value: phone })
  if (id.value.includes('@')) out.push({ kind: 'external', value: id.value.toLowerCase() })
  return out
}

/** The live customer holding one of these identities, or null: prepared once, asked per referral. */
export function referrerFinder(db: Db): (refs: ReferrerRef[]) => number | null {
  const find = db.prepare('SELECT customer_id FROM customer_identities WHERE kind = ? AND value = ?').pluck()
  return (refs) => {
    for (const r of refs) {
      const id = find.get(r.kind, r.value) as number | undefined
      if (id !== undefined) return id
    }
    return null
  }
}

/**
 * Link every pending referrer whose customer now exists (brought in by this batch or an
 * earlier one); each link is logged under this batch so undoing it leaves the referrer pending
 * again. Answers the customers linked and their referrers (whose ladder step may change).
 */
export function linkPendingReferrers(db: Db, log: MasterLog | null, batchId: number, at: string): { linked: number; touched: number[] } {
  const rows = db
    .prepare(
      `SELECT p.customer_id AS customerId, p.kind, p.value, p.batch_id AS batchId, i.customer_id AS referrerId
       FROM pending_referrers p JOIN customer_identities i ON i.kind = p.kind AND i.value = p.value`
    )
    .all() as { customerId: number; kind: string; value: string; batchId: number | null; referrerId: number }[]
  const touched: number[] = []
  let linked = 0
  if (rows.length === 0) return { linked, touched }
  const unpend = db.prepare('DELETE FROM pending_referrers WHERE customer_id = ?')
  const logChange = log
    ? null
    : db.prepare('INSERT INTO batch_field_changes (batch_id, entity, entity_id, field, old_value, new_value, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
  const referredBy = db.prepare('SELECT referred_by FROM customers WHERE id = ?').pluck()
  const setReferredBy = db.prepare('UPDATE customers SET referred_by = ? WHERE id = ?')
  for (const r of rows) {
    unpend.run(r.customerId)
    const note = (field: string, old: string | null, next: string | null) =>
      log ? log.note('customer', r.customerId, field, old, next) : logChange!.run(batchId, 'customer', r.customerId, field, old, next, at)
    note('pendingReferrer', JSON.stringify({ kind: r.kind, value: r.value, batchId: r.batchId }), null)
    if (r.referrerId === r.customerId) continue
    const current = referredBy.get(r.customerId) as number | null
    if (current !== null) continue
    setReferredBy.run(r.referrerId, r.customerId)
    note('referredBy', null, String(r.referrerId))
    touched.push(r.customerId, r.referrerId)
    linked++
  }
  return { linked, touched }
}
