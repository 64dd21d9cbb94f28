/**
 * Keeps the customer search index in step with the files. Triggers (001-initial-schema)
 * mark a customer dirty whenever a name, identity, address, note or tag changes; this
 * rebuilds the index rows of dirty customers in one set-based pass. The ledger calls it at
 * the end of every batch; customers.list calls it before searching, so any other writer is
 * covered too.
 */
import type { Db } from '../../db/driver'
import { SEP, lettersGrams } from './search-text'

const BODY_SQL = `char(31) || concat_ws(char(31),
  (SELECT group_concat(name, char(31)) FROM customer_names n WHERE n.customer_id = c.id),
  CASE WHEN c.name IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customer_names n WHERE n.customer_id = c.id AND n.name = c.name) THEN c.name END,
  (SELECT group_concat(value, char(31)) FROM customer_identities i WHERE i.customer_id = c.id),
  (SELECT group_concat(address, char(31)) FROM customer_addresses a WHERE a.customer_id = c.id),
  CASE WHEN c.address IS NOT NULL AND NOT EXISTS (SELECT 1 FROM customer_addresses a WHERE a.customer_id = c.id AND a.address = c.address) THEN c.address END,
  c.notes,
  (SELECT group_concat(tag, char(31)) FROM customer_tags t WHERE t.customer_id = c.id))`

const NAMES_SQL = `concat_ws(' ', c.name, (SELECT group_concat(name, ' ') FROM customer_names n WHERE n.customer_id = c.id))`
const OTHER_SQL = `concat_ws(' ', c.address, c.notes,
  (SELECT group_concat(address, ' ') FROM customer_addresses a WHERE a.customer_id = c.id),
  (SELECT group_concat(tag, ' ') FROM customer_tags t WHERE t.customer_id = c.id))`

/** Whether any customer waits to be re-indexed (cheap: one index probe). */
export function searchIndexDirty(db: Db): boolean {
  return db.prepare('SELECT EXISTS (SELECT 1 FROM customer_search_dirty)').pluck().get() === 1
}

/**
 * Re-index every dirty customer (or, with `all`, every customer): erased and merged
 * customers leave the index. Answers how many customers were re-indexed.
 */
export function refreshCustomerSearch(db: Db, options: { all?: boolean } = {}): number {
  // like normalizeSearch, but keeps the U+001F field separators (normalizeSearch drops control characters)
  db.function('evergreen_norm', { deterministic: true }, (text: unknown) =>
    text == null ? null : String(text).normalize('NFKC').toLowerCase().replace(/\s+/g, '')
  )
  db.function('evergreen_grams', { deterministic: true }, (names: unknown, other: unknown) => lettersGrams(String(names ?? ''), String(other ?? '')))
  let count = 0
  db.transaction(() => {
    if (options.all) {
      db.exec('DELETE FROM customer_search; DELETE FROM customer_grams; DELETE FROM customer_search_dirty;')
      db.exec('INSERT INTO customer_search_dirty (customer_id) SELECT id FROM customers')
    }
    count = db.prepare('SELECT count(*) FROM customer_search_dirty').pluck().get() as number
    if (count === 0) return
    db.exec(`
      DELETE FROM customer_search WHERE rowid IN (SELECT customer_id FROM customer_search_dirty);
      DELETE FROM customer_grams WHERE rowid IN (SELECT customer_id FROM customer_search_dirty);
      INSERT INTO customer_search (rowid, body)
        SELECT c.id, evergreen_norm(${BODY_SQL}) FROM customer_search_dirty d JOIN customers c ON c.id = d.customer_id
        WHERE c.erased_at IS NULL AND c.merged_into IS NULL;
      INSERT INTO customer_grams (rowid, grams)
        SELECT c.id, evergreen_grams(${NAMES_SQL}, ${OTHER_SQL}) FROM customer_search_dirty d JOIN customers c ON c.id = d.customer_id
        WHERE c.erased_at IS NULL AND c.merged_into IS NULL;
      DELETE FROM customer_search_dirty;`)
  })()
  return count
}

/** The indexed body of one customer (tests and diagnostics). */
export function indexedBody(db: Db, customerId: number): string | undefined {
  const body = db.prepare('SELECT body FROM customer_search WHERE rowid = ?').pluck().get(customerId) as string | undefined
  return body?.split(SEP).join('|')
}
