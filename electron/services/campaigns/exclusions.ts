/**
 * Who must not get a gift, each counted under the first reason that applies (in the order
 * consent, address, masked address, recent gift, complaint), so the counts add up to the excluded
 * total. A masked address ('浙江省 杭州市 西湖区 ***') has its region but no street: not mailable,
 * counted on its own so staff know the platform withheld it rather than the shop never had it.
 */
import type { Db } from '../../db/driver'
import { addDays } from '../../../shared/domain/dates'
import { isMaskedAddress } from '../customers/customer-address'
import type { ExclusionReason } from '../../../shared/schemas/campaigns'

export interface ExclusionRules {
  optedOutOfMail: boolean
  noValidAddress: boolean
  giftedWithinDays: number
  openComplaint: boolean
}

export interface ExclusionOutcome {
  eligible: number[]
  excluded: Partial<Record<ExclusionReason, number>>
}

/** Split candidates into eligible ones (order kept) and excluded counts by reason. */
export function applyExclusions(db: Db, candidateIds: number[], rules: ExclusionRules, asOf: string): ExclusionOutcome {
  const rows = db
    .prepare(
      `SELECT c.id,
              c.consent_mail = 0 AS optedOut,
              (trim(coalesce(c.address, '')) = '' OR trim(coalesce(c.province, '')) = '' OR trim(coalesce(c.city, '')) = '') AS noAddress,
              c.address,
              EXISTS (SELECT 1 FROM contact_log g WHERE g.customer_id = c.id AND g.kind = 'gift'
                        AND substr(g.at, 1, 10) BETWEEN @since AND @asOf) AS recentGift,
              EXISTS (SELECT 1 FROM contact_log k WHERE k.customer_id = c.id AND k.kind = 'complaint' AND k.outcome = 'open') AS complaint
       FROM customers c WHERE c.id IN (SELECT value FROM json_each(@ids))`
    )
    .all({ ids: JSON.stringify(candidateIds), asOf, since: addDays(asOf, -rules.giftedWithinDays) }) as {
    id: number
    optedOut: number
    noAddress: number
    address: string | null
    recentGift: number
    complaint: number
  }[]
  const reasonOf = new Map<number, ExclusionReason>()
  for (const r of rows) {
    const reason: ExclusionReason | null =
      rules.optedOutOfMail && r.optedOut
        ? 'consent_mail'
        : rules.noValidAddress && r.noAddress
          ? 'no_address'
          : rules.noValidAddress && isMaskedAddress(r.address)
            ? 'address_masked'
            : rules.giftedWithinDays > 0 && r.recentGift
              ? 'recent_gift'
              : rules.openComplaint && r.complaint
                ? 'open_complaint'
                : null
    if (reason) reasonOf.set(r.id, reason)
  }
  const excluded: ExclusionOutcome['excluded'] = {}
  for (const reason of reasonOf.values()) excluded[reason] = (excluded[reason] ?? 0) + 1
  return { eligible: candidateIds.filter((id) => !reasonOf.has(id)), excluded }
}
