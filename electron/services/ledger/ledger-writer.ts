/**
 * The one way sales enter the database, used by the importer and the demo shop alike:
 * batches, customers resolved through their identities, orders, lines with a content key
 * (the same line written twice is stored once), and the per-order and per-customer figures
 * refreshed at the end. Callers wrap a whole batch in one transaction.
 */
import type { Db } from '../../db/driver'
import type { Identity } from './identities'
import { identityPriority } from './identities'
import { refreshOrderTotals, refreshSummaries } from './summaries'
import { refreshCustomerSearch } from '../customers/search-index'
import { customerAddressWriter, type CustomerAddressWriter } from '../customers/customer-address'

export interface BatchHeader {
  fileName: string
  fileSize: number
  fileHash: string
  importedAt: string
  format: string
  encoding?: string | null
  delimiter?: string | null
  headerRow?: number | null
  mapping?: Record<string, string>
  options?: Record<string, unknown>
}

export interface CustomerFacts {
  name?: string | null
  address?: string | null
  province?: string | null
  city?: string | null
  district?: string | null
  /** when these facts were true (the sale time); the newest name and address win */
  seenAt: string
}

export interface OrderFacts {
  externalId: string
  orderedAt: string
  customerId: number | null
  channel?: string
  store?: string | null
  paymentMethod?: string | null
  status?: string | null
  address?: string | null
}

export interface LineFacts {
  orderId: number
  customerId: number | null
  productId: number | null
  quantity: number
  unitPriceFen: number | null
  amountFen: number
  couponCode?: string | null
  contentKey: string
}

export interface ResolveOutcome {
  customerId: number
  created: boolean
}

export class LedgerWriter {
  private readonly stmts
  private readonly addresses: CustomerAddressWriter
  private readonly touchedOrders = new Set<number>()
  private readonly touchedCustomers = new Set<number>()
  /** products whose category this batch filled in: their earlier buyers' category counts change */
  private readonly categorised = new Set<number>()

  constructor(
    private readonly db: Db,
    readonly batchId: number
  ) {
    this.addresses = customerAddressWriter(db)
    this.stmts = {
      findIdentity: db.prepare('SELECT customer_id FROM customer_identities WHERE kind = ? AND value = ?').pluck(),
      addIdentity: db.prepare('INSERT OR IGNORE INTO customer_identities (customer_id, kind, value, batch_id) VALUES (?, ?, ?, ?)'),
      createCustomer: db.prepare(
        'INSERT INTO customers (name, address, province, city, district, created_at, updated_at, created_batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)'
      ),
      upsertName: db.prepare(
        `INSERT INTO customer_names (customer_id, name, last_seen) VALUES (?, ?, ?)
         ON CONFLICT (customer_id, name) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)`
      ),
      upsertAddress: db.prepare(
        `INSERT INTO customer_addresses (customer_id, address, last_seen) VALUES (?, ?, ?)
         ON CONFLICT (customer_id, address) DO UPDATE SET last_seen = max(last_seen, excluded.last_seen)`
      ),
      newestName: db.prepare('SELECT name FROM customer_names WHERE customer_id = ? ORDER BY last_seen DESC LIMIT 1').pluck(),
      setName: db.prepare('UPDATE customers SET name = ? WHERE id = ? AND erased_at IS NULL'),
      // an unchanged name is not written: no search re-index for nothing
      setNameIfChanged: db.prepare('UPDATE customers SET name = ? WHERE id = ? AND erased_at IS NULL AND name IS NOT ?'),
      newestAddress: db.prepare('SELECT address FROM customer_addresses WHERE customer_id = ? ORDER BY last_seen DESC LIMIT 1').pluck(),
      findOrder: db.prepare('SELECT id, customer_id FROM orders WHERE external_id = ? AND ordered_at = ?'),
      // one statement for a new order; only an order already stored needs the lookup after it
      insertOrder: db
        .prepare(
          `INSERT INTO orders (customer_id, external_id, ordered_at, channel, store, payment_method, status, address, batch_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (external_id, ordered_at) DO NOTHING RETURNING id`
        )
        .pluck(),
      lineBatch: db.prepare('SELECT batch_id FROM order_lines WHERE content_key = ?').pluck(),
      findProduct: db.prepare('SELECT id FROM products WHERE code = ? AND name = ?').pluck(),
      insertProduct: db.prepare('INSERT INTO products (code, name, category, days_per_unit) VALUES (?, ?, ?, ?)'),
      // a product list imported earlier names the category (and days per unit) by code or barcode, else by the exact name
      masterByCode: db.prepare(
        `SELECT category, days_per_unit AS daysPerUnit FROM products WHERE ? <> '' AND (code = ? OR barcode = ?) AND (category IS NOT NULL OR days_per_unit IS NOT NULL)
         ORDER BY created_batch_id IS NULL, id LIMIT 1`
      ),
      masterByName: db.prepare(
        `SELECT category, days_per_unit AS daysPerUnit FROM products WHERE name = ? AND (category IS NOT NULL OR days_per_unit IS NOT NULL)
         ORDER BY created_batch_id IS NULL, id LIMIT 1`
      ),
      // the product a product list created (created_batch_id is set only by a list), named by the line's code or barcode,
      // or by its exact name when the line has no code
      listedByCode: db
        .prepare(`SELECT id FROM products WHERE ? <> '' AND (code = ? OR barcode = ?) AND created_batch_id IS NOT NULL ORDER BY id LIMIT 1`)
        .pluck(),
      listedByName: db.prepare('SELECT id FROM products WHERE name = ? AND created_batch_id IS NOT NULL ORDER BY id LIMIT 1').pluck(),
      setProductCategory: db.prepare('UPDATE products SET category = ? WHERE id = ? AND category IS NULL'),
      insertLine: db.prepare(
        `INSERT OR IGNORE INTO order_lines (order_id, customer_id, product_id, quantity, unit_price_fen, amount_fen, coupon_code, batch_id, content_key)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
    }
  }

  /** Start a batch; answers its id. */
  static createBatch(db: Db, header: BatchHeader): number {
    const info = db
      .prepare(
        `INSERT INTO import_batches (file_name, file_size, file_hash, imported_at, format, encoding, delimiter, header_row, mapping, options)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`
      )
      .run(
        header.fileName,
        header.fileSize,
        header.fileHash,
        header.importedAt,
        header.format,
        header.encoding ?? null,
        header.delimiter ?? null,
        header.headerRow ?? null,
        JSON.stringify(header.mapping ?? {}),
        JSON.stringify(header.options ?? {})
      )
    return Number(info.lastInsertRowid)
  }

  /** The customers that already own any of these identities, best-known identity first. */
  findCustomers(identities: Identity[]): number[] {
    const found: number[] = []
    for (const id of [...identities].sort((a, b) => identityPriority[a.kind] - identityPriority[b.kind])) {
      const cid = this.stmts.findIdentity.get(id.kind, id.value) as number | undefined
      if (cid !== undefined && !found.includes(cid)) found.push(cid)
    }
    return found
  }

  /**
   * The customer these identities belong to, created when none is known. Identities not yet
   * owned by anyone are attached; one owned by another customer stays with its owner.
   */
  resolveCustomer(identities: Identity[], facts: CustomerFacts, options: { noteFacts?: boolean } = {}): ResolveOutcome {
    const found = this.findCustomers(identities)
    let customerId: number
    let created = false
    if (found.length > 0) {
      customerId = found[0]
    } else {
      const info = this.stmts.createCustomer.run(
        facts.name ?? null,
        facts.address ?? null,
        facts.province ?? null,
        facts.city ?? null,
        facts.district ?? null,
        facts.seenAt,
        facts.seenAt,
        this.batchId
      )
      customerId = Number(info.lastInsertRowid)
      created = true
    }
    for (const id of identities) this.stmts.addIdentity.run(customerId, id.kind, id.value, this.batchId)
    // a caller that gathers every name and address first (the importer) notes them once, at the end
    if (options.noteFacts !== false) this.noteFacts(customerId, facts)
    this.touchedCustomers.add(customerId)
    return { customerId, created }
  }

  /** Remember a name and address seen for this customer; the newest becomes the profile's. */
  noteFacts(customerId: number, facts: CustomerFacts): void {
    if (facts.name) {
      this.stmts.upsertName.run(customerId, facts.name, facts.seenAt)
      this.stmts.setName.run(this.stmts.newestName.get(customerId), customerId)
    }
    if (facts.address) {
      this.stmts.upsertAddress.run(customerId, facts.address, facts.seenAt)
      const newest = this.stmts.newestAddress.get(customerId) as string
      if (newest === facts.address) {
        this.addresses.store(customerId, newest, { province: facts.province, city: facts.city, district: facts.district })
      }
    }
  }

  /**
   * Remember every name and address (each with when it was last seen) in one go, then put the
   * newest on the profile once: what noteFacts per fact ends with, at a fraction of the statements.
   */
  noteAllFacts(customerId: number, names: Iterable<[string, string]>, addresses: Iterable<[string, string]>): void {
    let anyName = false
    for (const [name, at] of names) {
      this.stmts.upsertName.run(customerId, name, at)
      anyName = true
    }
    if (anyName) {
      const newest = this.stmts.newestName.get(customerId) as string
      this.stmts.setNameIfChanged.run(newest, customerId, newest)
    }
    let seen: Set<string> | null = null
    for (const [address, at] of addresses) {
      this.stmts.upsertAddress.run(customerId, address, at)
      ;(seen ??= new Set()).add(address)
    }
    if (seen) {
      // like noteFacts: an address becomes the profile's only when it is the newest known
      const newest = this.stmts.newestAddress.get(customerId) as string
      if (seen.has(newest)) this.addresses.store(customerId, newest)
    }
  }

  /** The product with this code and name (or the product list's product it names), created on first sight. */
  productId(code: string, name: string, category?: string | null): number {
    // a line of something the product list names is that product, not a copy of it: the counter's barcode line and
    // the online shop's name-only line of one formula are one product, so they run out (and are set) together
    const existing = (this.stmts.findProduct.get(code, name) ??
      this.stmts.listedByCode.get(code, code, code) ??
      (code === '' ? this.stmts.listedByName.get(name) : undefined)) as number | undefined
    if (existing !== undefined) {
      if (category && this.stmts.setProductCategory.run(category, existing).changes === 1) this.categorised.add(existing)
      return existing
    }
    const master = (this.stmts.masterByCode.get(code, code, code) ?? (code === '' || !this.knownCode(code) ? this.stmts.masterByName.get(name) : undefined)) as
      { category: string | null; daysPerUnit: number | null } | undefined
    return Number(this.stmts.insertProduct.run(code, name, category ?? master?.category ?? null, master?.daysPerUnit ?? null).lastInsertRowid)
  }

  /** Whether a product list named this code (then a name match must not override it). */
  private knownCode(code: string): boolean {
    return this.db.prepare('SELECT 1 FROM products WHERE created_batch_id IS NOT NULL AND (code = ? OR barcode = ?) LIMIT 1').get(code, code) !== undefined
  }

  /** A customer whose figures depend on what this batch wrote outside sales (a referral, a profile). */
  touch(customerId: number): void {
    this.touchedCustomers.add(customerId)
  }

  /** A product whose category this batch set: its buyers' category counts are recounted at the end. */
  markCategorised(productId: number): void {
    this.categorised.add(productId)
  }

  /** The order with this receipt number and time, created on first sight. */
  orderId(order: OrderFacts): number {
    const inserted = this.stmts.insertOrder.get(
      order.customerId,
      order.externalId,
      order.orderedAt,
      order.channel ?? 'store',
      order.store ?? null,
      order.paymentMethod ?? null,
      order.status ?? null,
      order.address ?? null,
      this.batchId
    ) as number | undefined
    const id = inserted ?? (this.stmts.findOrder.get(order.externalId, order.orderedAt) as { id: number }).id
    this.touchedOrders.add(id)
    return id
  }

  /** The batch that stored the line with this content key, or undefined when none did. */
  lineBatch(contentKey: string): number | undefined {
    return this.stmts.lineBatch.get(contentKey) as number | undefined
  }

  /** Store a line; answers false when a line with the same content key is already stored. */
  addLine(line: LineFacts): boolean {
    const info = this.stmts.insertLine.run(
      line.orderId,
      line.customerId,
      line.productId,
      line.quantity,
      line.unitPriceFen,
      line.amountFen,
      line.couponCode ?? null,
      this.batchId,
      line.contentKey
    )
    if (line.customerId !== null) this.touchedCustomers.add(line.customerId)
    return info.changes === 1
  }

  /**
   * Bring order totals and customer summaries up to date for everything this batch touched,
   * and for the earlier buyers of a product whose category it filled in (their category count).
   */
  finish(): void {
    refreshOrderTotals(this.db, [...this.touchedOrders])
    if (this.categorised.size > 0) {
      const buyers = this.db
        .prepare('SELECT DISTINCT customer_id FROM order_lines WHERE product_id IN (SELECT value FROM json_each(?)) AND customer_id IS NOT NULL')
        .pluck()
        .all(JSON.stringify([...this.categorised])) as number[]
      for (const id of buyers) this.touchedCustomers.add(id)
    }
    refreshSummaries(this.db, [...this.touchedCustomers])
    refreshCustomerSearch(this.db)
  }
}
