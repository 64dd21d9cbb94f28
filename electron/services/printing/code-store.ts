/**
 * Codes printed on cards, stored with who got them: issued when a document is rendered for
 * real (never by a preview), redeemed when staff type one in or an import carries one.
 */
import type { Db } from '../../db/driver'
import type { Redemption } from '../../../shared/schemas/printing'
import { extractCodes, generateCode, isValidCode, normalizeCode } from './codes'
import { refuse } from '../../../shared/errors/refuse'
import { outsideKeptReads } from '../app/data-version'

export interface CodeRequest {
  customerId: number | null
  campaignId: number | null
  templateId: number | null
  kind: 'coupon' | 'scratch'
}

/**
 * Store one new code per request, in order; a clash with any code ever printed (the primary
 * key) simply draws again, so every code in the table is unique.
 */
export function issueCodes(db: Db, requests: CodeRequest[], printedAt: string, draw: () => string = generateCode): string[] {
  return storeDrawnCodes(
    db,
    requests.map((r) => ({ ...r, code: draw() })),
    printedAt,
    draw
  )
}

/**
 * Store codes already drawn (a print job draws them in memory while it builds the cards, so a
 * job stopped before its last step stores none), in order, in one transaction. A code that
 * clashes with one already stored is drawn again: the answer is the codes as stored, so the
 * caller can tell which cards must show a new one.
 */
export function storeDrawnCodes(db: Db, requests: (CodeRequest & { code: string })[], printedAt: string, draw: () => string = generateCode): string[] {
  const insert = db.prepare('INSERT OR IGNORE INTO printed_codes (code, customer_id, campaign_id, template_id, kind, printed_at) VALUES (?, ?, ?, ?, ?, ?)')
  const codes: string[] = []
  // no kept read depends on printed_codes: storing a run's codes keeps the popular products, the shop's rhythm and scoring
  outsideKeptReads(db, () =>
    db.transaction(() => {
      for (const r of requests) {
        for (let attempt = 0, code = r.code; ; attempt++, code = draw()) {
          if (attempt > 20) throw refuse('uniqueCodeFailed')
          if (insert.run(code, r.customerId, r.campaignId, r.templateId, r.kind, printedAt).changes === 1) {
            codes.push(code)
            break
          }
        }
      }
    })()
  )
  return codes
}

interface CodeRow {
  code: string
  customer_id: number | null
  customer_name: string | null
  campaign_id: number | null
  template_id: number | null
  kind: string
  printed_at: string
  redeemed_at: string | null
}

/** Staff entered a code from a card: mark it redeemed on `at` (an earlier redemption stands). */
export function redeemCode(db: Db, input: string, at: string): Redemption {
  const code = normalizeCode(input)
  if (!isValidCode(code)) throw refuse('codeInvalid', { code: input })
  const row = db
    .prepare(
      `SELECT p.code, p.customer_id, c.name AS customer_name, p.campaign_id, p.template_id, p.kind, p.printed_at, p.redeemed_at
       FROM printed_codes p LEFT JOIN customers c ON c.id = p.customer_id WHERE p.code = ?`
    )
    .get(code) as CodeRow | undefined
  if (!row) throw refuse('codeNeverPrinted', { code: input })
  const alreadyRedeemed = row.redeemed_at !== null
  if (!alreadyRedeemed) db.prepare('UPDATE printed_codes SET redeemed_at = ? WHERE code = ?').run(at, code)
  return {
    code,
    customerId: row.customer_id,
    customerName: row.customer_name,
    campaignId: row.campaign_id,
    templateId: row.template_id,
    kind: row.kind,
    printedAt: row.printed_at,
    redeemedAt: row.redeemed_at ?? at,
    alreadyRedeemed
  }
}

export interface RedemptionMatch {
  /** codes newly marked redeemed by this batch */
  matched: number
  /** codes this batch carries that were redeemed before */
  alreadyRedeemed: number
  /** well-formed codes this batch carries that were never printed */
  unknown: number
}

/**
 * For the importer, after a batch is committed: every printed code found in the batch's
 * `order_lines.coupon_code` (a coupon or remark column) is redeemed on its order's date.
 */
export function matchRedemptions(db: Db, batchId: number): RedemptionMatch {
  const rows = db
    .prepare(
      `SELECT l.coupon_code AS text, o.ordered_at AS at FROM order_lines l JOIN orders o ON o.id = l.order_id
       WHERE l.batch_id = ? AND l.coupon_code IS NOT NULL AND l.coupon_code != '' ORDER BY o.ordered_at, l.id`
    )
    .all(batchId) as { text: string; at: string }[]
  const find = db.prepare('SELECT redeemed_at, redeemed_batch_id FROM printed_codes WHERE code = ?')
  const mark = db.prepare('UPDATE printed_codes SET redeemed_at = ?, redeemed_batch_id = ? WHERE code = ? AND redeemed_at IS NULL')
  const result: RedemptionMatch = { matched: 0, alreadyRedeemed: 0, unknown: 0 }
  const seen = new Set<string>()
  db.transaction(() => {
    for (const r of rows) {
      for (const code of extractCodes(r.text)) {
        if (seen.has(code)) continue
        seen.add(code)
        const found = find.get(code) as { redeemed_at: string | null; redeemed_batch_id: number | null } | undefined
        if (!found) result.unknown++
        else if (found.redeemed_at !== null) result.alreadyRedeemed++
        else {
          mark.run(r.at, batchId, code)
          result.matched++
        }
      }
    }
  })()
  return result
}
