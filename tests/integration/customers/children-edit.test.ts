/**
 * The customer file's edit form edits the children (issue 17, point 8): the list given
 * replaces the old one, unchanged children keep their rows (so the member list that brought
 * them still undoes them), one save is one undo, and a child needs a name or a birthday.
 * The customers come from tests/fixtures/imports/members-gbk.csv (K001 王芳 with 小宝 2022-05-06 and 二宝 2024-08-01).
 */
import { describe, expect, it } from 'vitest'
import { testContext, testDispatch } from '../../helpers/db'
import { importFixture } from '../imports/helpers'
import { undoBatch } from '../../../electron/services/imports/batches'
import type { CustomerDetail } from '../../../shared/schemas/customers'

async function shop() {
  const ctx = testContext('2026-11-23')
  const batch = await importFixture(ctx.db, 'members-gbk.csv')
  const call = testDispatch(ctx)
  async function ok<T>(channel: string, input: object): Promise<T> {
    const r = await call(channel, input)
    if (!r.ok) throw new Error(`${r.code}: ${r.message}`)
    return r.data as T
  }
  const k1 = ctx.db.prepare("SELECT customer_id FROM customer_identities WHERE kind = 'card' AND value = 'K001'").pluck().get() as number
  return { ctx, batch, call, ok, k1 }
}

const kids = (d: CustomerDetail) => d.profile.children.map(({ name, birthday, gender }) => ({ name, birthday, gender }))

describe('editing the children', () => {
  it('shows the imported children with their gender and ages on the shop date', async () => {
    const { ok, k1 } = await shop()
    const d = await ok<CustomerDetail>('customers.get', { id: k1 })
    // 2022-05-06 → 4 years 6 months on 2026-11-23; 2024-08-01 → 2 years 3 months
    expect(d.profile.children.map((c) => [c.name, c.birthday, c.gender, c.age])).toEqual([
      ['小宝', '2022-05-06', null, { years: 4, months: 6 }],
      ['二宝', '2024-08-01', null, { years: 2, months: 3 }]
    ])
  })

  it('adds, changes and removes children in one save, keeping the row of a child left as it was', async () => {
    const { ctx, ok, k1 } = await shop()
    const rowOf = (name: string) =>
      ctx.db.prepare('SELECT id, batch_id AS batch FROM customer_children WHERE customer_id = ? AND name = ?').get(k1, name) as {
        id: number
        batch: number | null
      }
    const before = rowOf('小宝')
    const d = await ok<CustomerDetail>('customers.update', {
      id: k1,
      patch: {
        children: [
          { name: '小宝', birthday: '2022-05-06', gender: null },
          { name: '三宝', birthday: '2026-10-01', gender: 'f' }
        ]
      }
    })
    expect(kids(d)).toEqual([
      { name: '小宝', birthday: '2022-05-06', gender: null },
      { name: '三宝', birthday: '2026-10-01', gender: 'f' }
    ])
    expect(rowOf('小宝')).toEqual(before)
    const history = ctx.db.prepare("SELECT old_value AS old, new_value AS new FROM change_history WHERE customer_id = ? AND field = 'children'").all(k1)
    expect(history).toEqual([
      {
        old: JSON.stringify([
          { name: '小宝', birthday: '2022-05-06', gender: null },
          { name: '二宝', birthday: '2024-08-01', gender: null }
        ]),
        new: JSON.stringify([
          { name: '小宝', birthday: '2022-05-06', gender: null },
          { name: '三宝', birthday: '2026-10-01', gender: 'f' }
        ])
      }
    ])
  })

  it('changes nothing and writes no history when the same children come back in another order', async () => {
    const { ctx, ok, k1 } = await shop()
    await ok('customers.update', {
      id: k1,
      patch: {
        children: [
          { name: '二宝', birthday: '2024-08-01', gender: null },
          { name: '小宝', birthday: '2022-05-06', gender: null }
        ]
      }
    })
    expect(ctx.db.prepare("SELECT count(*) FROM change_history WHERE field = 'children'").pluck().get()).toBe(0)
  })

  it('undoes the save as one change', async () => {
    const { ok, k1 } = await shop()
    await ok('customers.update', { id: k1, patch: { children: [], pointsBalance: 1300 } })
    const back = await ok<CustomerDetail>('customers.undoLastChange', { id: k1 })
    expect(kids(back)).toEqual([
      { name: '小宝', birthday: '2022-05-06', gender: null },
      { name: '二宝', birthday: '2024-08-01', gender: null }
    ])
    expect(back.profile.member.pointsBalance).toBe(1200)
  })

  it('refuses a child with neither a name nor a birthday, and a birthday that is not a date', async () => {
    const { call, k1 } = await shop()
    expect(await call('customers.update', { id: k1, patch: { children: [{ name: null, birthday: null, gender: 'm' }] } })).toMatchObject({
      ok: false,
      code: 'BAD_INPUT'
    })
    expect(await call('customers.update', { id: k1, patch: { children: [{ name: '小宝', birthday: '2022-02-30', gender: null }] } })).toMatchObject({
      ok: false,
      code: 'BAD_INPUT'
    })
  })

  it('keeps the customer and the child staff entered when the member list that created them is undone', async () => {
    const { ctx, ok, batch, k1 } = await shop()
    // 小宝's gender is new: staff's row replaces the list's row, 二宝 (the list's) is removed
    await ok('customers.update', { id: k1, patch: { children: [{ name: '小宝', birthday: '2022-05-06', gender: 'm' }] } })
    undoBatch(ctx.db, batch.batchId, '2026-11-23T12:00:00')
    // later data (staff's child) refers to K001, so the undo keeps the customer, as it keeps one with later sales
    expect(ctx.db.prepare('SELECT name, birthday, gender, batch_id AS batch FROM customer_children WHERE customer_id = ?').all(k1)).toEqual([
      { name: '小宝', birthday: '2022-05-06', gender: 'm', batch: null }
    ])
  })
})
