/**
 * keptUntilWrite on its own: a read's answer kept per connection and name, served again while
 * nothing is written, and computed again after a write through the same connection, after a
 * commit by another connection on the same file, or when its arguments change. The shop is the
 * journey's export files through the importer; the kept read counts its customers.
 */
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../electron/db/driver'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { keptUntilWrite } from '../../../electron/services/app/data-version'
import { recordOutcome, undoOutcome } from '../../../electron/services/reminders/record-outcome'
import { recordAudit } from '../../../electron/services/audit/audit-log'
import { addContact } from '../../../electron/services/customers/contact-service'
import { copyOfJourneyShop, journeyPeople } from '../../helpers/imported-shops'

/** A kept count of customers named like `like`, with how many times it was really read. */
function keptCount(db: Db, name = 'count') {
  let reads = 0
  const read = (like: string) =>
    keptUntilWrite(db, [name, like], () => {
      reads++
      return { n: db.prepare('SELECT count(*) FROM customers WHERE name LIKE ?').pluck().get(like) as number }
    })
  return { read, reads: () => reads }
}

describe('keptUntilWrite', () => {
  it('keeps the answer while nothing is written, whatever else is read meanwhile', async () => {
    const db = openNodeDatabase(await copyOfJourneyShop())
    const k = keptCount(db)
    const first = k.read('%')
    expect(first).toEqual({ n: journeyPeople() })
    db.prepare('SELECT count(*) FROM orders').pluck().get()
    expect(k.read('%')).toBe(first)
    // another name is kept beside it, not in its place
    const other = keptCount(db, 'other')
    other.read('%')
    expect(k.read('%')).toBe(first)
    expect([k.reads(), other.reads()]).toEqual([1, 1])
    db.close()
  })

  it('computes again after a write through the same connection', async () => {
    const db = openNodeDatabase(await copyOfJourneyShop())
    const k = keptCount(db)
    const before = k.read('x%')
    expect(before).toEqual({ n: 0 })
    expect(k.read('x%')).toBe(before)
    db.prepare("UPDATE customers SET name = 'x' || name WHERE id = (SELECT min(id) FROM customers)").run()
    const after = k.read('x%')
    expect(after).toEqual({ n: 1 })
    expect(k.read('x%')).toBe(after)
    expect(k.reads()).toBe(2)
    db.close()
  })

  it('computes again after a commit by another connection on the same file, and keeps once it has', async () => {
    const file = await copyOfJourneyShop()
    const db = openNodeDatabase(file)
    const k = keptCount(db)
    expect(k.read('y%')).toEqual({ n: 0 })
    const other = openNodeDatabase(file)
    other.prepare("UPDATE customers SET name = 'y' || name WHERE id = (SELECT min(id) FROM customers)").run()
    other.close()
    const fresh = k.read('y%')
    expect(fresh).toEqual({ n: 1 })
    expect(k.read('y%')).toBe(fresh)
    expect(k.reads()).toBe(2)
    db.close()
  })

  it('keeps one answer per name: other arguments compute again, and so does going back', async () => {
    const db = openNodeDatabase(await copyOfJourneyShop())
    const k = keptCount(db)
    const all = k.read('%')
    k.read('%a%')
    expect(k.read('%')).not.toBe(all)
    expect(k.read('%')).toEqual(all)
    expect(k.reads()).toBe(3)
    db.close()
  })

  it('keeps the answer over a contact noted on a customer file', async () => {
    const db = openNodeDatabase(await copyOfJourneyShop())
    const k = keptCount(db)
    const first = k.read('%')
    const customerId = db.prepare('SELECT min(id) FROM customers').pluck().get() as number
    const entry = addContact(db, customerId, { kind: 'visit', note: '到店试吃' }, '2026-11-23T10:00:00', '')
    expect(db.prepare('SELECT note FROM contact_log WHERE id = ?').pluck().get(entry.id)).toBe('到店试吃')
    expect(k.read('%')).toBe(first)
    expect(k.reads()).toBe(1)
    db.close()
  })

  it('keeps the answer over a call outcome, its undo and their audit lines, and computes again after an order is written', async () => {
    const db = openNodeDatabase(await copyOfJourneyShop())
    const k = keptCount(db)
    const first = k.read('%')
    const customerId = db.prepare('SELECT min(id) FROM customers').pluck().get() as number
    const call = recordOutcome(db, { customerId, key: 'replenish:1', outcome: 'reached', at: '2026-11-23T10:00:00', staff: null })
    recordAudit(db, '2026-11-23T10:00:00', 'call', `customer ${customerId}`, '')
    undoOutcome(db, call.id)
    expect(k.read('%')).toBe(first)
    expect(k.reads()).toBe(1)
    // the shop's sales are not outside: the next read is computed again
    db.prepare('UPDATE orders SET total_fen = total_fen + 1 WHERE id = (SELECT min(id) FROM orders)').run()
    expect(k.read('%')).not.toBe(first)
    expect(k.read('%')).toEqual(first)
    expect(k.reads()).toBe(2)
    db.close()
  })
})
