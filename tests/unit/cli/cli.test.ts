import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli } from '../../../electron/cli/run-cli'

async function cli(args: string[]) {
  let stdout = ''
  let stderr = ''
  const code = await runCli(args, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s), env: {}, version: '0.0.0-test' })
  return { code, stdout, stderr }
}

const tempDb = () => join(mkdtempSync(join(tmpdir(), 'eg-cli-')), 'shop.db')

describe('the command line', () => {
  it('loads the demo shop and reports stats as stable JSON', async () => {
    const db = tempDb()
    const demo = await cli(['demo', '--db', db, '--customers', '40', '--seed', '3', '--as-of', '2026-11-23', '--json'])
    expect(demo.code).toBe(0)
    const d = JSON.parse(demo.stdout)
    const stats = await cli(['stats', '--db', db, '--as-of', '2026-11-23', '--json'])
    const s = JSON.parse(stats.stdout)
    expect(Object.keys(s)).toEqual(['customers', 'orders', 'lines', 'revenueFen', 'lifecycle', 'ladder', 'withBirthday', 'lunarBirthdays'])
    expect(s).toMatchObject({ customers: 40, orders: d.orders, lines: d.lines, revenueFen: d.revenueFen })
    const lc = s.lifecycle
    expect(lc.active + lc.silent + lc.sleeping + lc.drifting + lc.lost).toBe(40)
  })

  it('gives the same shop for the same seed', async () => {
    const a = JSON.parse((await cli(['demo', '--db', tempDb(), '--customers', '25', '--seed', '9', '--as-of', '2026-11-23', '--json'])).stdout)
    const b = JSON.parse((await cli(['demo', '--db', tempDb(), '--customers', '25', '--seed', '9', '--as-of', '2026-11-23', '--json'])).stdout)
    expect(a).toEqual(b)
  })

  it('exits 2 with a clear message for a bad date', async () => {
    const r = await cli(['stats', '--db', tempDb(), '--as-of', '2026-13-01', '--json'])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: 'BAD_INPUT' } })
    expect(r.stderr).toMatch(/YYYY-MM-DD/)
  })

  it('exits 2 for an unknown command and prints usage', async () => {
    const r = await cli(['frobnicate'])
    expect(r.code).toBe(2)
    expect(r.stdout).toMatch(/usage: npm run cli/)
  })

  it('exits 1 when the demo would overwrite real sales', async () => {
    const db = tempDb()
    await cli(['demo', '--db', db, '--customers', '5', '--as-of', '2026-11-23'])
    const again = await cli(['demo', '--db', db, '--customers', '5', '--as-of', '2026-11-23', '--json'])
    expect(again.code).toBe(1)
    expect(JSON.parse(again.stdout).error.code).toBe('CONFLICT')
  })
})
