/**
 * stats.summary's line count and revenue before a date are taken from whichever side of the date
 * has fewer orders (stats-service.ts linesBefore): on every side they must be what reaching each
 * line through its order answers, on a shop imported from the demo's export files.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Db } from '../../../electron/db/driver'
import { linesBefore } from '../../../electron/services/stats/stats-service'
import { importedDemoShop } from '../../helpers/imported-shops'

let db: Db

/** the plain join the shortcut replaces */
const joined = (next: string) =>
  db
    .prepare(
      `SELECT count(*) AS lines, coalesce(sum(l.amount_fen), 0) AS revenue
       FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.ordered_at < ?`
    )
    .get(next)

/** the date before which `share` of the orders fall */
const dateAtShare = (share: number) =>
  db
    .prepare('SELECT ordered_at FROM orders ORDER BY ordered_at LIMIT 1 OFFSET ?')
    .pluck()
    .get(Math.floor(share * ordersCount())) as string
const ordersCount = () => db.prepare('SELECT count(*) FROM orders').pluck().get() as number

beforeAll(async () => {
  db = await importedDemoShop(60, 5)
})
afterAll(() => db.close())

describe('lines before a date', () => {
  it('counts every line of the shop when no order is on or after the date', () => {
    const all = db.prepare('SELECT count(*) AS lines, sum(amount_fen) AS revenue FROM order_lines').get() as { lines: number; revenue: number }
    expect(all.lines).toBeGreaterThan(200)
    expect(linesBefore(db, '2026-11-24')).toEqual(all)
    expect(linesBefore(db, '2026-11-24')).toEqual(joined('2026-11-24'))
  })

  it('counts no line before the first order', () => {
    const first = db.prepare('SELECT min(ordered_at) FROM orders').pluck().get() as string
    expect(linesBefore(db, first)).toEqual({ lines: 0, revenue: 0 })
  })

  it.each([0.1, 0.3, 0.5, 0.7, 0.9])('answers what the join answers with %s of the orders before the date', (share) => {
    const next = dateAtShare(share)
    const figures = linesBefore(db, next)
    expect(figures).toEqual(joined(next))
    expect(figures.lines).toBeGreaterThan(0)
  })
})
