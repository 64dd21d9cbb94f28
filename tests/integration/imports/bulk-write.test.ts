/** A big batch writes without some indexes and foreign-key checks, and leaves the schema exactly as it found it. */
import { describe, expect, it } from 'vitest'
import type { Db } from '../../../electron/db/driver'
import { freshDb } from '../../helpers/db'
import { importBytes, importText } from './helpers'

function csv(rows: number): string {
  const out = ['单据号,销售时间,会员卡号,商品名称,数量,实收金额']
  for (let i = 0; i < rows; i++) out.push(`B${Math.floor(i / 2)},2024-03-0${1 + (Math.floor(i / 2) % 9)} 10:00,K${i % 700},商品${i % 50},1,${(i % 90) + 1}.00`)
  return out.join('\n') + '\n'
}

const schema = (db: Db) => db.prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name").all()

describe('a batch big enough to rebuild the indexes', () => {
  it('keeps every index, foreign keys on, and finds the same figures as the orders say', async () => {
    const db = freshDb()
    const before = schema(db)
    const result = await importText(db, csv(25_000))
    expect(result.rowsImported).toBe(25_000)
    expect(schema(db)).toEqual(before)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('foreign_key_check')).toEqual([])
    expect(db.prepare('SELECT count(*) FROM orders').pluck().get()).toBe(12_500)
    expect(db.prepare('SELECT sum(total_fen) FROM orders').pluck().get()).toBe(db.prepare('SELECT sum(amount_fen) FROM order_lines').pluck().get())
    // the rebuilt order index answers the per-order look-up
    expect(
      db
        .prepare('EXPLAIN QUERY PLAN SELECT * FROM order_lines WHERE order_id = 1')
        .all()
        .map((r) => (r as { detail: string }).detail)
        .join()
    ).toContain('order_lines_order')
  })

  it('brings the indexes back when the batch is cancelled midway', async () => {
    const db = freshDb()
    const before = schema(db)
    let asked = 0
    await expect(importBytes(db, 'big.csv', Buffer.from(csv(25_000)), {}, { shouldCancel: () => ++asked > 6 })).rejects.toMatchObject({ code: 'CANCELLED' })
    expect(schema(db)).toEqual(before)
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.prepare('SELECT count(*) FROM order_lines').pluck().get()).toBe(0)
  })
})
