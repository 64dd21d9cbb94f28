/**
 * A customer named by any of their identities (member card, phone, buyer id, external id),
 * as staff type it on the command line or into a box: shared by every feature that accepts
 * a "REF". Merged customers resolve to the one they were merged into.
 */
import type { Db } from '../../db/driver'
import { normalizePhone } from '../../../shared/domain/phone'
import { identityKinds, type IdentityKind } from '../ledger/identities'

export interface RefMatch {
  customerId: number
  /** which identity matched */
  kind: IdentityKind
  value: string
}

/** Typed text made comparable: NFKC (full-width digits and letters), trimmed, no leading apostrophe. */
export function normalizeRef(ref: string): string {
  return ref.normalize('NFKC').trim().replace(/^'+/, '')
}

/**
 * The ways one id may be stored: a spreadsheet writes the number 17850 as `17850.0`, which the
 * import stores as 17850; an id typed either way finds it (and one stored with the `.0`).
 */
export function idVariants(text: string): string[] {
  if (/^\d+\.0+$/.test(text)) return [text, text.replace(/\.0+$/, '')]
  if (/^\d+$/.test(text)) return [text, `${text}.0`]
  return [text]
}

/**
 * The customer owning this identity, or null. Card first, then phone (normalised: spaces,
 * dashes, +86 are ignored), buyer id, external id; a merged customer answers its keeper.
 */
export function findCustomerByRef(db: Db, ref: string): RefMatch | null {
  const text = normalizeRef(ref)
  if (!text) return null
  const find = db.prepare('SELECT customer_id FROM customer_identities WHERE kind = ? AND value = ?').pluck()
  for (const kind of identityKinds) {
    const values = kind === 'phone' ? [normalizePhone(text.replace(/\.0+$/, ''))] : idVariants(text)
    for (const value of values) {
      if (!value) continue
      const id = find.get(kind, value) as number | undefined
      if (id !== undefined) return { customerId: followMerges(db, id), kind, value }
    }
  }
  return null
}

/** The live customer at the end of a chain of merges (a merge of a merge ends at the last keeper). */
export function followMerges(db: Db, customerId: number): number {
  const next = db.prepare('SELECT merged_into FROM customers WHERE id = ?').pluck()
  let id = customerId
  for (let hops = 0; hops < 50; hops++) {
    const into = next.get(id) as number | null | undefined
    if (into === null || into === undefined) return id
    id = into
  }
  return id
}
