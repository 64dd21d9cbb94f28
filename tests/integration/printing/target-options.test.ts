/** The print target picker offers the import batches that have parcels to print for. */
import { describe, expect, it } from 'vitest'
import { freshDb } from '../../helpers/db'
import { targetOptions } from '../../../electron/services/printing/target-options'
import { importFixture } from '../imports/helpers'

describe('print targets', () => {
  it('offers a sales batch with its order count and leaves out a member list, which has no parcels', async () => {
    const db = freshDb()
    const sales = await importFixture(db, 'gbk-title-totals.csv')
    const members = await importFixture(db, 'members-gbk.csv')
    expect(members.batchId).toBeGreaterThan(sales.batchId)
    const batches = targetOptions(db).batches
    expect(batches.map((b) => b.id)).toEqual([sales.batchId])
    expect(batches[0]!.orders).toBe(5)
  })
})
