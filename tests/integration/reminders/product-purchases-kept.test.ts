/**
 * The whole-shop purchase read behind the call list and the days-per-unit table is kept per
 * date until the data changes. These check that a kept answer is never served after a write —
 * an import, a merge, an erasure, an import undone, a commit by another connection — on a shop
 * made of the journey's export files through the importer.
 */
import { describe, expect, it } from 'vitest'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { queryProductPurchases, readProductPurchases } from '../../../electron/services/reminders/product-purchases'
import { mergeCustomers } from '../../../electron/services/customers/merge-service'
import { eraseCustomer } from '../../../electron/services/customers/erase-service'
import { undoBatch } from '../../../electron/services/imports/batches'
import { importFiles, JOURNEY_FILES } from '../../helpers/imported-shops'
import { journeyFile } from '../journey/journey-files'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const AS_OF = '2026-11-01'
const units = (p: readonly { quantities: number[] }[]) => p.reduce((s, x) => s + x.quantities.reduce((a, b) => a + b, 0), 0)

describe('the kept purchase read', () => {
  it('answers the same object while nothing is written, and a fresh read after every kind of write', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'evergreen-kept-')), 'shop.db')
    const db = openNodeDatabase(file)
    await importFiles(db, JOURNEY_FILES.slice(0, 4).map(journeyFile), '2026-11-01T09:00:00')

    const first = readProductPurchases(db, AS_OF)
    expect(first.length).toBeGreaterThan(0)
    expect(readProductPurchases(db, AS_OF)).toBe(first)
    expect(first).toEqual(queryProductPurchases(db, AS_OF))
    // another date is another read
    expect(readProductPurchases(db, '2026-09-15')).toEqual(queryProductPurchases(db, '2026-09-15'))

    // the October counter file: more units than before
    const [october] = await importFiles(db, [journeyFile(JOURNEY_FILES[4])], '2026-11-01T10:00:00')
    const afterImport = readProductPurchases(db, AS_OF)
    expect(afterImport).toEqual(queryProductPurchases(db, AS_OF))
    expect(units(afterImport)).toBeGreaterThan(units(first))

    // two buyers merged: one fewer customer holds purchases
    const buyers = [...new Set(afterImport.map((p) => p.customerId))]
    mergeCustomers(db, buyers[0], buyers[1], AS_OF)
    const afterMerge = readProductPurchases(db, AS_OF)
    expect(afterMerge).toEqual(queryProductPurchases(db, AS_OF))
    expect(new Set(afterMerge.map((p) => p.customerId)).size).toBe(buyers.length - 1)

    // an erased buyer's purchases leave the read
    const erased = afterMerge[afterMerge.length - 1].customerId
    eraseCustomer(db, erased, AS_OF)
    const afterErase = readProductPurchases(db, AS_OF)
    expect(afterErase).toEqual(queryProductPurchases(db, AS_OF))
    expect(afterErase.some((p) => p.customerId === erased)).toBe(false)

    // the October import undone
    undoBatch(db, october.batchId, '2026-11-01T11:00:00')
    const afterUndo = readProductPurchases(db, AS_OF)
    expect(afterUndo).toEqual(queryProductPurchases(db, AS_OF))
    expect(units(afterUndo)).toBeLessThan(units(afterErase))

    // a commit by another connection (an import's worker, a restore) is seen too
    const other = openNodeDatabase(file)
    other.prepare('DELETE FROM order_lines WHERE customer_id = ?').run(afterUndo[0].customerId)
    other.close()
    const afterOther = readProductPurchases(db, AS_OF)
    expect(afterOther).toEqual(queryProductPurchases(db, AS_OF))
    expect(afterOther.some((p) => p.customerId === afterUndo[0].customerId)).toBe(false)
    db.close()
  })
})
