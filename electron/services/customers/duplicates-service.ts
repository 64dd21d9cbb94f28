/**
 * Likely duplicates: two files that are probably one person. The identity UNIQUE rule makes
 * "same phone, two customers" impossible, so the signs are softer: same name and address,
 * same name and the same last four phone digits, one customer's phone written in another's
 * notes, and one value used as a buyer id by one and a card or external id by another.
 */
import type { Db } from '../../db/driver'
import type { DuplicatePair } from '../../../shared/schemas/customers'

const LIVE = (a: string) => `${a}.erased_at IS NULL AND ${a}.merged_into IS NULL`

/** Up to `limit` suggested pairs, strongest signs first, each pair once. */
export function findDuplicates(db: Db, limit: number): DuplicatePair[] {
  const found = new Map<string, DuplicatePair>()
  const names = new Map<number, string | null>()
  const add = (a: number, b: number, reason: DuplicatePair['reason'], detail: string) => {
    const [x, y] = a < b ? [a, b] : [b, a]
    const key = `${x}:${y}`
    if (!found.has(key)) found.set(key, { aId: x, bId: y, aName: null, bName: null, reason, detail })
  }

  const buyerAcross = db
    .prepare(
      `SELECT a.customer_id AS a, b.customer_id AS b, a.value, b.kind FROM customer_identities a
       JOIN customer_identities b ON b.kind IN ('card', 'external') AND b.value = a.value AND b.customer_id <> a.customer_id
       JOIN customers ca ON ca.id = a.customer_id AND ${LIVE('ca')} JOIN customers cb ON cb.id = b.customer_id AND ${LIVE('cb')}
       WHERE a.kind = 'buyer' LIMIT ?`
    )
    .all(limit) as { a: number; b: number; value: string; kind: string }[]
  for (const r of buyerAcross)
    add(r.a, r.b, 'buyer_across_kinds', `买家号 ${r.value} 也是另一位的${r.kind === 'card' ? '会员卡号' : '外部编号'} (same value as buyer id and ${r.kind})`)

  const nameAddress = db
    .prepare(
      `SELECT c.name, c.address, group_concat(c.id) AS ids FROM customers c
       WHERE ${LIVE('c')} AND c.name IS NOT NULL AND c.address IS NOT NULL
       GROUP BY c.name, c.address HAVING count(*) > 1 LIMIT ?`
    )
    .all(limit) as { name: string; address: string; ids: string }[]
  for (const g of nameAddress) {
    const ids = g.ids.split(',').map(Number)
    for (const other of ids.slice(1)) add(ids[0], other, 'name_address', `同名同地址 (same name and address): ${g.name}`)
  }

  const tail = db
    .prepare(
      `SELECT c.name, substr(i.value, -4) AS tail, group_concat(DISTINCT c.id) AS ids FROM customers c
       JOIN customer_identities i ON i.customer_id = c.id AND i.kind = 'phone'
       WHERE ${LIVE('c')} AND c.name IS NOT NULL
       GROUP BY c.name, tail HAVING count(DISTINCT c.id) > 1 LIMIT ?`
    )
    .all(limit) as { name: string; tail: string; ids: string }[]
  for (const g of tail) {
    const ids = g.ids.split(',').map(Number)
    for (const other of ids.slice(1)) add(ids[0], other, 'name_phone_tail', `同名且手机尾号相同 (same name, phone ending ${g.tail}): ${g.name}`)
  }

  const owner = db
    .prepare(
      'SELECT i.customer_id FROM customer_identities i JOIN customers c ON c.id = i.customer_id AND ' + LIVE('c') + " WHERE i.kind = 'phone' AND i.value = ?"
    )
    .pluck()
  const noted = db.prepare(`SELECT c.id, c.notes FROM customers c WHERE ${LIVE('c')} AND c.notes GLOB '*1[3-9][0-9]*'`).all() as { id: number; notes: string }[]
  for (const n of noted) {
    for (const m of n.notes.normalize('NFKC').matchAll(/(?<!\d)1[3-9]\d[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g)) {
      const other = owner.get(m[0].replace(/[\s-]/g, '')) as number | undefined
      if (other !== undefined && other !== n.id) add(n.id, other, 'phone_in_notes', `备注里写着另一位的手机号 (notes mention the other's phone)`)
    }
  }

  const pairs = [...found.values()].slice(0, limit)
  const nameOf = db.prepare('SELECT name FROM customers WHERE id = ?').pluck()
  for (const p of pairs) {
    for (const id of [p.aId, p.bId]) if (!names.has(id)) names.set(id, (nameOf.get(id) as string | null) ?? null)
    p.aName = names.get(p.aId) ?? null
    p.bName = names.get(p.bId) ?? null
  }
  return pairs
}
