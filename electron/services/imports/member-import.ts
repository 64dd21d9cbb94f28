/**
 * A member list (会员资料) imported as one batch: each row resolves to a customer through the
 * same identities as sales (card, phone, buyer id, external id), so member lists and sales land
 * on the same people in either order. A member list never changes sales. A filled cell updates
 * its field, an empty one erases nothing; a field staff edited after its last import keeps the
 * staff's value and is listed as a conflict. Every change is logged for undo (master-log.ts).
 */
import type { Db } from '../../db/driver'
import type { FieldConflict, ImportResult, RowError } from '../../../shared/schemas/imports'
import { isIsoDate } from '../../../shared/domain/dates'
import { CustomerPatch } from '../../../shared/schemas/customers'
import { LedgerWriter } from '../ledger/ledger-writer'
import type { IdentityKind } from '../ledger/identities'
import { isBlankRow, isTotalsRow } from './layout'
import { scanBody, type Layout } from './layout-analysis'
import { nfkc, rowIdentities } from './identity-values'
import { phoneConcernReason } from './phone-concern'
import { MasterLog, type FieldOutcome } from './master-log'
import { parseMoneyFen, parseNumber } from './money-parse'
import { parseAgeBand, parseBirthdayCell, parseConsent, parseGender, parsePlainDate, parseTags, splitChildren, type Birthday } from './member-values'
import { memberAddressWriter } from './member-address'
import { linkPendingReferrers, referrerFinder, referrerRefs, type ReferrerRef } from './referrers'
import { RowReader } from './row-reader'
import type { ImportField } from './fields'
import type { TableSource } from './table-source'
import type { ImportHooks, ImportRequest } from './import-pipeline'
import { masterResult, MAX_LISTED, PROGRESS_EVERY, recordBatch, rejectRow, storeBatchFigures } from './master-batch'
import { refuse } from '../../../shared/errors/refuse'

/** One member row read, before anything is written. */
export interface MemberRow {
  identities: { kind: IdentityKind; value: string }[]
  name: string | null
  gender: 'f' | 'm' | null
  birthday: Birthday | null
  ageBand: string | null
  memberSince: string | null
  posTier: string | null
  points: number | null
  storedValueFen: number | null
  referrer: { raw: string; refs: ReferrerRef[] } | null
  tags: string[]
  notes: string | null
  address: string | null
  children: { name: string | null; birthday: string | null; gender: 'f' | 'm' | null }[]
  consentSms: boolean | null
  consentMail: boolean | null
}

/**
 * The customer edit that takes a file value staff's edit kept out, for the result page's
 * 采用文件的值; null for what the edit form cannot set as it stands (a year-less birthday, the
 * date the figures are as of).
 */
export function takePatch(field: string, value: string | number, row: MemberRow): CustomerPatch | null {
  const patch = patchFor(field, value, row)
  // what the edit channel would refuse (a tier longer than it takes) is not offered
  return patch && CustomerPatch.safeParse(patch).success ? patch : null
}

function patchFor(field: string, value: string | number, row: MemberRow): CustomerPatch | null {
  switch (field) {
    case 'name':
    case 'ageBand':
    case 'posTier':
    case 'notes':
    case 'address':
      return { [field]: String(value) }
    case 'gender':
      return value === 'f' || value === 'm' ? { gender: value } : null
    case 'memberSince':
      return isIsoDate(String(value)) ? { memberSince: String(value) } : null
    case 'birthday':
      return isIsoDate(String(value)) ? { birthday: String(value), birthdayLunar: row.birthday?.lunar ?? false } : null
    case 'birthdayLunar':
      return { birthdayLunar: value === 1 }
    case 'pointsBalance':
    case 'storedValueFen':
      return { [field]: Number(value) }
    case 'consentSms':
    case 'consentMail':
      return { [field]: value === 1 }
    default:
      return null
  }
}

type Read = { ok: true; row: MemberRow } | { ok: false; field: ImportField; value: string; reason: string }

const HAN = /\p{Script=Han}/u

export class MemberReader {
  private readonly cells: RowReader
  constructor(
    private readonly layout: Layout,
    private readonly asOf: string,
    private readonly dayOrder: 'dmy' | 'mdy'
  ) {
    this.cells = new RowReader(layout.columns, layout.headers, dayOrder)
  }

  header(field: ImportField): string {
    const i = this.layout.columns[field]
    return i === undefined ? field : (this.layout.headers[i] ?? field)
  }

  private raw(cells: string[], field: ImportField): string {
    return this.cells.cell(cells, field)
  }

  private text(cells: string[], field: ImportField): string | null {
    const t = nfkc(this.raw(cells, field)).trim().replace(/\s+/g, ' ')
    return t === '' ? null : t
  }

  read(cells: string[]): Read {
    const fail = (field: ImportField, value: string, reason: string): Read => ({ ok: false, field, value, reason })
    const raw: Partial<Record<IdentityKind, string>> = {}
    if (this.layout.columns.card !== undefined) raw.card = this.raw(cells, 'card')
    if (this.layout.columns.phone !== undefined) raw.phone = this.raw(cells, 'phone')
    if (this.layout.columns.buyerId !== undefined) raw.buyer = this.raw(cells, 'buyerId')
    if (this.layout.columns.externalId !== undefined) raw.external = this.raw(cells, 'externalId')
    const ids = rowIdentities(raw)
    if (ids.identities.length === 0) {
      const p = ids.problems[0]
      if (p) return fail(p.kind === 'buyer' ? 'buyerId' : p.kind === 'external' ? 'externalId' : p.kind, p.value, p.reason)
      const field: ImportField = this.layout.columns.card !== undefined ? 'card' : this.layout.columns.phone !== undefined ? 'phone' : 'externalId'
      return fail(field, '', '没有卡号、手机号或顾客编号，无法对应到顾客 (no card, phone or customer id)')
    }

    const first = this.text(cells, 'firstName')
    const last = this.text(cells, 'lastName')
    let name = this.text(cells, 'name')
    if (!name && (first || last)) name = HAN.test(`${last ?? ''}${first ?? ''}`) ? `${last ?? ''}${first ?? ''}` : [first, last].filter(Boolean).join(' ')

    const birthdayRaw = this.raw(cells, 'birthday')
    const b = parseBirthdayCell(birthdayRaw, this.raw(cells, 'birthdayCalendar'), this.asOf, this.dayOrder)
    if (b && !b.ok) return fail('birthday', birthdayRaw, b.reason)

    const band = parseAgeBand(this.raw(cells, 'age'), this.raw(cells, 'ageBand'))
    if (band && !band.ok) return fail('age', this.raw(cells, 'age'), band.reason)

    const sinceRaw = this.raw(cells, 'memberSince')
    const since = parsePlainDate(sinceRaw, this.asOf, this.dayOrder)
    if (since && !since.ok) return fail('memberSince', sinceRaw, since.reason)

    const pointsRaw = this.raw(cells, 'points')
    let points: number | null = null
    if (pointsRaw.trim() !== '') {
      const n = parseNumber(pointsRaw)
      if (n === null || Math.abs(n) > 1e12) return fail('points', pointsRaw, '无法识别的积分 (unreadable points)')
      points = Math.round(n)
    }
    const storedRaw = this.raw(cells, 'storedValue')
    let storedValueFen: number | null = null
    if (storedRaw.trim() !== '') {
      storedValueFen = parseMoneyFen(storedRaw)
      if (storedValueFen === null || Math.abs(storedValueFen) > 99_999_999_999)
        return fail('storedValue', storedRaw, '无法识别的储值余额 (unreadable stored value)')
    }

    const children: MemberRow['children'] = []
    for (const child of splitChildren(this.raw(cells, 'childName'), this.raw(cells, 'childBirthday'), this.raw(cells, 'childGender'))) {
      let birthday: string | null = null
      if (child.birthday !== '') {
        const cb = parseBirthdayCell(child.birthday, '公历', this.asOf, this.dayOrder)
        if (cb && !cb.ok) return fail('childBirthday', child.birthday, cb.reason)
        if (cb && cb.value.date.length !== 10) return fail('childBirthday', child.birthday, '宝宝生日需要年份 (a child birthday needs its year)')
        birthday = cb ? cb.value.date : null
      }
      children.push({ name: child.name, birthday, gender: parseGender(child.gender) })
    }

    const referrerRaw = this.raw(cells, 'referrer').trim()
    const refs = referrerRaw === '' ? [] : referrerRefs(referrerRaw)
    const notes = this.text(cells, 'notes') ?? this.text(cells, 'remark')
    return {
      ok: true,
      row: {
        identities: ids.identities,
        name: name ? name.slice(0, 40) : null,
        gender: parseGender(this.raw(cells, 'gender')),
        birthday: b ? b.value : null,
        ageBand: band ? band.value : null,
        memberSince: since ? since.value : null,
        posTier: this.text(cells, 'posTier'),
        points,
        storedValueFen,
        referrer: refs.length ? { raw: referrerRaw, refs } : null,
        tags: parseTags(this.raw(cells, 'tags')),
        notes: notes ? notes.slice(0, 2000) : null,
        address: this.text(cells, 'address')?.slice(0, 200) ?? null,
        children,
        consentSms: parseConsent(this.raw(cells, 'consentSms')),
        consentMail: parseConsent(this.raw(cells, 'consentEmail'))
      }
    }
  }
}

/** Import a member list as one batch. */
export function commitMembers(db: Db, table: TableSource, layout: Layout, request: ImportRequest, hooks: ImportHooks = {}): ImportResult {
  const { options } = request
  const asOf = request.importedAt.slice(0, 10)
  const checkCancel = () => {
    if (hooks.shouldCancel?.()) throw refuse('importCancelled')
  }
  let scanned = 0
  const scan = scanBody(table, layout, options, () => {
    if (++scanned % PROGRESS_EVERY === 0) {
      checkCancel()
      hooks.progress?.('scanning', scanned, 0)
    }
  })
  const reader = new MemberReader(layout, asOf, scan.dayOrder)
  const total = scan.rowsRead

  return db.transaction((): ImportResult => {
    const batchId = recordBatch(db, table, layout, request, scan, 'members')
    const ledger = new LedgerWriter(db, batchId)
    const log = new MasterLog(db, batchId, request.importedAt)
    const counts = { rejected: 0, created: 0, updated: 0, unchanged: 0, conflicts: 0, solar: 0, lunar: 0, children: 0, linked: 0, pending: 0, imported: 0 }
    const errors: RowError[] = []
    const notices: RowError[] = []
    const conflicts: FieldConflict[] = []
    const createdHere = new Set<number>()
    const changedHere = new Set<number>()
    const seenHere = new Map<number, { name: string | null }>()
    const referrals: { row: number; customerId: number; raw: string; refs: ReferrerRef[] }[] = []
    const insertConflict = db.prepare(
      'INSERT INTO batch_field_conflicts (batch_id, row_number, customer_id, field, file_value, kept_value, reason) VALUES (?, ?, ?, ?, ?, ?, ?)'
    )
    const conflict = (c: FieldConflict) => {
      counts.conflicts++
      if (conflicts.length < MAX_LISTED) conflicts.push(c)
      insertConflict.run(batchId, c.row, c.customerId, c.field, c.fileValue, c.keptValue, c.reason)
    }
    const addName = db.prepare('INSERT OR IGNORE INTO customer_names (customer_id, name, last_seen) VALUES (?, ?, ?)')
    const findChild = db.prepare(
      'SELECT id, birthday, gender FROM customer_children WHERE customer_id = ? AND (name = ? OR (name IS NULL AND ? IS NULL AND birthday = ?))'
    )
    const addChild = db.prepare('INSERT INTO customer_children (customer_id, name, birthday, gender, batch_id) VALUES (?, ?, ?, ?, ?)')
    const addTag = db.prepare('INSERT OR IGNORE INTO customer_tags (customer_id, tag) VALUES (?, ?)')
    const addresses = memberAddressWriter(db, log, request.importedAt)
    let done = 0

    table.eachRow((cells, index) => {
      if (index <= layout.headerIndex || isBlankRow(cells)) return
      if (options.skipTotals !== false && isTotalsRow(cells)) return
      if (++done % PROGRESS_EVERY === 0) {
        checkCancel()
        hooks.progress?.('writing', done, total)
      }
      const rowNumber = index + 1
      const read = reader.read(cells)
      if (!read.ok) {
        counts.rejected++
        rejectRow(db, batchId, errors, { row: rowNumber, column: reader.header(read.field), value: read.value, reason: read.reason }, cells)
        return
      }
      const m = read.row
      // a phone that is not a mainland mobile or landline is kept (the row is fine) but said
      const phone = m.identities.find((i) => i.kind === 'phone')
      const concern = phone ? phoneConcernReason(phone.value) : null
      if (concern && notices.length < MAX_LISTED) notices.push({ row: rowNumber, column: reader.header('phone'), value: phone!.value, reason: concern })
      const outcome = ledger.resolveCustomer(m.identities, { seenAt: request.importedAt }, { noteFacts: false })
      const id = outcome.customerId
      if (outcome.created) {
        createdHere.add(id)
        counts.created++
      }
      counts.imported++
      let changed = false
      const set = (field: string, value: string | number | null, column: ImportField): FieldOutcome | null => {
        if (value === null) return null
        const r = log.set('customer', id, field, value)
        if (r === 'changed') changed = true
        else if (r === 'staffWins')
          conflict({
            row: rowNumber,
            customerId: id,
            field: reader.header(column),
            fileValue: String(value),
            keptValue: log.read(id, field),
            reason: 'staffEdit',
            take: takePatch(field, value, m)
          })
        return r
      }
      // two names under one card in one file: the first stays, the second is listed, never a third person
      const before = seenHere.get(id)
      if (m.name !== null) {
        if (before && before.name !== null && before.name !== m.name) {
          conflict({
            row: rowNumber,
            customerId: id,
            field: reader.header(layout.columns.name !== undefined ? 'name' : 'lastName'),
            fileValue: m.name,
            keptValue: before.name,
            reason: 'sameCardOtherName',
            take: { name: m.name }
          })
        } else {
          set('name', m.name, 'name')
          if (addName.run(id, m.name, request.importedAt).changes === 1) log.note('customer', id, 'nameSeen', null, m.name)
        }
      }
      if (!before) seenHere.set(id, { name: m.name })
      else if (before.name === null) before.name = m.name
      set('gender', m.gender, 'gender')
      if (m.birthday) {
        if (m.birthday.lunar) counts.lunar++
        else counts.solar++
        // the calendar goes with the date, so a date staff kept keeps its calendar too
        if (set('birthday', m.birthday.date, 'birthday') !== 'staffWins') set('birthdayLunar', m.birthday.lunar ? 1 : 0, 'birthdayCalendar')
      }
      set('ageBand', m.ageBand, 'ageBand')
      set('memberSince', m.memberSince, 'memberSince')
      set('posTier', m.posTier, 'posTier')
      set('pointsBalance', m.points, 'points')
      set('storedValueFen', m.storedValueFen, 'storedValue')
      if (m.points !== null || m.storedValueFen !== null) set('memberAsOf', asOf, 'points')
      set('notes', m.notes, 'notes')
      if (m.consentSms !== null) set('consentSms', m.consentSms ? 1 : 0, 'consentSms')
      if (m.consentMail !== null) set('consentMail', m.consentMail ? 1 : 0, 'consentEmail')
      if (m.address !== null) {
        const current = addresses.current(id)
        if (current !== m.address && log.staffWins(id, 'address')) {
          conflict({
            row: rowNumber,
            customerId: id,
            field: reader.header('address'),
            fileValue: m.address,
            keptValue: current,
            reason: 'staffEdit',
            take: { address: m.address }
          })
        } else if (addresses.write(id, m.address)) changed = true
      }
      for (const tag of m.tags) {
        if (addTag.run(id, tag).changes === 1) {
          log.note('customer', id, 'tag', null, tag)
          changed = true
        }
      }
      for (const child of m.children) {
        const existing = findChild.get(id, child.name, child.name, child.birthday) as { id: number; birthday: string | null; gender: string | null } | undefined
        if (!existing) {
          const childId = Number(addChild.run(id, child.name, child.birthday, child.gender, batchId).lastInsertRowid)
          log.note('customer', id, 'child', null, String(childId))
          counts.children++
          changed = true
          continue
        }
        if (child.birthday && existing.birthday !== child.birthday) {
          db.prepare('UPDATE customer_children SET birthday = ? WHERE id = ?').run(child.birthday, existing.id)
          log.note('customer', id, `child.birthday#${existing.id}`, existing.birthday, child.birthday)
          changed = true
        }
        if (child.gender && existing.gender !== child.gender) {
          db.prepare('UPDATE customer_children SET gender = ? WHERE id = ?').run(child.gender, existing.id)
          log.note('customer', id, `child.gender#${existing.id}`, existing.gender, child.gender)
          changed = true
        }
      }
      if (m.referrer) referrals.push({ row: rowNumber, customerId: id, ...m.referrer })
      if (changed) changedHere.add(id)
    })

    checkCancel()
    hooks.progress?.('finishing', done, total)
    // referrers after every row is in: one named further down the file links all the same
    const findReferrer = referrerFinder(db)
    const pend = db.prepare('INSERT OR REPLACE INTO pending_referrers (customer_id, kind, value, batch_id) VALUES (?, ?, ?, ?)')
    for (const r of referrals) {
      const referrerId = findReferrer(r.refs)
      if (referrerId === r.customerId) {
        notices.push({
          row: r.row,
          column: reader.header('referrer'),
          value: r.raw,
          reason: '推荐人是会员本人，已忽略 (a member cannot refer itself: ignored)'
        })
        continue
      }
      if (referrerId === null) {
        const ref = r.refs[0]
        pend.run(r.customerId, ref.kind, ref.value, batchId)
        counts.pending++
        continue
      }
      const outcome = log.set('customer', r.customerId, 'referredBy', referrerId)
      if (outcome === 'staffWins') {
        conflict({
          row: r.row,
          customerId: r.customerId,
          field: reader.header('referrer'),
          fileValue: r.raw,
          keptValue: log.read(r.customerId, 'referredBy'),
          reason: 'staffEdit',
          take: { referredBy: referrerId }
        })
        continue
      }
      counts.linked++
      if (outcome === 'changed') changedHere.add(r.customerId)
      ledger.touch(referrerId)
    }
    // a card only a pending referrer waited for may have arrived with this file
    if (db.prepare('SELECT EXISTS (SELECT 1 FROM pending_referrers WHERE batch_id IS NOT ?)').pluck().get(batchId)) {
      const links = linkPendingReferrers(db, log, batchId, request.importedAt)
      counts.linked += links.linked
      for (const id of links.touched) ledger.touch(id)
    }
    for (const id of seenHere.keys()) {
      if (createdHere.has(id)) continue
      if (changedHere.has(id)) counts.updated++
      else counts.unchanged++
    }
    ledger.finish()
    const result = masterResult(request, table, layout, scan, batchId, 'members', {
      rowsImported: counts.imported,
      rowsRejected: counts.rejected,
      customersCreated: counts.created,
      customersMatched: seenHere.size - createdHere.size,
      customersUpdated: counts.updated,
      customersUnchanged: counts.unchanged,
      fieldConflicts: counts.conflicts,
      conflicts,
      birthdays: { solar: counts.solar, lunar: counts.lunar },
      children: counts.children,
      referrersLinked: counts.linked,
      referrersPending: counts.pending,
      notices,
      errors
    })
    storeBatchFigures(db, result)
    return result
  })()
}
