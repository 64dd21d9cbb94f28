/** Campaigns and their members in the database: the only place that maps their rows. */
import type { Db } from '../../db/driver'
import type { PlannedMember } from '../../../shared/schemas/campaigns'
import { customerRefs } from './customer-refs'
import { refuse } from '../../../shared/errors/refuse'

export interface NewCampaign {
  name: string
  createdAt: string
  asOf: string
  plan: Record<string, unknown>
  members: Pick<PlannedMember, 'customerId' | 'arm' | 'rank' | 'score' | 'giftSku' | 'costFen'>[]
}

export interface CampaignRow {
  id: number
  name: string
  createdAt: string
  asOf: string
  mailingDate: string | null
  treated: number
  control: number
  costFen: number
}

/** Store a planned campaign with its members; answers its id. */
export function saveCampaign(db: Db, c: NewCampaign): number {
  return db.transaction(() => {
    const id = Number(
      db.prepare('INSERT INTO campaigns (name, created_at, as_of, plan) VALUES (?, ?, ?, ?)').run(c.name, c.createdAt, c.asOf, JSON.stringify(c.plan))
        .lastInsertRowid
    )
    const add = db.prepare('INSERT INTO campaign_members (campaign_id, customer_id, arm, rank, score, gift_sku, cost_fen) VALUES (?, ?, ?, ?, ?, ?, ?)')
    for (const m of c.members) add.run(id, m.customerId, m.arm, m.rank, m.score, m.giftSku, m.costFen)
    return id
  })()
}

const SUMMARY = `SELECT c.id, c.name, c.created_at AS createdAt, c.as_of AS asOf, c.mailing_date AS mailingDate,
    coalesce(sum(m.arm = 'treated'), 0) AS treated, coalesce(sum(m.arm = 'control'), 0) AS control, coalesce(sum(m.cost_fen), 0) AS costFen
  FROM campaigns c LEFT JOIN campaign_members m ON m.campaign_id = c.id`

/** Every campaign, newest first, with its arm sizes and cost. */
export function listCampaigns(db: Db): CampaignRow[] {
  return db.prepare(`${SUMMARY} GROUP BY c.id ORDER BY c.created_at DESC, c.id DESC`).all() as CampaignRow[]
}

/** One campaign's summary, or NOT_FOUND. */
export function campaignRow(db: Db, id: number): CampaignRow {
  const row = db.prepare(`${SUMMARY} WHERE c.id = ? GROUP BY c.id`).get(id) as CampaignRow | undefined
  if (!row) throw refuse('campaignNotFound', { id })
  return row
}

/** A campaign's stored plan JSON. */
export function campaignPlan(db: Db, id: number): Record<string, unknown> {
  const raw = db.prepare('SELECT plan FROM campaigns WHERE id = ?').pluck().get(id) as string | undefined
  if (raw === undefined) throw refuse('campaignNotFound', { id })
  return JSON.parse(raw) as Record<string, unknown>
}

export interface StoredMember {
  customerId: number
  arm: 'treated' | 'control'
  rank: number
  score: number
  giftSku: string | null
  costFen: number
}

/** Members by rank. */
export function campaignMembers(db: Db, id: number): StoredMember[] {
  return db
    .prepare(
      `SELECT customer_id AS customerId, arm, rank, coalesce(score, 0) AS score, gift_sku AS giftSku, cost_fen AS costFen
       FROM campaign_members WHERE campaign_id = ? ORDER BY rank, customer_id`
    )
    .all(id) as StoredMember[]
}

/** Members by rank with ref, name and gift name, for the UI. */
export function campaignMembersForDisplay(db: Db, id: number) {
  const members = campaignMembers(db, id)
  const refs = customerRefs(
    db,
    members.map((m) => m.customerId)
  )
  const giftNames = new Map((db.prepare('SELECT sku, name FROM gifts').all() as { sku: string; name: string }[]).map((g) => [g.sku, g.name]))
  return members.map((m) => ({
    ...m,
    ref: refs.get(m.customerId)?.ref ?? `#${m.customerId}`,
    name: refs.get(m.customerId)?.name ?? '',
    giftName: m.giftSku ? (giftNames.get(m.giftSku) ?? m.giftSku) : null
  }))
}

/** Delete a campaign that has not been mailed (a mailed one is the record of what was sent). */
export function removeCampaign(db: Db, id: number): boolean {
  const row = campaignRow(db, id)
  if (row.mailingDate) throw refuse('mailedCampaignUndeletable')
  return db.prepare('DELETE FROM campaigns WHERE id = ?').run(id).changes === 1
}

/** One campaign as its page shows it (`campaigns.get`): the row, its stored plan and its members. */
export function campaignDetail(db: Db, id: number) {
  return { ...campaignRow(db, id), plan: campaignPlan(db, id), members: campaignMembersForDisplay(db, id) }
}
