/**
 * What a planned campaign produces: the pick list, the courier file waybill tools take, and
 * the mailing itself (date, contact-log entries, stock taken).
 */
import Papa from 'papaparse'
import iconv from 'iconv-lite'
import type { Db } from '../../db/driver'
import type { PlanResult } from '../../../shared/schemas/campaigns'
import { neutralizeCell } from '../backups/csv-cells'
import { giftsBySku, takeFromStock } from './gift-catalogue'
import type { GiftOption } from './gift-match'
import { campaignMembers, campaignPlan, campaignRow } from './campaign-store'
import { pickListOf } from './planner'
import { refuse } from '../../../shared/errors/refuse'

const LIVE = 'c.erased_at IS NULL AND c.merged_into IS NULL'

/** The gifts as planned (names and weights kept in the plan), completed from the catalogue. */
function plannedGifts(db: Db, id: number): Map<string, GiftOption> {
  const plan = campaignPlan(db, id)
  const stored = Array.isArray(plan.gifts) ? (plan.gifts as GiftOption[]) : []
  const out = new Map(stored.map((g) => [g.sku, g]))
  const skus = campaignMembers(db, id).flatMap((m) => (m.giftSku && !out.has(m.giftSku) ? [m.giftSku] : []))
  for (const [sku, g] of giftsBySku(db, skus)) out.set(sku, { sku, name: g.name, costFen: g.unitCostFen, stock: g.stock, weightG: g.weightG, suits: g.suits })
  return out
}

function giftOf(gifts: Map<string, GiftOption>, sku: string): GiftOption {
  return gifts.get(sku) ?? { sku, name: sku, costFen: 0, stock: null, weightG: null, suits: [] }
}

/** How many of each gift to pick for the treated members. */
export function campaignPickList(db: Db, id: number): PlanResult['pickList'] {
  const gifts = plannedGifts(db, id)
  return pickListOf(campaignMembers(db, id).flatMap((m) => (m.arm === 'treated' && m.giftSku ? [giftOf(gifts, m.giftSku)] : [])))
}

export const courierColumns = ['收件人', '手机', '省', '市', '区', '详细地址', '物品', '重量', '备注'] as const

/** The street part of an address: the province, city and district it starts with are dropped. */
export function streetPart(address: string, province: string, city: string, district: string): string {
  let rest = address.trim()
  for (const part of [province, city, district]) {
    if (part && rest.startsWith(part)) rest = rest.slice(part.length).trim()
  }
  return rest || address.trim()
}

/** The courier file's rows for the treated members (live customers), in rank order. */
export function courierRows(db: Db, id: number): string[][] {
  const campaign = campaignRow(db, id)
  const gifts = plannedGifts(db, id)
  const rows = db
    .prepare(
      `SELECT m.gift_sku AS sku, coalesce(c.name, '') AS name, coalesce(c.province, '') AS province, coalesce(c.city, '') AS city,
              coalesce(c.district, '') AS district, coalesce(c.address, '') AS address,
              (SELECT i.value FROM customer_identities i WHERE i.customer_id = c.id AND i.kind = 'phone' ORDER BY i.id LIMIT 1) AS phone
       FROM campaign_members m JOIN customers c ON c.id = m.customer_id
       WHERE m.campaign_id = ? AND m.arm = 'treated' AND ${LIVE} ORDER BY m.rank, m.customer_id`
    )
    .all(id) as { sku: string | null; name: string; province: string; city: string; district: string; address: string; phone: string | null }[]
  return rows.map((r) => {
    const gift = r.sku ? giftOf(gifts, r.sku) : null
    return [
      r.name,
      r.phone ?? '',
      r.province,
      r.city,
      r.district,
      streetPart(r.address, r.province, r.city, r.district),
      gift?.name ?? '',
      // waybill tools take kilograms
      gift?.weightG != null ? String(gift.weightG / 1000) : '',
      campaign.name
    ].map(neutralizeCell)
  })
}

/** The courier CSV as bytes: UTF-8 with a BOM (Excel opens it right) or GBK (older waybill tools). */
export function courierCsv(db: Db, id: number, encoding: 'utf8' | 'gbk'): { bytes: Buffer; rows: number } {
  const rows = courierRows(db, id)
  const text = Papa.unparse({ fields: [...courierColumns], data: rows }, { newline: '\r\n' }) + '\r\n'
  const bytes = encoding === 'gbk' ? iconv.encode(text, 'gbk') : Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')])
  return { bytes, rows: rows.length }
}

/**
 * Record the mailing: the date on the campaign, a 'gift' contact for each treated member
 * (so later plans can leave them out), and the mailed gifts taken off the catalogue's stock.
 * A date after the shop's today is refused: parcels not yet sent would start the results window early.
 */
export function markMailed(db: Db, id: number, date: string, staff: string | null, today: string): { mailingDate: string; logged: number } {
  const row = campaignRow(db, id)
  if (row.mailingDate) throw refuse('campaignAlreadyMailed', { date: row.mailingDate })
  if (date < row.asOf) throw refuse('mailingBeforePlan', { planDate: row.asOf })
  if (date > today) throw refuse('mailingAfterToday', { today })
  const gifts = plannedGifts(db, id)
  return db.transaction(() => {
    const treated = campaignMembers(db, id).filter((m) => m.arm === 'treated')
    const log = db.prepare("INSERT INTO contact_log (customer_id, at, kind, outcome, note, campaign_id, staff) VALUES (?, ?, 'gift', NULL, ?, ?, ?)")
    const counts = new Map<string, number>()
    for (const m of treated) {
      const note = m.giftSku ? `${row.name}: ${giftOf(gifts, m.giftSku).name}` : row.name
      log.run(m.customerId, date, note, id, staff)
      if (m.giftSku) counts.set(m.giftSku, (counts.get(m.giftSku) ?? 0) + 1)
    }
    db.prepare('UPDATE campaigns SET mailing_date = ? WHERE id = ?').run(date, id)
    takeFromStock(db, counts)
    return { mailingDate: date, logged: treated.length }
  })()
}
