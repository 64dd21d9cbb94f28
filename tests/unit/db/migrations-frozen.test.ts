/**
 * A shipped migration is a contract with every shop's file: once a version has left the building
 * its migration never changes, or files already at that version would never receive the change.
 * A hash that no longer matches means a shipped migration was edited: put the change in a new
 * numbered migration instead (and only then add its hash here).
 */
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { migrations } from '../../../electron/db/migrations'

const folder = join(__dirname, '../../../electron/db/migrations')

const frozen: Record<string, string> = {
  '001-initial-schema.ts': '2ce5de95b35056574016282c33040fdabdcbdfb257f49aaa3f3b03540693ea8c',
  '002-reconcile-early-v1.ts': 'a6139598f1e7ef33698610a8c83a01f82ceae3561629803a61fa75d23fae5c9e',
  '003-master-files.ts': '6ac38a5470f0c163dccc45c292df90a9338f15104e6363c10bf642504ecfcf14',
  '004-customer-regions.ts': '78feee85c5640c970d9faf17f36bc16d53d3b3875c1c3d8c8d564c32e0cbb56f',
  '005-children-by-customer.ts': '9f69578d82537bdb81c62b40041a04f0c9bde0b1c9b597cde2cf7a4daed919d2',
  '006-orders-by-time.ts': 'beeca03ffa9e96daf424bcc5f8125fca9f6f8e433368cc114ff1e0775154158a',
  '007-customer-references.ts': '55ca56d9771fea49fbba7e37ebb9a773185b967ff44638cd1b751273a0f4df2d'
}

// line endings are the checkout's business (Windows), not the migration's
const hash = (file: string) =>
  createHash('sha256')
    .update(readFileSync(join(folder, file), 'utf8').replace(/\r\n/g, '\n'))
    .digest('hex')

describe('shipped migrations', () => {
  it.each(Object.entries(frozen))('keeps %s exactly as shipped', (file, sha) => {
    expect(hash(file)).toBe(sha)
  })

  it('has one numbered file for every migration in the list', () => {
    const files = readdirSync(folder).filter((f) => /^\d{3}-.+\.ts$/.test(f))
    expect(files).toHaveLength(migrations.length)
    expect(new Set(files.map((f) => f.slice(0, 3))).size).toBe(files.length)
  })
})
