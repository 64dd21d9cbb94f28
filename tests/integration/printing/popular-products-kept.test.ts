/**
 * A card's 推荐商品 picks from the shop's products by buyers, a read kept until the data
 * changes. These check that the kept list is never served after a write, on a shop made of
 * the journey's export files through the importer.
 */
import { describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { popularProducts, queryPopularProducts } from '../../../electron/services/printing/popular-products'
import { mergeCustomers } from '../../../electron/services/customers/merge-service'
import { importFiles, JOURNEY_FILES } from '../../helpers/imported-shops'
import { journeyFile } from '../journey/journey-files'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

describe('the kept popular products', () => {
  it('answers the same list while nothing is written, and a fresh one after an import, a merge and another connection’s commit', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'evergreen-popular-')), 'shop.db')
    const db = openNodeDatabase(file)
    await importFiles(db, JOURNEY_FILES.slice(0, 4).map(journeyFile), '2026-11-01T09:00:00')
    const first = popularProducts(db)
    expect(first.length).toBeGreaterThan(1)
    expect(popularProducts(db)).toBe(first)
    expect(first).toEqual(queryPopularProducts(db))

    await importFiles(db, [journeyFile(JOURNEY_FILES[4])], '2026-11-01T10:00:00')
    const afterImport = popularProducts(db)
    expect(afterImport).not.toBe(first)
    expect(afterImport).toEqual(queryPopularProducts(db))

    const buyers = db.prepare('SELECT DISTINCT customer_id FROM order_lines WHERE customer_id IS NOT NULL ORDER BY 1 LIMIT 2').pluck().all() as number[]
    mergeCustomers(db, buyers[0], buyers[1], '2026-11-01')
    expect(popularProducts(db)).toEqual(queryPopularProducts(db))

    // another connection takes every sale of the most bought product away: it leaves the list
    const top = popularProducts(db)[0].id
    const other = openNodeDatabase(file)
    other.prepare('DELETE FROM order_lines WHERE product_id = ?').run(top)
    other.close()
    const afterOther = popularProducts(db)
    expect(afterOther).toEqual(queryPopularProducts(db))
    expect(afterOther.some((p) => p.id === top)).toBe(false)
    db.close()
  })
})
