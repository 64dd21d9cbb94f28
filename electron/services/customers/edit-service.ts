/**
 * Editing a customer's profile. Each field knows how to read itself as text and write text
 * back, so the change history (when, field, old, new) is uniform and undo is simply writing
 * the old text again. Fields saved together share an edit number; undo takes back one save.
 */
import type { Db } from '../../db/driver'
import { mobileLengthSlip, normalizePhone } from '../../../shared/domain/phone'
import { storeCustomerAddress } from './customer-address'
import type { ChildInput, CustomerPatch } from '../../../shared/schemas/customers'
import { customerRecord } from './detail-service'
import { refuse } from '../../../shared/errors/refuse'

interface Field {
  read(db: Db, id: number): string | null
  write(db: Db, id: number, value: string | null): void
}

function column(name: string): Field {
  return {
    read: (db, id) => {
      const v = db.prepare(`SELECT ${name} FROM customers WHERE id = ?`).pluck().get(id) as string | number | null
      return v === null ? null : String(v)
    },
    write: (db, id, value) => db.prepare(`UPDATE customers SET ${name} = ? WHERE id = ?`).run(value, id)
  }
}

function flag(name: string): Field {
  const base = column(name)
  return { read: base.read, write: (db, id, value) => db.prepare(`UPDATE customers SET ${name} = ? WHERE id = ?`).run(value === '1' ? 1 : 0, id) }
}

function integer(name: string): Field {
  const base = column(name)
  return {
    read: base.read,
    write: (db, id, value) => db.prepare(`UPDATE customers SET ${name} = ? WHERE id = ?`).run(value === null ? null : Math.trunc(Number(value)), id)
  }
}

/** The first identity of a kind: replaced in place, added, or removed. */
function primaryIdentity(kind: 'phone' | 'card'): Field {
  return {
    read: (db, id) =>
      (db.prepare('SELECT value FROM customer_identities WHERE customer_id = ? AND kind = ? ORDER BY id LIMIT 1').pluck().get(id, kind) as
        string | undefined) ?? null,
    write: (db, id, value) => {
      const current = db.prepare('SELECT id FROM customer_identities WHERE customer_id = ? AND kind = ? ORDER BY id LIMIT 1').pluck().get(id, kind) as
        number | undefined
      if (value === null) {
        if (current !== undefined) db.prepare('DELETE FROM customer_identities WHERE id = ?').run(current)
        return
      }
      const owner = db.prepare('SELECT customer_id FROM customer_identities WHERE kind = ? AND value = ?').pluck().get(kind, value) as number | undefined
      if (owner !== undefined && owner !== id) {
        throw refuse(kind === 'phone' ? 'phoneTaken' : 'memberCardTaken', { value, owner })
      }
      if (owner === id) return
      if (current !== undefined) db.prepare('UPDATE customer_identities SET value = ? WHERE id = ?').run(value, current)
      else db.prepare('INSERT INTO customer_identities (customer_id, kind, value) VALUES (?, ?, ?)').run(id, kind, value)
    }
  }
}

type Child = { name: string | null; birthday: string | null; gender: 'f' | 'm' | null }

/** Children in one order, so the history compares lists, not the order they were typed in. */
function childrenText(children: Child[]): string {
  const key = (c: Child) => `${c.birthday ?? ''}\u0000${c.name ?? ''}\u0000${c.gender ?? ''}`
  return JSON.stringify(
    [...children].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0)).map((c) => ({ name: c.name, birthday: c.birthday, gender: c.gender }))
  )
}

/**
 * The children as a list: a child that stays as it was keeps its row (and the member list
 * that brought it, for that list's undo); the others are removed and the new ones added.
 */
const childrenField: Field = {
  read: (db, id) => childrenText(db.prepare('SELECT name, birthday, gender FROM customer_children WHERE customer_id = ?').all(id) as Child[]),
  write: (db, id, value) => {
    const wanted = JSON.parse(value ?? '[]') as Child[]
    const rows = db.prepare('SELECT id, name, birthday, gender FROM customer_children WHERE customer_id = ? ORDER BY id').all(id) as (Child & { id: number })[]
    const same = (a: Child, b: Child) => a.name === b.name && a.birthday === b.birthday && a.gender === b.gender
    const kept = new Set<number>()
    const toAdd: Child[] = []
    for (const w of wanted) {
      const row = rows.find((r) => !kept.has(r.id) && same(r, w))
      if (row) kept.add(row.id)
      else toAdd.push(w)
    }
    // added before the old rows go, so a new row never takes a removed row's id (SQLite reuses the
    // highest rowid), which a member list's undo would then remove as its own child
    const add = db.prepare('INSERT INTO customer_children (customer_id, name, birthday, gender) VALUES (?, ?, ?, ?)')
    for (const c of toAdd) add.run(id, c.name, c.birthday, c.gender)
    const remove = db.prepare('DELETE FROM customer_children WHERE id = ?')
    for (const r of rows) if (!kept.has(r.id)) remove.run(r.id)
  }
}

const fields: Record<keyof CustomerPatch, Field> = {
  name: column('name'),
  gender: column('gender'),
  birthday: column('birthday'),
  birthdayLunar: flag('birthday_lunar'),
  ageBand: column('age_band'),
  address: {
    read: column('address').read,
    write: (db, id, value) => storeCustomerAddress(db, id, value)
  },
  notes: column('notes'),
  phone: primaryIdentity('phone'),
  memberCard: primaryIdentity('card'),
  tags: {
    read: (db, id) => JSON.stringify(db.prepare('SELECT tag FROM customer_tags WHERE customer_id = ? ORDER BY tag').pluck().all(id)),
    write: (db, id, value) => {
      db.prepare('DELETE FROM customer_tags WHERE customer_id = ?').run(id)
      const insert = db.prepare('INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?, ?)')
      for (const tag of JSON.parse(value ?? '[]') as string[]) insert.run(id, tag)
    }
  },
  referredBy: column('referred_by'),
  targeted: flag('targeted'),
  consentPhone: flag('consent_phone'),
  consentSms: flag('consent_sms'),
  consentWechat: flag('consent_wechat'),
  consentMail: flag('consent_mail'),
  // member-list fields: a staff edit here wins over the next member list (counted as a conflict there)
  memberSince: column('member_since'),
  posTier: column('pos_tier'),
  pointsBalance: integer('points_balance'),
  storedValueFen: integer('stored_value_fen'),
  children: childrenField
}

/** A patch value as the text the history keeps; checks what zod cannot (phone, referrer). */
function asText(db: Db, id: number, key: keyof CustomerPatch, value: unknown): string | null {
  if (value === null) return null
  switch (key) {
    case 'phone': {
      const phone = normalizePhone(String(value))
      if (!phone) throw refuse('phoneInvalid', { value: String(value) })
      const digits = mobileLengthSlip(phone)
      if (digits !== null) throw refuse('mobileDigitsWrong', { digits, phone })
      return phone
    }
    case 'children':
      return childrenText(
        (value as ChildInput[]).map((c) => ({ name: c.name === null ? null : c.name.normalize('NFKC').trim() || null, birthday: c.birthday, gender: c.gender }))
      )
    case 'tags':
      return JSON.stringify([...new Set((value as string[]).map((t) => t.normalize('NFKC').trim()))].sort())
    case 'referredBy': {
      const ref = Number(value)
      if (ref === id) throw refuse('selfReferral')
      customerRecord(db, ref)
      return String(ref)
    }
    case 'name':
    case 'address':
    case 'memberCard':
      return String(value).normalize('NFKC').trim() || null
    default:
      return typeof value === 'boolean' ? (value ? '1' : '0') : String(value)
  }
}

export interface EditContext {
  at: string
  staff: string
}

/** Apply a patch; every field whose value changes gets a change_history line. Answers how many. */
export function updateCustomer(db: Db, id: number, patch: CustomerPatch, ctx: EditContext): number {
  const c = customerRecord(db, id)
  if (c.erased_at) throw refuse('customerErased', { id })
  if (c.merged_into) throw refuse('customerMerged', { id, into: c.merged_into })
  let changed = 0
  db.transaction(() => {
    const edit = ((db.prepare('SELECT max(edit) FROM change_history').pluck().get() as number | null) ?? 0) + 1
    const log = db.prepare('INSERT INTO change_history (customer_id, at, field, old_value, new_value, staff, edit) VALUES (?, ?, ?, ?, ?, ?, ?)')
    for (const key of Object.keys(patch) as (keyof CustomerPatch)[]) {
      const field = fields[key]
      const next = asText(db, id, key, patch[key])
      const old = field.read(db, id)
      if (old === next) continue
      field.write(db, id, next)
      log.run(id, ctx.at, key, old, next, ctx.staff || null, edit)
      changed++
    }
    if (changed > 0) db.prepare('UPDATE customers SET updated_at = ? WHERE id = ?').run(ctx.at, id)
  })()
  return changed
}

/** Take back the newest save not yet undone (all its fields); NOT_FOUND when nothing is left. */
export function undoLastChange(db: Db, id: number, ctx: EditContext): number {
  customerRecord(db, id)
  let undone = 0
  db.transaction(() => {
    const edit = db.prepare('SELECT edit FROM change_history WHERE customer_id = ? AND undone_at IS NULL ORDER BY id DESC LIMIT 1').pluck().get(id) as
      number | undefined
    if (edit === undefined) throw refuse('nothingToUndo')
    const rows = db
      .prepare('SELECT id, field, old_value AS old FROM change_history WHERE customer_id = ? AND edit = ? AND undone_at IS NULL ORDER BY id DESC')
      .all(id, edit) as { id: number; field: keyof CustomerPatch; old: string | null }[]
    for (const r of rows) {
      fields[r.field].write(db, id, r.old)
      db.prepare('UPDATE change_history SET undone_at = ? WHERE id = ?').run(ctx.at, r.id)
      undone++
    }
  })()
  return undone
}
