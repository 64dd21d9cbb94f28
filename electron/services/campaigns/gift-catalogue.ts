/** The gift catalogue: gifts and sample packs the shop can mail, by SKU. */
import type { Db } from '../../db/driver'
import type { Gift } from '../../../shared/schemas/campaigns'

interface GiftRow {
  sku: string
  name: string
  unit_cost_fen: number
  stock: number | null
  weight_g: number | null
  suits: string
}

function toGift(r: GiftRow): Gift {
  let suits: string[] = []
  try {
    const parsed = JSON.parse(r.suits) as unknown
    if (Array.isArray(parsed)) suits = parsed.filter((s): s is string => typeof s === 'string')
  } catch {
    /* a damaged list suits nothing */
  }
  return { sku: r.sku, name: r.name, unitCostFen: r.unit_cost_fen, stock: r.stock, weightG: r.weight_g, suits }
}

/** Every gift, by SKU. */
export function listGifts(db: Db): Gift[] {
  return (db.prepare('SELECT * FROM gifts ORDER BY sku').all() as GiftRow[]).map(toGift)
}

/** Gifts by SKU for the given SKUs (unknown SKUs are simply absent). */
export function giftsBySku(db: Db, skus: string[]): Map<string, Gift> {
  const rows = db.prepare('SELECT * FROM gifts WHERE sku IN (SELECT value FROM json_each(?))').all(JSON.stringify(skus)) as GiftRow[]
  return new Map(rows.map((r) => [r.sku, toGift(r)]))
}

/** Add a gift or replace the one with the same SKU. */
export function saveGift(db: Db, g: Gift): Gift {
  const suits = [...new Set(g.suits.map((s) => s.trim()).filter(Boolean))]
  db.prepare(
    `INSERT INTO gifts (sku, name, unit_cost_fen, stock, weight_g, suits) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (sku) DO UPDATE SET name = excluded.name, unit_cost_fen = excluded.unit_cost_fen, stock = excluded.stock,
       weight_g = excluded.weight_g, suits = excluded.suits`
  ).run(g.sku, g.name, g.unitCostFen, g.stock, g.weightG, JSON.stringify(suits))
  return { ...g, suits }
}

/** Remove a gift; campaigns that used it keep its SKU. */
export function removeGift(db: Db, sku: string): boolean {
  return db.prepare('DELETE FROM gifts WHERE sku = ?').run(sku).changes === 1
}

/** Take mailed gifts off the counted stock (never below zero); uncounted gifts stay uncounted. */
export function takeFromStock(db: Db, counts: Map<string, number>): void {
  const take = db.prepare('UPDATE gifts SET stock = max(0, stock - ?) WHERE sku = ? AND stock IS NOT NULL')
  for (const [sku, n] of counts) take.run(n, sku)
}
