import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/run-cli'
import { openNodeDatabase } from '../../../electron/services/app/open-node-database'
import { parseGiftFlag } from '../../../electron/cli/commands/campaign'
import { buildShop, type ShopCustomer } from './build-shop'

async function cli(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {}, version: '0.0.0-test' })
  return { code, stdout, stderr }
}

async function shopFile(customers: ShopCustomer[]): Promise<{ path: string; ids: Map<string, number> }> {
  const path = join(mkdtempSync(join(tmpdir(), 'eg-campaign-')), 'shop.db')
  const db = openNodeDatabase(path)
  const ids = await buildShop(db, customers)
  db.close()
  return { path, ids }
}

const sleepers = (n: number): ShopCustomer[] =>
  Array.from({ length: n }, (_, i) => ({
    card: `VIP${String(i).padStart(4, '0')}`,
    name: `顾客${i}`,
    orders: ['2026-03-01', '2026-05-01'],
    amountFen: 10_000 + i * 100
  }))

describe('campaign CLI', () => {
  it('plans with repeated --gift flags and answers the documented JSON', async () => {
    const { path } = await shopFile(sleepers(30))
    const r = await cli([
      'campaign',
      'plan',
      '--db',
      path,
      '--suggestion',
      'sleeping',
      '--budget-fen',
      '30000',
      '--gift',
      'TEA:1000:5',
      '--gift',
      'WIPES:600',
      '--postage-fen',
      '800',
      '--holdout',
      '0.2',
      '--seed',
      'S1',
      '--as-of',
      '2026-11-23',
      '--json'
    ])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out)).toEqual(['campaignId', 'mailed', 'control', 'costFen', 'excluded'])
    expect(out.campaignId).toBe(1)
    // 30,000 fen buys 21 gifts at 1,400 (WIPES is cheaper and nobody's categories match); a pool of 26 holds 5 controls (round(26 × 0.2)) and 21 mailed
    expect(out.mailed).toHaveLength(21)
    expect(out.control).toHaveLength(5)
    expect(out.costFen).toBe(29_400)
    expect(out.mailed[0]).toEqual({ ref: 'VIP0029', name: '顾客29', giftSku: 'WIPES', costFen: 1400 })
    expect(Object.keys(out.control[0])).toEqual(['ref', 'name'])
    expect(out.excluded).toEqual({})
    expect(r.stderr).toMatch(/对照组只有 5 人/)
  })

  it('saves nothing on --dry-run and refuses a malformed --gift', async () => {
    const { path } = await shopFile(sleepers(5))
    const dry = JSON.parse(
      (
        await cli([
          'campaign',
          'plan',
          '--db',
          path,
          '--suggestion',
          'sleeping',
          '--budget-fen',
          '9000',
          '--gift',
          'TEA:1000',
          '--holdout',
          '0',
          '--as-of',
          '2026-11-23',
          '--dry-run',
          '--json'
        ])
      ).stdout
    )
    expect(dry).toMatchObject({ campaignId: null, costFen: 5000 })
    const bad = await cli(['campaign', 'plan', '--db', path, '--suggestion', 'sleeping', '--budget-fen', '9000', '--gift', 'TEA:ten', '--json'])
    expect(bad.code).toBe(2)
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: { code: 'BAD_INPUT' } })
  })

  it('mails, exports, and reports results after later sales as the documented JSON', async () => {
    const { path } = await shopFile(sleepers(40))
    const plan = JSON.parse(
      (
        await cli([
          'campaign',
          'plan',
          '--db',
          path,
          '--suggestion',
          'sleeping',
          '--budget-fen',
          '100000',
          '--gift',
          'TEA:1000',
          '--holdout',
          '0.25',
          '--seed',
          '9',
          '--as-of',
          '2026-11-23',
          '--json'
        ])
      ).stdout
    )
    expect(plan.mailed).toHaveLength(30)
    expect(plan.control).toHaveLength(10)
    expect((await cli(['campaign', 'mail', String(plan.campaignId), '--date', '2026-11-24', '--as-of', '2026-11-24', '--db', path, '--json'])).code).toBe(0)
    const csv = join(mkdtempSync(join(tmpdir(), 'eg-courier-')), 'courier.csv')
    const exp = JSON.parse((await cli(['campaign', 'export', String(plan.campaignId), '--out', csv, '--db', path, '--json'])).stdout)
    expect(exp).toMatchObject({ file: csv, rows: 30 })
    expect(readFileSync(csv).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]))
    // later sales: 12 of the mailed and 2 of the controls buy once each for 100 yuan
    const db = openNodeDatabase(path)
    const buyers = [...plan.mailed.slice(0, 12), ...plan.control.slice(0, 2)].map((m: { ref: string }) => ({ card: m.ref, orders: ['2026-12-05'] }))
    await buildShop(db, buyers, 'december.csv')
    db.close()
    const r = await cli(['campaign', 'results', String(plan.campaignId), '--db', path, '--as-of', '2027-01-31', '--window', '30', '--json'])
    expect(r.code).toBe(0)
    const res = JSON.parse(r.stdout)
    expect(Object.keys(res)).toEqual(['treated', 'control', 'upliftRate', 'ci95', 'incrementalRevenueFen', 'costFen', 'roi'])
    expect(res.treated).toEqual({ n: 30, buyers: 12, revenueFen: 120_000 })
    expect(res.control).toEqual({ n: 10, buyers: 2, revenueFen: 20_000 })
    expect(res.upliftRate).toBeCloseTo(0.2, 12) // 12/30 − 2/10
    // (120,000/30 − 20,000/10) × 30 = 60,000; cost 30 × 1,000; ROI (60,000 − 30,000)/30,000 = 1
    expect(res.incrementalRevenueFen).toBe(60_000)
    expect(res.costFen).toBe(30_000)
    expect(res.roi).toBe(1)
    expect(res.ci95[0]).toBeLessThan(0)
    expect(res.ci95[1]).toBeGreaterThan(0.2)
  })
})

describe('parseGiftFlag', () => {
  it.each([
    ['TEA:1500', { sku: 'TEA', costFen: 1500 }],
    ['TEA:1500:20', { sku: 'TEA', costFen: 1500, stock: 20 }]
  ])('reads %s', (raw, gift) => expect(parseGiftFlag(raw)).toEqual(gift))
  it.each(['TEA', 'TEA:', ':100', 'TEA:1.5', 'TEA:100:x', 'TEA:1:2:3'])('refuses %s', (raw) =>
    expect(() => parseGiftFlag(raw)).toThrow(expect.objectContaining({ code: 'BAD_INPUT', key: 'cliGiftFlag', params: { value: raw } }))
  )
})
