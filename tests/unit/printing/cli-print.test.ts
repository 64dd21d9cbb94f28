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

describe('the print command', () => {
  it('lists templates as [{id, name, kind, sheet}] and writes a self-contained document for a batch', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-print-'))
    const db = join(dir, 'shop.db')
    expect((await cli(['demo', '--db', db, '--customers', '30', '--seed', '5', '--json'])).code).toBe(0)
    const list = JSON.parse((await cli(['print', 'templates', '--db', db, '--json'])).stdout)
    expect(list[0]).toEqual({ id: 1, name: 'A6 售后卡', kind: 'insert', sheet: 'a6' })
    expect(list.filter((t: { kind: string }) => t.kind === 'label')).toHaveLength(6)

    const out = join(dir, 'labels.html')
    const r = await cli(['print', '--db', db, '--template', '4', '--batch', '2', '--limit', '25', '--start-at', '2', '--out', out, '--json'])
    expect(r.code).toBe(0)
    const data = JSON.parse(r.stdout)
    expect(data).toMatchObject({ out, cards: 25, pages: 2, codesIssued: 0, sheet: 'avery-l7160' })
    const html = readFileSync(out, 'utf8')
    expect(html).toContain('@page { size: 210mm 297mm; margin: 0 }')
    expect(html).not.toMatch(/<script|<link|src="(?!data:)/)
  })

  it('issues codes for a real run, none with --preview, and redeems one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-print-'))
    const db = join(dir, 'shop.db')
    await cli(['demo', '--db', db, '--customers', '20', '--seed', '5', '--json'])
    const preview = JSON.parse(
      (await cli(['print', '--db', db, '--template', '1', '--stage', 'active', '--preview', '--out', join(dir, 'p.html'), '--json'])).stdout
    )
    expect(preview.codesIssued).toBe(0)
    const real = JSON.parse((await cli(['print', '--db', db, '--template', '1', '--stage', 'active', '--out', join(dir, 'r.html'), '--json'])).stdout)
    expect(real.codesIssued).toBe(real.cards)
    const code = real.cardList[0].code as string
    const redeemed = JSON.parse((await cli(['print', 'redeem', '--db', db, '--code', code, '--json'])).stdout)
    expect(redeemed).toMatchObject({ code, alreadyRedeemed: false, redeemedAt: '2026-11-23' })
  })

  it('refuses a run without a target', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eg-print-'))
    const r = await cli(['print', '--db', join(dir, 's.db'), '--template', '1', '--out', join(dir, 'x.html'), '--json'])
    expect(r.code).toBe(2)
    expect(JSON.parse(r.stdout).error.message).toMatch(/请选择一个打印对象/)
  })
})
