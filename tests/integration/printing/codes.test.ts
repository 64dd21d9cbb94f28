import { describe, expect, it } from 'vitest'
import { testContext } from '../../helpers/db'
import { issueCodes, matchRedemptions, redeemCode } from '../../../electron/services/printing'
import { formatCode, isValidCode } from '../../../electron/services/printing/codes'
import { LedgerWriter } from '../../../electron/services/ledger/ledger-writer'
import type { Db } from '../../../electron/db/driver'
import { tinyShop } from './tiny-shop'

function importWithCoupons(db: Db, coupons: (string | null)[]): number {
  return db.transaction(() => {
    const batchId = LedgerWriter.createBatch(db, { fileName: 'pos-12.csv', fileSize: 1, fileHash: 'h2', importedAt: '2026-12-05T20:00:00', format: 'csv' })
    const w = new LedgerWriter(db, batchId)
    const p = w.productId('1', '奶粉', '奶粉')
    coupons.forEach((c, i) => {
      const orderId = w.orderId({ externalId: `PS9${i}`, orderedAt: `2026-12-0${i + 1}T10:00:00`, customerId: null })
      w.addLine({ orderId, customerId: null, productId: p, quantity: 1, unitPriceFen: 100, amountFen: 100, couponCode: c, contentKey: `k${i}` })
    })
    w.finish()
    return batchId
  })()
}

describe('printed codes', () => {
  it('issues 100,000 distinct, valid codes', () => {
    const { db } = testContext()
    const codes = issueCodes(
      db,
      Array.from({ length: 100_000 }, () => ({ customerId: null, campaignId: null, templateId: null, kind: 'coupon' as const })),
      '2026-11-23'
    )
    expect(new Set(codes).size).toBe(100_000)
    expect(codes.every(isValidCode)).toBe(true)
    expect(db.prepare('SELECT count(DISTINCT code) FROM printed_codes').pluck().get()).toBe(100_000)
  })

  it('draws again when a code was printed before', () => {
    const { db } = testContext()
    const queue = ['2222222222', '2222222222', '3333333333'.slice(0, 9) + 'X']
    const draw = () => queue.shift()!
    const req = { customerId: null, campaignId: null, templateId: null, kind: 'coupon' as const }
    expect(issueCodes(db, [req, req], '2026-11-23', draw)).toEqual(['2222222222', '333333333X'])
  })

  it('redeems a code typed by staff once; a second entry reports the first date', () => {
    const { db } = testContext()
    const s = tinyShop(db)
    const [code] = issueCodes(db, [{ customerId: s.wang, campaignId: null, templateId: null, kind: 'coupon' }], '2026-11-23')
    const first = redeemCode(db, formatCode(code).toLowerCase(), '2026-11-30')
    expect(first).toMatchObject({ code, customerId: s.wang, customerName: '王芳', redeemedAt: '2026-11-30', alreadyRedeemed: false, printedAt: '2026-11-23' })
    expect(redeemCode(db, code, '2026-12-02')).toMatchObject({ redeemedAt: '2026-11-30', alreadyRedeemed: true })
  })

  it('tells a mistyped code from one that was never printed', () => {
    const { db } = testContext()
    const [code] = issueCodes(db, [{ customerId: null, campaignId: null, templateId: null, kind: 'coupon' }], '2026-11-23')
    const typo = code.slice(0, 3) + (code[3] === '2' ? '3' : '2') + code.slice(4)
    expect(() => redeemCode(db, typo, '2026-11-30')).toThrow(expect.objectContaining({ code: 'BAD_INPUT', key: 'codeInvalid', params: { code: typo } }))
    expect(() => redeemCode(db, '2222222222', '2026-11-30')).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', key: 'codeNeverPrinted', params: { code: '2222222222' } })
    )
  })

  it('matches codes in an imported coupon or remark column to their cards', () => {
    const { db } = testContext()
    const [a, b, c] = issueCodes(
      db,
      Array.from({ length: 3 }, () => ({ customerId: null, campaignId: null, templateId: null, kind: 'coupon' as const })),
      '2026-11-23'
    )
    redeemCode(db, c, '2026-11-25')
    const batchId = importWithCoupons(db, [formatCode(a), `备注: 用了券 ${formatCode(b).toLowerCase()}`, c, '2222222222', null])
    expect(matchRedemptions(db, batchId)).toEqual({ matched: 2, alreadyRedeemed: 1, unknown: 1 })
    expect(db.prepare('SELECT code, redeemed_at, redeemed_batch_id FROM printed_codes ORDER BY redeemed_at').all()).toEqual([
      { code: c, redeemed_at: '2026-11-25', redeemed_batch_id: null },
      { code: a, redeemed_at: '2026-12-01T10:00:00', redeemed_batch_id: batchId },
      { code: b, redeemed_at: '2026-12-02T10:00:00', redeemed_batch_id: batchId }
    ])
    expect(matchRedemptions(db, batchId)).toEqual({ matched: 0, alreadyRedeemed: 3, unknown: 1 })
  })
})
