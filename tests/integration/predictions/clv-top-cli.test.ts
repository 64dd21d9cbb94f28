import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/run-cli'

const CSV = join(__dirname, '../../fixtures/scores/top-shop.csv')

async function cli(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {}, version: '0.0.0-test' })
  return { code, stdout, stderr }
}

describe('clv top', () => {
  const db = join(mkdtempSync(join(tmpdir(), 'eg-clv-top-')), 'shop.db')
  beforeAll(async () => {
    expect((await cli(['import', CSV, '--db', db, '--json'])).code).toBe(0)
  })

  it('answers the documented keys for the customers worth most as of --as-of, best first', async () => {
    const r = await cli(['clv', 'top', '--db', db, '--as-of', '2026-06-30', '--horizon', '90', '--limit', '2', '--json'])
    expect(r.code).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(out).toHaveLength(2)
    expect(Object.keys(out[0])).toEqual(['ref', 'name', 'expectedPurchases', 'expectedValueFen', 'pAlive', 'nextPurchase', 'lastPurchase', 'model'])
    expect(out.map((c: { name: string }) => c.name)).toEqual(['王星', '李稳'])
    expect(out[0]).toMatchObject({ ref: '1001', lastPurchase: '2026-06-27', model: 'mbgcnbd' })
    expect(Object.keys(out[0].nextPurchase)).toEqual(['date', 'from', 'to'])
    // why that model goes to stderr with the other words
    expect(r.stderr).toContain('MBG/CNBD-k 预测得最准')
  })

  it('scores with the model named by --model and refuses an unknown one', async () => {
    const r = await cli(['clv', 'top', '--db', db, '--as-of', '2026-06-30', '--limit', '1', '--model', 'bgnbd', '--json'])
    expect(r.code).toBe(0)
    expect(JSON.parse(r.stdout)[0]).toMatchObject({ name: '王星', model: 'bgnbd' })
    const bad = await cli(['clv', 'top', '--db', db, '--model', 'magic', '--json'])
    expect(bad.code).toBe(2)
  })

  it('refuses a horizon that is not a whole number of days as bad usage', async () => {
    const r = await cli(['clv', 'top', '--db', db, '--horizon', 'soon', '--json'])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout).error.code).toBe('BAD_INPUT')
  })
})
