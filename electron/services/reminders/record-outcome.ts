/**
 * One click on the call list: the outcome goes to the contact log under the row's key (every
 * reason on the row), which takes the row off the list. 'opted_out' (不再联系) withdraws every
 * channel the customer had allowed — phone, SMS, WeChat, mail — as one edit in the change
 * history, with an audit line; undoOptOut puts back exactly those channels and the call, and
 * undoOutcome takes back any other outcome (a mis-click on 已联系 must not lose the call).
 */
import type { Db } from '../../db/driver'
import type { CallOutcome, ConsentChannel } from '../../../shared/schemas/reminders'
import { refuse } from '../../../shared/errors/refuse'
import { outsideKeptReads } from '../app/data-version'

export interface RecordCall {
  customerId: number
  key: string
  outcome: CallOutcome
  note?: string
  at: string
  staff: string | null
}

/** Channel → the customers column and its change-history field (the edit form's patch key). */
const CHANNELS: { channel: ConsentChannel; column: string; field: string }[] = [
  { channel: 'phone', column: 'consent_phone', field: 'consentPhone' },
  { channel: 'sms', column: 'consent_sms', field: 'consentSms' },
  { channel: 'wechat', column: 'consent_wechat', field: 'consentWechat' },
  { channel: 'mail', column: 'consent_mail', field: 'consentMail' }
]

/** Write the outcome; answers the contact-log row id and, for an opt-out, the channels withdrawn. */
export function recordOutcome(db: Db, r: RecordCall): { id: number; at: string; revoked: ConsentChannel[] } {
  return db.transaction(() => {
    const c = db
      .prepare('SELECT consent_phone, consent_sms, consent_wechat, consent_mail FROM customers WHERE id = ? AND erased_at IS NULL')
      .get(r.customerId) as Record<string, number> | undefined
    if (c === undefined) throw refuse('customerNotFound', { id: r.customerId })
    const info = outsideKeptReads(db, () =>
      db
        .prepare("INSERT INTO contact_log (customer_id, at, kind, outcome, note, staff, topic) VALUES (?, ?, 'call', ?, ?, ?, ?)")
        .run(r.customerId, r.at, r.outcome, r.note ?? null, r.staff, r.key)
    )
    const revoked: ConsentChannel[] = []
    if (r.outcome === 'opted_out') {
      // one edit number for all channels, so the customer page's undo also takes them back together
      const edit = ((db.prepare('SELECT max(edit) FROM change_history').pluck().get() as number | null) ?? 0) + 1
      for (const ch of CHANNELS) {
        if (c[ch.column] !== 1) continue
        db.prepare(`UPDATE customers SET ${ch.column} = 0, updated_at = ? WHERE id = ?`).run(r.at, r.customerId)
        db.prepare("INSERT INTO change_history (customer_id, at, field, old_value, new_value, staff, edit) VALUES (?, ?, ?, '1', '0', ?, ?)").run(
          r.customerId,
          r.at,
          ch.field,
          r.staff,
          edit
        )
        revoked.push(ch.channel)
      }
    }
    return { id: Number(info.lastInsertRowid), at: r.at, revoked }
  })()
}

/**
 * Take back a 不再联系: the channels it withdrew are allowed again (the others stay as they
 * were), its contact-log line goes, so the call is back on the list. NOT_FOUND when that line is
 * not an opt-out or was undone already; CONFLICT when the consents were changed since.
 */
export function undoOptOut(db: Db, contactId: number, ctx: { at: string; staff: string | null }): { customerId: number; restored: ConsentChannel[] } {
  return db.transaction(() => {
    const row = db.prepare("SELECT customer_id, at FROM contact_log WHERE id = ? AND kind = 'call' AND outcome = 'opted_out'").get(contactId) as
      { customer_id: number; at: string } | undefined
    if (!row) throw refuse('optOutNotFound', { id: contactId })
    // the edit the opt-out wrote: same customer, same moment, consent fields, not undone
    const changes = db
      .prepare(
        `SELECT id, field FROM change_history WHERE customer_id = ? AND at = ? AND undone_at IS NULL
         AND field IN ('consentPhone', 'consentSms', 'consentWechat', 'consentMail') AND old_value = '1' AND new_value = '0' ORDER BY id`
      )
      .all(row.customer_id, row.at) as { id: number; field: string }[]
    const restored: ConsentChannel[] = []
    for (const ch of changes) {
      const channel = CHANNELS.find((x) => x.field === ch.field)!
      const now = db.prepare(`SELECT ${channel.column} FROM customers WHERE id = ?`).pluck().get(row.customer_id) as number
      if (now !== 0) throw refuse('consentsChangedSince')
      db.prepare(`UPDATE customers SET ${channel.column} = 1, updated_at = ? WHERE id = ?`).run(ctx.at, row.customer_id)
      db.prepare('UPDATE change_history SET undone_at = ? WHERE id = ?').run(ctx.at, ch.id)
      restored.push(channel.channel)
    }
    outsideKeptReads(db, () => db.prepare('DELETE FROM contact_log WHERE id = ?').run(contactId))
    return { customerId: row.customer_id, restored }
  })()
}

/**
 * Take back an outcome other than 不再联系 (which has its own undo, for the consents): its
 * contact-log line goes, so the call is back on the list. NOT_FOUND when there is no such line.
 */
export function undoOutcome(db: Db, contactId: number): { customerId: number; outcome: CallOutcome } {
  return db.transaction(() => {
    const row = db.prepare("SELECT customer_id, outcome FROM contact_log WHERE id = ? AND kind = 'call' AND outcome != 'opted_out'").get(contactId) as
      { customer_id: number; outcome: CallOutcome } | undefined
    if (!row) throw refuse('callOutcomeNotFound', { id: contactId })
    outsideKeptReads(db, () => db.prepare('DELETE FROM contact_log WHERE id = ?').run(contactId))
    return { customerId: row.customer_id, outcome: row.outcome }
  })()
}
