/**
 * Did the mailing pay? Treated against control on purchase rate and revenue within a window
 * after the mailing date, as of a date: computed on demand, so every later import counts.
 * A purchase is an order with is_purchase = 1 dated after the mailing day, up to the end of
 * the window (or the as-of date while the window is still running); revenue is those
 * orders' totals. Members merged into another customer since are followed to the keeper.
 */
import type { Db } from '../../db/driver'
import { addDays, daysBetween } from '../../../shared/domain/dates'
import type { CampaignResults } from '../../../shared/schemas/campaigns'
import { followMerges } from '../customers/find-by-ref'
import { campaignMembers, campaignRow } from './campaign-store'
import { newcombeInterval } from './uplift'
import { refuse } from '../../../shared/errors/refuse'

/** Results of a mailed campaign within `window` days, as of a date. */
export function campaignResults(db: Db, id: number, asOf: string, window: number): CampaignResults {
  const row = campaignRow(db, id)
  if (!row.mailingDate) throw refuse('campaignNotMailed')
  const mailed = row.mailingDate
  const windowEnd = addDays(mailed, window)
  const end = asOf < windowEnd ? asOf : windowEnd
  const daysObserved = Math.max(0, daysBetween(mailed, end))

  const members = campaignMembers(db, id)
  const merged = new Set(
    db
      .prepare('SELECT id FROM customers WHERE merged_into IS NOT NULL AND id IN (SELECT value FROM json_each(?))')
      .pluck()
      .all(JSON.stringify(members.map((m) => m.customerId))) as number[]
  )
  const pairs = members.map((m) => ({ member: m.customerId, keeper: merged.has(m.customerId) ? followMerges(db, m.customerId) : m.customerId, arm: m.arm }))
  const bought = db
    .prepare(
      `SELECT p.value ->> '$.member' AS member, count(o.id) AS orders, coalesce(sum(o.total_fen), 0) AS revenue
       FROM json_each(?) p JOIN orders o ON o.customer_id = p.value ->> '$.keeper'
       WHERE o.is_purchase = 1 AND o.ordered_at >= ? AND o.ordered_at < ?
       GROUP BY member`
    )
    .all(JSON.stringify(pairs), addDays(mailed, 1), addDays(end, 1)) as { member: number; orders: number; revenue: number }[]
  const byMember = new Map(bought.map((b) => [b.member, b]))

  const arm = (name: 'treated' | 'control') => {
    const inArm = members.filter((m) => m.arm === name)
    let buyers = 0
    let revenueFen = 0
    for (const m of inArm) {
      const b = byMember.get(m.customerId)
      if (b && b.orders > 0) {
        buyers++
        revenueFen += b.revenue
      }
    }
    return { n: inArm.length, buyers, revenueFen }
  }
  const treated = arm('treated')
  const control = arm('control')
  const costFen = members.reduce((s, m) => s + (m.arm === 'treated' ? m.costFen : 0), 0)
  const rateTreated = treated.n > 0 ? treated.buyers / treated.n : null
  const rateControl = control.n > 0 ? control.buyers / control.n : null
  const both = rateTreated !== null && rateControl !== null
  const upliftRate = both ? rateTreated - rateControl : null
  const ci95 = both ? newcombeInterval(treated.buyers, treated.n, control.buyers, control.n) : null
  const incrementalRevenueFen = both ? Math.round((treated.revenueFen / treated.n - control.revenueFen / control.n) * treated.n) : null
  const roi = incrementalRevenueFen !== null && costFen > 0 ? (incrementalRevenueFen - costFen) / costFen : null
  return {
    id,
    mailingDate: mailed,
    asOf,
    window,
    daysObserved,
    treated,
    control,
    rateTreated,
    rateControl,
    upliftRate,
    ci95,
    incrementalRevenueFen,
    costFen,
    roi
  }
}
