import { describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/db'
import { AS_OF, loadFixture, namesOf } from './fixture'
import { defaultSettings } from '../../../shared/schemas/settings'
import { schemeOverview } from '../../../electron/services/segments/schemes'
import { segmentCustomerIds } from '../../../electron/services/segments/membership'
import { ensureSnapshot } from '../../../electron/services/segments/snapshot'
import { schemeSettings } from '../../../electron/services/segments/scheme-settings'
import { LedgerWriter } from '../../../electron/services/ledger/ledger-writer'
import { addDays } from '../../../shared/domain/dates'
import type { Db } from '../../../electron/db/driver'

function snapshotRows(db: Db, asOf = AS_OF, settings = defaultSettings) {
  ensureSnapshot(db, asOf, schemeSettings(settings))
  const rows = db
    .prepare(
      `SELECT c.name, s.orders, s.spend_fen, s.days_last, s.r, s.f, s.m, s.rfm_classic, s.rfm_cn8, s.ladder, s.tier, s.lifecycle
       FROM temp.seg_snap s JOIN customers c ON c.id = s.customer_id ORDER BY c.name`
    )
    .all() as Record<string, string | number | null>[]
  return Object.fromEntries(rows.map((r) => [r.name as string, r]))
}

describe('RFM on the hand-worked set', () => {
  // days: A5 B5 C20 D40 E100 F100 G200 H300 I400 J700 → worst-first positions J0 I1 H2 G3 E,F4 D6 C7 A,B8
  // orders: B,F,I=1 (pos 0) D,G=2 (3) C,J=3 (5) E=4 (7) H=5 (8) A=6 (9)
  // spend: B50(0) D100(1) G150(2) C,J300(3) H600(5) E800(6) F900(7) I1000(8) A1200(9)
  // score = 1 + floor(5 × position / 10)
  const expected: Record<string, [number, number, number, string, string]> = {
    A: [5, 5, 5, 'Champions', '重要价值'],
    B: [5, 1, 1, 'New', '一般发展'],
    C: [4, 3, 2, 'Loyal', '一般价值'],
    D: [4, 2, 1, 'Potential Loyalist', '一般发展'],
    E: [3, 4, 4, 'Loyal', '重要价值'],
    F: [3, 1, 4, 'Need Attention', '重要发展'],
    G: [2, 2, 2, 'Hibernating', '一般挽留'],
    H: [2, 5, 3, 'At Risk', '重要保持'],
    I: [1, 1, 5, 'At Risk', '重要挽留'],
    J: [1, 3, 2, 'At Risk', '一般保持']
  }

  it('scores R high for recent buyers and gives ties the same score', () => {
    const db = freshDb()
    loadFixture(db)
    const rows = snapshotRows(db)
    for (const [name, [r, f, m]] of Object.entries(expected)) {
      expect({ name, r: rows[name].r, f: rows[name].f, m: rows[name].m }).toEqual({ name, r, f, m })
    }
  })

  it('names the classic segment and the 8 classes (means: 187 days, 2.8 orders, 540 元)', () => {
    const db = freshDb()
    loadFixture(db)
    const rows = snapshotRows(db)
    for (const [name, [, , , classic, cn8]] of Object.entries(expected)) {
      expect({ name, classic: rows[name].rfm_classic, cn8: rows[name].rfm_cn8 }).toEqual({ name, classic, cn8 })
    }
  })

  it('leaves customers who never bought out of RFM', () => {
    const db = freshDb()
    loadFixture(db)
    const rows = snapshotRows(db)
    for (const name of ['K', 'L', 'N']) expect([rows[name].r, rows[name].rfm_classic, rows[name].lifecycle]).toEqual([null, null, null])
  })
})

describe('the loyalty ladder', () => {
  it('puts each customer on exactly the highest step that applies', () => {
    const db = freshDb()
    loadFixture(db)
    const rows = snapshotRows(db)
    const steps = Object.fromEntries(Object.entries(rows).map(([n, r]) => [n, r.ladder]))
    expect(steps).toEqual({
      A: 'core', // 6 orders in the year, 3 categories
      B: 'advocate', // referred D, who bought (B bought once)
      C: 'repeat', // referred K, who never bought
      D: 'repeat',
      E: 'repeat', // 4 orders but one category
      F: 'firstTime',
      G: 'repeat',
      H: 'repeat',
      I: 'firstTime',
      J: 'repeat',
      K: 'prospect',
      L: 'target', // customers.targeted
      N: 'target' // tagged
    })
  })

  it('follows edited core criteria', () => {
    const db = freshDb()
    loadFixture(db)
    const settings = { ...defaultSettings, core: { minCategories: 1, minOrders: 4, minSpendFen: 70_000, windowDays: 365 } }
    const o = schemeOverview(db, AS_OF, settings)
    // A (1200 元) and E (800 元, 4 orders 100–130 days ago) qualify; H spent 600 元
    expect(o.ladder).toEqual({ prospect: 1, target: 2, firstTime: 2, repeat: 5, core: 2, advocate: 1 })
  })
})

describe('member tiers', () => {
  it('counts tiers by orders or spend with the default thresholds', () => {
    const db = freshDb()
    loadFixture(db)
    expect(schemeOverview(db, AS_OF, defaultSettings).tiers).toEqual({ normal: 10, silver: 3, gold: 0, diamond: 0 })
  })

  it('needs both thresholds when match is all', () => {
    const db = freshDb()
    loadFixture(db)
    const tiers = {
      match: 'all' as const,
      silver: { minOrders: 2, minSpendFen: 30_000 },
      gold: { minOrders: 4, minSpendFen: 80_000 },
      diamond: { minOrders: 6, minSpendFen: 120_000 }
    }
    // silver: C(3, 300) H(5, 600) J(3, 300); gold: E(4, 800); diamond: A(6, 1200)
    expect(schemeOverview(db, AS_OF, { ...defaultSettings, tiers }).tiers).toEqual({ normal: 8, silver: 3, gold: 1, diamond: 1 })
  })
})

describe('lifecycle', () => {
  it('counts stages from days since the last purchase', () => {
    const db = freshDb()
    loadFixture(db)
    expect(schemeOverview(db, AS_OF, defaultSettings).lifecycle).toEqual({ active: 4, silent: 2, sleeping: 1, drifting: 1, lost: 2 })
  })

  it.each([
    [90, 'active'],
    [91, 'silent'],
    [180, 'silent'],
    [181, 'sleeping'],
    [270, 'sleeping'],
    [271, 'drifting'],
    [359, 'drifting'],
    [360, 'lost']
  ])('puts a customer idle %i days in the %s stage', (days, stage) => {
    const db = freshDb()
    db.transaction(() => {
      const w = new LedgerWriter(db, LedgerWriter.createBatch(db, { fileName: 'b', fileSize: 0, fileHash: 'b', importedAt: AS_OF, format: 'demo' }))
      const day = addDays(AS_OF, -days)
      const { customerId } = w.resolveCustomer([{ kind: 'card', value: 'X' }], { name: 'X', seenAt: day })
      const orderId = w.orderId({ externalId: 'o', orderedAt: `${day}T23:59:00`, customerId })
      w.addLine({ orderId, customerId, productId: null, quantity: 1, unitPriceFen: 100, amountFen: 100, contentKey: 'k' })
      w.finish()
    })()
    expect(snapshotRows(db).X.lifecycle).toBe(stage)
  })
})

describe('as of any date', () => {
  it('counts only what had happened by the date', () => {
    const db = freshDb()
    const ids = loadFixture(db)
    // 50 days earlier A had bought once (55 days before today); B and C were not yet customers
    const earlier = addDays(AS_OF, -50)
    const rows = snapshotRows(db, earlier)
    expect([rows.A.orders, rows.A.days_last, rows.A.ladder]).toEqual([1, 5, 'firstTime'])
    expect(rows.B).toBeUndefined() // B was first seen 5 days ago
    const lifecycleThen = segmentCustomerIds(db, { rule: { field: 'lifecycle', op: '=', value: 'active' } }, earlier, defaultSettings)
    // idle on 2026-10-04: A 5 days, D 0, E 50, F 50 (active); G 150, H 250 …
    expect(namesOf(lifecycleThen, ids)).toEqual(['A', 'D', 'E', 'F'])
  })

  it('gives the same counts from the ledger summaries and from the orders', () => {
    const db = freshDb()
    loadFixture(db)
    const fromSummaries = schemeOverview(db, AS_OF, defaultSettings)
    // a sale after the as-of date makes the summaries newer than the date: figures come from orders
    db.transaction(() => {
      const w = new LedgerWriter(db, LedgerWriter.createBatch(db, { fileName: 'later', fileSize: 0, fileHash: 'later', importedAt: AS_OF, format: 'demo' }))
      const { customerId } = w.resolveCustomer([{ kind: 'card', value: 'VIP-A' }], { seenAt: '2026-11-30T10:00:00' })
      const orderId = w.orderId({ externalId: 'later', orderedAt: '2026-11-30T10:00:00', customerId })
      w.addLine({ orderId, customerId, productId: null, quantity: 1, unitPriceFen: 100, amountFen: 100, contentKey: 'later' })
      w.finish()
    })()
    expect(schemeOverview(db, AS_OF, defaultSettings)).toEqual(fromSummaries)
    expect(schemeOverview(db, '2026-11-30', defaultSettings).lifecycle.active).toBe(4)
  })
})
