/**
 * How the shop knows a customer: member card if any, else phone, else buyer id, else external
 * id (the lowest-numbered identity of that kind), and their name.
 */
import type { Db } from '../../db/driver'

export interface CustomerRef {
  ref: string
  name: string
}

/** Ref and name for each id; an id without identities answers '#id'. */
export function customerRefs(db: Db, customerIds: number[]): Map<number, CustomerRef> {
  const rows = db
    .prepare(
      `SELECT c.id, coalesce(c.name, '') AS name,
              (SELECT i.value FROM customer_identities i WHERE i.customer_id = c.id
               ORDER BY CASE i.kind WHEN 'card' THEN 0 WHEN 'phone' THEN 1 WHEN 'buyer' THEN 2 ELSE 3 END, i.id LIMIT 1) AS ref
       FROM customers c WHERE c.id IN (SELECT value FROM json_each(?))`
    )
    .all(JSON.stringify(customerIds)) as { id: number; name: string; ref: string | null }[]
  return new Map(rows.map((r) => [r.id, { ref: r.ref ?? `#${r.id}`, name: r.name }]))
}
