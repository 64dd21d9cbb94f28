/**
 * Gift mailings in Chromium over the browser host: on the demo shop, add gifts, plan a
 * mailing in the wizard (cut line, holdout), save it, download the courier file in UTF-8 and
 * GBK, mark it mailed; then, for a campaign planned in the summer, import later sales and
 * see treated against control with the same figures the CLI reports.
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import iconv from 'iconv-lite'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'

const run = promisify(execFile)
const root = resolve(__dirname, '../..')
const header = '收件人,手机,省,市,区,详细地址,物品,重量,备注'

/** The CLI with an as-of date of our choosing (the fixture's helper pins it to the host's today). */
async function cliAt<T>(dbPath: string, asOf: string, args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [join(root, 'out/main/cli.js'), ...args, '--db', dbPath, '--as-of', asOf, '--json'], { cwd: root })
  return JSON.parse(stdout) as T
}

function collectErrors(page: Page): string[] {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`))
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().includes("'frame-ancestors' is ignored")) errors.push(`console: ${m.text()}`)
  })
  return errors
}

async function addGift(page: Page, g: { sku: string; name: string; cost: string; stock: string; weight: string; suits: string }) {
  await page.getByTestId('gift-sku').fill(g.sku)
  await page.getByTestId('gift-name').fill(g.name)
  await page.getByTestId('gift-cost').fill(g.cost)
  await page.getByTestId('gift-stock').fill(g.stock)
  await page.getByTestId('gift-weight').fill(g.weight)
  await page.getByTestId('gift-suits').fill(g.suits)
  await page.getByTestId('gift-save').click()
  await expect(page.getByTestId('gift-row').filter({ hasText: g.sku })).toBeVisible()
}

test('plans a gift mailing in the wizard, exports the courier file and marks it mailed', async ({ page, app }) => {
  test.setTimeout(120_000)
  const errors = collectErrors(page)
  await app.cli(['demo', '--customers', '800'])
  await page.goto(app.url)
  await page.getByTestId('nav-campaigns').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('礼品寄送')
  await expect(page.getByTestId('campaign-list')).toContainText('还没有活动')

  await addGift(page, { sku: 'TEA4', name: '新茶四盒装', cost: '12', stock: '100', weight: '350', suits: '奶粉' })
  await addGift(page, { sku: 'WIPES', name: '湿巾小样', cost: '6', stock: '8', weight: '120', suits: '纸尿裤、洗护' })

  await page.getByTestId('new-campaign').click()
  const wizard = page.getByTestId('campaign-wizard')
  await page.getByTestId('suggestion-sleeping').check()
  await screenshot(page, 'campaigns-wizard-target')
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('budget').fill('600')
  await page.getByTestId('per-customer').fill('25')
  await page.getByTestId('postage').fill('8')
  await page.getByTestId('wizard-next').click()
  await expect(page.getByTestId('exclusion-summary')).toContainText('候选', { timeout: 30_000 })
  await page.getByTestId('wizard-next').click()
  await expect(page.getByTestId('cut-line')).toContainText('预算线')
  await expect(page.getByTestId('pool-row').first()).toBeVisible()
  await expect(page.getByTestId('wizard-next')).not.toHaveAttribute('aria-busy', 'true')
  await expect(page.getByTestId('missed-row').first()).toBeVisible()
  await screenshot(page, 'campaigns-wizard-cut-line')

  await page.getByTestId('wizard-next').click()
  await page.getByTestId('holdout').fill('20')
  await page.getByTestId('holdout').press('Tab')
  await expect(page.getByTestId('plan-summary')).toContainText('对照')
  await expect(page.getByTestId('plan-detectable')).toContainText('才能确定是礼品起了作用')
  await expect(page.getByTestId('scoring-mode')).toContainText('排名依据')
  await expect(page.getByTestId('wizard-next')).not.toHaveAttribute('aria-busy', 'true')
  await screenshot(page, 'campaigns-wizard-holdout')
  await page.getByTestId('wizard-next').click()
  await page.getByTestId('campaign-name').fill('冬季回访小礼物')
  await page.getByTestId('wizard-save').click()
  await expect(wizard).toHaveCount(0, { timeout: 30_000 })

  const detail = page.getByTestId('campaign-detail')
  await expect(detail).toContainText('冬季回访小礼物')
  await expect(page.getByTestId('campaign-row')).toHaveCount(1)
  await expect(page.getByTestId('pick-list')).toContainText('新茶四盒装')
  await screenshot(page, 'campaigns-detail')

  // courier file, UTF-8 with a BOM
  const [utf8] = await Promise.all([page.waitForEvent('download'), page.getByTestId('courier-utf8').click()])
  expect(utf8.suggestedFilename()).toMatch(/^campaign-1-courier-utf8\.csv$/)
  const bytes = readFileSync(await utf8.path())
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const lines = bytes.subarray(3).toString('utf8').trimEnd().split('\r\n')
  expect(lines[0]).toBe(header)
  const treatedTile = await detail.locator('.stat__value').first().textContent()
  expect(lines.length - 1).toBe(Number(treatedTile))
  expect(lines.slice(1).every((l) => l.endsWith(',冬季回访小礼物'))).toBe(true)
  // and GBK, the same text
  const [gbk] = await Promise.all([page.waitForEvent('download'), page.getByTestId('courier-gbk').click()])
  expect(
    iconv
      .decode(readFileSync(await gbk.path()), 'gbk')
      .trimEnd()
      .split('\r\n')
  ).toEqual(lines)

  await page.getByTestId('mark-mailed').click()
  await expect(page.getByTestId('mailed-on')).toContainText('2026-11-23', { timeout: 30_000 })
  await expect(page.getByTestId('results-row')).toHaveCount(3, { timeout: 30_000 })
  await expect(page.getByTestId('campaign-row').first()).toContainText('2026-11-23')
  expect(errors).toEqual([])
})

test('shows treated against control after a later sales import', async ({ page, app }) => {
  test.setTimeout(120_000)
  const errors = collectErrors(page)
  await app.cli(['demo', '--customers', '800'])
  // planned in the summer, mailed the next day
  const plan = await cliAt<{ campaignId: number; mailed: { ref: string }[]; control: { ref: string }[] }>(app.dbPath, '2026-08-01', [
    'campaign',
    'plan',
    '--suggestion',
    'sleeping',
    '--budget-fen',
    '60000',
    '--gift',
    'TEA:1200',
    '--postage-fen',
    '800',
    '--holdout',
    '0.3',
    '--seed',
    'e2e',
    '--name',
    '八月回访'
  ])
  await cliAt(app.dbPath, '2026-08-02', ['campaign', 'mail', String(plan.campaignId), '--date', '2026-08-02'])
  type Results = { treated: { n: number; buyers: number; revenueFen: number }; control: { n: number; buyers: number; revenueFen: number }; upliftRate: number }
  const before = await app.cli<Results>(['campaign', 'results', String(plan.campaignId), '--window', '30'])

  // a later POS export: eight of the mailed (with member cards) and one control come back; chosen
  // among those who had not bought since the mailing, since the demo's own sales run on to November
  const list = await app.cli<{ rows: { memberCard: string | null; lastPurchase: string | null }[] }>(['customers', '--limit', '1000'])
  const quiet = new Set(list.rows.filter((r) => r.memberCard && r.lastPurchase && r.lastPurchase < '2026-08-02').map((r) => r.memberCard))
  const cards = (refs: { ref: string }[]) => refs.map((m) => m.ref).filter((r) => r.startsWith('VIP') && quiet.has(r))
  const comeBack = [...cards(plan.mailed).slice(0, 8), ...cards(plan.control).slice(0, 1)]
  expect(comeBack.length).toBe(9)
  const file = join(mkdtempSync(join(tmpdir(), 'eg-later-')), 'pos-2026-08.csv')
  writeFileSync(
    file,
    [
      '单据号,销售时间,会员卡号,商品名称,数量,实收金额',
      ...comeBack.map((card, i) => `L${1000 + i},2026-08-${String(10 + i).padStart(2, '0')} 15:30:00,${card},新茶四盒装,1,128.00`)
    ].join('\r\n') + '\r\n'
  )
  await app.cli(['import', file])
  const after = await app.cli<Results>(['campaign', 'results', String(plan.campaignId), '--window', '30'])
  expect(after.treated.buyers).toBe(before.treated.buyers + 8)
  expect(after.control.buyers).toBe(before.control.buyers + 1)

  await page.goto(app.url)
  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('campaign-row').filter({ hasText: '八月回访' }).click()
  await expect(page.getByTestId('mailed-on')).toContainText('2026-08-02')
  const row30 = page.getByTestId('results-row').first()
  await expect(row30).toContainText(`${after.treated.buyers}/${after.treated.n}`)
  await expect(row30).toContainText(`${after.control.buyers}/${after.control.n}`)
  await expect(page.getByTestId('campaign-results').locator('canvas')).toBeVisible()
  await expect(page.getByTestId('uplift-row')).toHaveCount(3)
  await screenshot(page, 'campaigns-results')
  expect(errors).toEqual([])
})
