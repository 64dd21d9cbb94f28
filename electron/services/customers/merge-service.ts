/**
 * Merging two files of the same person, and taking a merge back. A merge moves everything
 * the merged customer owns to the keeper (sales, identities, names, addresses, tags, contact
 * log, children, referrals), fills the keeper's empty profile fields from the merged one, and
 * marks the merged customer `merged_into`. `merges.undo_data` holds exactly what moved and
 * both customer rows as they were, so an undo restores them field for field.
 */
import type { Db } from '../../db/driver'
import type { MergeEntry } from '../../../shared/schemas/customers'
import { refreshSummaries } from '../ledger/summaries'
import { customerRecord } from './detail-service'
import { backupBeforeChange } from '../backups/backup-before-change'
import { refuse } from '../../../shared/errors/refuse'

interface UndoData {
  kept: Record<string, unknown>
  merged: Record<string, unknown>
  keptNames: { name: string; last_seen: string }[]
  keptAddresses: { address: string; last_seen: string }[]
  keptTags: string[]
  mergedNames: { name: string; last_seen: string }[]
  mergedAddresses: { address: string; last_seen: string }[]
  mergedTags: string[]
  orders: number[]
  lines: number[]
  identities: number[]
  contacts: number[]
  children: number[]
  referrals: number[]
}

// profile columns a merge may fill on the keeper and an undo puts back
const PROFILE = [
  'name',
  'gender',
  'birthday',
  'birthday_lunar',
  'age_band',
  'address',
  'province',
  'city',
  'district',
  'notes',
  'referred_by',
  'targeted',
  'consent_phone',
  'consent_sms',
  'consent_wechat',
  'consent_mail',
  'updated_at',
  'merged_into'
] as const

function ids(db: Db, sql: string, id: number): number[] {
  return db.prepare(sql).pluck().all(id) as number[]
}

function mergeRow(db: Db, id: number): MergeEntry {
  return db.prepare('SELECT id, kept_id AS keptId, merged_id AS mergedId, at, undone_at AS undoneAt FROM merges WHERE id = ?').get(id) as MergeEntry
}

/** Merge `mergeId` into `keepId` as of `at`; answers the merge record (its id undoes it). */
export function mergeCustomers(db: Db, keepId: number, mergeId: number, at: string): MergeEntry & { ordersMoved: number } {
  if (keepId === mergeId) throw refuse('selfMerge')
  const keep = customerRecord(db, keepId)
  const gone = customerRecord(db, mergeId)
  for (const c of [keep, gone]) {
    if (c.erased_at) throw refuse('customerErased', { id: c.id })
    if (c.merged_into) throw refuse('customerMerged', { id: c.id, into: c.merged_into })
  }
  let mergeRecordId = 0
  let ordersMoved = 0
  db.transaction(() => {
    const undo: UndoData = {
      kept: db.prepare(`SELECT ${PROFILE.join(', ')} FROM customers WHERE id = ?`).get(keepId) as Record<string, unknown>,
      merged: db.prepare(`SELECT ${PROFILE.join(', ')} FROM customers WHERE id = ?`).get(mergeId) as Record<string, unknown>,
      keptNames: db.prepare('SELECT name, last_seen FROM customer_names WHERE customer_id = ?').all(keepId) as UndoData['keptNames'],
      keptAddresses: db.prepare('SELECT address, last_seen FROM customer_addresses WHERE customer_id = ?').all(keepId) as UndoData['keptAddresses'],
      keptTags: db.prepare('SELECT tag FROM customer_tags WHERE customer_id = ?').pluck().all(keepId) as string[],
      mergedNames: db.prepare('SELECT name, last_seen FROM customer_names WHERE customer_id = ?').all(mergeId) as UndoData['mergedNames'],
      mergedAddresses: db.prepare('SELECT address, last_seen FROM customer_addresses WHERE customer_id = ?').all(mergeId) as UndoData['mergedAddresses'],
      mergedTags: db.prepare('SELECT tag FROM customer_tags WHERE customer_id = ?').pluck().all(mergeId) as string[],
      orders: ids(db, 'SELECT id FROM orders WHERE customer_id = ?', mergeId),
      lines: ids(db, 'SELECT id FROM order_lines WHERE customer_id = ?', mergeId),
      identities: ids(db, 'SELECT id FROM customer_identities WHERE customer_id = ?', mergeId),
      contacts: ids(db, 'SELECT id FROM contact_log WHERE customer_id = ?', mergeId),
      children: ids(db, 'SELECT id FROM customer_children WHERE customer_id = ?', mergeId),
      // the keeper itself, if the merged one referred it, is handled by the profile update below
      referrals: (db.prepare('SELECT id FROM customers WHERE referred_by = ?').pluck().all(mergeId) as number[]).filter((x) => x !== keepId)
    }

    const move = (table: string, list: number[]) =>
      db.prepare(`UPDATE ${table} SET customer_id = ? WHERE id IN (SELECT value FROM json_each(?))`).run(keepId, JSON.stringify(list))
    move('orders', undo.orders)
    move('order_lines', undo.lines)
    move('customer_identities', undo.identities)
    move('contact_log', undo.contacts)
    move('customer_children', undo.children)
    db.prepare('UPDATE customers SET referred_by = ? WHERE id IN (SELECT value FROM json_each(?))').run(keepId, JSON.stringify(undo.referrals))
    db.prepare(
      `INSERT INTO customer_names (customer_id, name, last_seen) SELECT ?, name, last_seen FROM customer_names WHERE customer_id = ?
       ON CONFLICT (customer_id, name) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)`
    ).run(keepId, mergeId)
    db.prepare(
      `INSERT INTO customer_addresses (customer_id, address, last_seen) SELECT ?, address, last_seen FROM customer_addresses WHERE customer_id = ?
       ON CONFLICT (customer_id, address) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)`
    ).run(keepId, mergeId)
    db.prepare('INSERT OR IGNORE INTO customer_tags (customer_id, tag) SELECT ?, tag FROM customer_tags WHERE customer_id = ?').run(keepId, mergeId)
    for (const t of ['customer_names', 'customer_addresses', 'customer_tags']) db.prepare(`DELETE FROM ${t} WHERE customer_id = ?`).run(mergeId)

    // the keeper's empty fields take the merged one's; an opt-out on either side wins
    db.prepare(
      `UPDATE customers AS k SET
         name = coalesce(k.name, m.name), gender = coalesce(k.gender, m.gender),
         birthday = coalesce(k.birthday, m.birthday),
         birthday_lunar = CASE WHEN k.birthday IS NULL THEN m.birthday_lunar ELSE k.birthday_lunar END,
         age_band = coalesce(k.age_band, m.age_band),
         province = CASE WHEN k.address IS NULL THEN m.province ELSE k.province END,
         city = CASE WHEN k.address IS NULL THEN m.city ELSE k.city END,
         district = CASE WHEN k.address IS NULL THEN m.district ELSE k.district END,
         address = coalesce(k.address, m.address),
         notes = CASE WHEN k.notes IS NULL THEN m.notes WHEN m.notes IS NULL OR m.notes = k.notes THEN k.notes ELSE k.notes || char(10) || m.notes END,
         referred_by = CASE WHEN coalesce(k.referred_by, m.referred_by) IN (k.id, m.id) THEN NULL ELSE coalesce(k.referred_by, m.referred_by) END,
         targeted = max(k.targeted, m.targeted),
         consent_phone = min(k.consent_phone, m.consent_phone), consent_sms = min(k.consent_sms, m.consent_sms),
         consent_wechat = min(k.consent_wechat, m.consent_wechat), consent_mail = min(k.consent_mail, m.consent_mail),
         updated_at = ?
       FROM customers AS m WHERE k.id = ? AND m.id = ?`
    ).run(at, keepId, mergeId)
    db.prepare('UPDATE customers SET merged_into = ?, updated_at = ? WHERE id = ?').run(keepId, at, mergeId)
    refreshSummaries(db, [keepId, mergeId])
    mergeRecordId = Number(
      db.prepare('INSERT INTO merges (kept_id, merged_id, at, undo_data) VALUES (?, ?, ?, ?)').run(keepId, mergeId, at, JSON.stringify(undo)).lastInsertRowid
    )
    ordersMoved = undo.orders.length
  })()
  return { ...mergeRow(db, mergeRecordId), ordersMoved }
}

/** Take a merge back exactly; refused when a later merge of either customer still stands. */
export function undoMerge(db: Db, mergeRecordId: number, at: string): MergeEntry {
  const m = db.prepare('SELECT * FROM merges WHERE id = ?').get(mergeRecordId) as
    { id: number; kept_id: number; merged_id: number; undo_data: string; undone_at: string | null } | undefined
  if (!m) throw refuse('mergeNotFound', { id: mergeRecordId })
  if (m.undone_at) throw refuse('mergeAlreadyUndone')
  const later = db
    .prepare('SELECT id FROM merges WHERE id > ? AND undone_at IS NULL AND (kept_id IN (?, ?) OR merged_id IN (?, ?)) LIMIT 1')
    .pluck()
    .get(m.id, m.kept_id, m.merged_id, m.kept_id, m.merged_id) as number | undefined
  if (later !== undefined) throw refuse('laterMergeFirst', { id: later })
  const undo = JSON.parse(m.undo_data) as UndoData | { erased: true }
  if ('erased' in undo) throw refuse('mergeOfErasedCustomer')

  db.transaction(() => {
    const back = (table: string, list: number[]) =>
      db.prepare(`UPDATE ${table} SET customer_id = ? WHERE id IN (SELECT value FROM json_each(?))`).run(m.merged_id, JSON.stringify(list))
    back('orders', undo.orders)
    back('order_lines', undo.lines)
    back('customer_identities', undo.identities)
    back('contact_log', undo.contacts)
    back('customer_children', undo.children)
    db.prepare('UPDATE customers SET referred_by = ? WHERE id IN (SELECT value FROM json_each(?))').run(m.merged_id, JSON.stringify(undo.referrals))
    const restore = (id: number, names: UndoData['keptNames'], addresses: UndoData['keptAddresses'], tags: string[], row: Record<string, unknown>) => {
      for (const t of ['customer_names', 'customer_addresses', 'customer_tags']) db.prepare(`DELETE FROM ${t} WHERE customer_id = ?`).run(id)
      const n = db.prepare('INSERT INTO customer_names (customer_id, name, last_seen) VALUES (?, ?, ?)')
      for (const x of names) n.run(id, x.name, x.last_seen)
      const a = db.prepare('INSERT INTO customer_addresses (customer_id, address, last_seen) VALUES (?, ?, ?)')
      for (const x of addresses) a.run(id, x.address, x.last_seen)
      const t = db.prepare('INSERT INTO customer_tags (customer_id, tag) VALUES (?, ?)')
      for (const x of tags) t.run(id, x)
      db.prepare(`UPDATE customers SET ${PROFILE.map((c) => `${c} = @${c}`).join(', ')} WHERE id = @id`).run({ ...row, id })
    }
    restore(m.kept_id, undo.keptNames, undo.keptAddresses, undo.keptTags, undo.kept)
    restore(m.merged_id, undo.mergedNames, undo.mergedAddresses, undo.mergedTags, undo.merged)
    db.prepare('UPDATE merges SET undone_at = ? WHERE id = ?').run(at, m.id)
    refreshSummaries(db, [m.kept_id, m.merged_id])
  })()
  return mergeRow(db, m.id)
}

/**
 * A merge as the app makes it: a backup first (kept as `before-merge`), then the merge. It can
 * be undone in the app, but the backup also covers an undo made impossible later (an erase).
 */
export async function mergeCustomersBackedUp(
  db: Db,
  backup: { folder: string; at: string },
  keepId: number,
  mergeId: number,
  at: string
): Promise<MergeEntry & { ordersMoved: number }> {
  await backupBeforeChange(db, backup.folder, backup.at, 'before-merge')
  return mergeCustomers(db, keepId, mergeId, at)
}
