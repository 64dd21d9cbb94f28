import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/run-cli'

async function cli(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli([...args, '--as-of', '2026-11-23'], { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {}, version: '0.0.0-test' })
  return { code, stdout, stderr }
}

describe('the customers command', () => {
  it('lists, searches, exports and erases by member card', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-customers-'))
    const db = join(dir, 'shop.db')
    expect((await cli(['demo', '--db', db, '--customers', '60', '--seed', '3'])).code).toBe(0)

    const all = JSON.parse((await cli(['customers', '--db', db, '--limit', '5', '--json'])).stdout)
    expect(all.total).toBe(60)
    expect(all.rows).toHaveLength(5)
    expect(Object.keys(all.rows[0])).toEqual([
      'id',
      'name',
      'phone',
      'memberCard',
      'tier',
      'ladder',
      'lifecycle',
      'orders',
      'spendFen',
      'lastPurchase',
      'region',
      'tags',
      'channels'
    ])

    const withCard = all.rows.find((r: { memberCard: string | null }) => r.memberCard)
    const found = JSON.parse((await cli(['customers', '--db', db, '--search', withCard.memberCard, '--json'])).stdout)
    expect(found.rows[0].id).toBe(withCard.id)

    const file = join(dir, 'out.csv')
    const exported = JSON.parse((await cli(['customers', 'export', file, '--db', db, '--json'])).stdout)
    expect(exported).toEqual({ rows: 60, path: file })
    expect(readFileSync(file, 'utf8').split('\r\n')).toHaveLength(62)

    const erased = JSON.parse((await cli(['customers', 'erase', withCard.memberCard, '--db', db, '--json'])).stdout)
    // all 15 of its order rows stay in the figures as anonymous totals (the list's 13 counts purchases only)
    expect(withCard.orders).toBe(13)
    expect(erased).toEqual({ id: withCard.id, erasedAt: '2026-11-23', orders: 15, matched: 'card' })
    expect(JSON.parse((await cli(['customers', '--db', db, '--json'])).stdout).total).toBe(59)
    const again = await cli(['customers', 'erase', withCard.memberCard, '--db', db, '--json'])
    expect(again.code).toBe(1)
    expect(JSON.parse(again.stdout)).toMatchObject({ error: { code: 'NOT_FOUND', key: 'customerRefNotFound', params: { ref: withCard.memberCard } } })
  })
})

describe('customers edit', () => {
  it("edits a member list's customer by card, children included, through the contract", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-customers-edit-'))
    const db = join(dir, 'shop.db')
    const fixture = join(__dirname, '../../fixtures/imports/members-gbk.csv')
    expect((await cli(['import', fixture, '--db', db, '--json'])).code).toBe(0)
    const patch = JSON.stringify({ pointsBalance: 1500, children: [{ name: '小宝', birthday: '2022-05-06', gender: 'm' }] })
    const r = await cli(['customers', 'edit', 'K001', '--patch', patch, '--db', db, '--json'])
    expect(r.code).toBe(0)
    const d = JSON.parse(r.stdout)
    expect(d.profile.member.pointsBalance).toBe(1500)
    expect(d.profile.children.map((c: { name: string; gender: string }) => [c.name, c.gender])).toEqual([['小宝', 'm']])
    const bad = await cli(['customers', 'edit', 'K001', '--patch', '{"children":[{"name":null,"birthday":null,"gender":null}]}', '--db', db, '--json'])
    // a patch the contract refuses is bad usage (exit 2), as any refused input
    expect(bad.code).toBe(2)
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'BAD_INPUT' } })
  })
})
