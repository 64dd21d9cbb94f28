/**
 * What the walk-through of a real shop found (issue 18 point 6): each test here failed before
 * its fix.
 */
import { execFile } from 'node:child_process'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import { test, expect, screenshot } from './fixtures'
import { journeyFile } from '../integration/journey/journey-files'

const run = promisify(execFile)
const root = resolve(__dirname, '../..')

/** The CLI with an as-of date of our choosing (the fixture's helper pins it to the host's today). */
async function cliAt<T>(dbPath: string, asOf: string, args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [join(root, 'out/main/cli.js'), ...args, '--db', dbPath, '--as-of', asOf, '--json'], { cwd: root })
  return JSON.parse(stdout) as T
}

test('a file dropped on the import page’s own drop box clears the full-window overlay', async ({ page, app }) => {
  await page.goto(app.url)
  await page.goto(`${app.url}#/import`)
  const zone = page.getByTestId('import-drop-zone')
  await expect(zone).toBeVisible()
  const transfer = await page.evaluateHandle(() => {
    // runs in the page; this file is type-checked without the DOM library
    const dt = new (globalThis as unknown as { DataTransfer: new () => { items: { add(f: File): void } } }).DataTransfer()
    dt.items.add(new File(['卡号,金额\n1001,99.00\n'], 'pos-export.csv', { type: 'text/csv' }))
    return dt
  })
  await page.dispatchEvent('h1', 'dragenter', { dataTransfer: transfer })
  await page.dispatchEvent('[data-testid="import-drop-zone"]', 'dragover', { dataTransfer: transfer })
  await expect(page.getByTestId('drop-overlay')).toBeVisible()
  await page.dispatchEvent('[data-testid="import-drop-zone"]', 'drop', { dataTransfer: transfer })
  await expect(page.getByTestId('drop-overlay')).toHaveCount(0)
  await screenshot(page, 'walkthrough-drop-zone-cleared')
})

test('the customer list counts the demo shop loaded after the list was first opened', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByTestId('nav-customers').click()
  await expect(page.getByTestId('customer-total')).toHaveText('共 0 位顾客')
  await page.getByTestId('nav-overview').click()
  await page.getByTestId('load-demo').click()
  await expect(page.getByTestId('overview-empty')).toHaveCount(0, { timeout: 60_000 })
  await page.getByTestId('nav-customers').click()
  await expect(page.getByTestId('customer-total')).toHaveText('共 800 位顾客')
  await screenshot(page, 'walkthrough-customers-after-demo')
})

test('Predictions has its own place in the sidebar', async ({ page, app }) => {
  await page.goto(app.url)
  await page.getByTestId('nav-predictions').click()
  await expect(page).toHaveURL(/#\/predictions$/)
  await expect(page.getByTestId('nav-predictions')).toHaveAttribute('aria-current', 'page')
  await screenshot(page, 'walkthrough-predictions-sidebar')
})

test('an error notice pushes the page down instead of covering it, and goes away after a while', async ({ page, app }) => {
  await page.clock.install()
  // opened without the token every call fails: one 访问被拒绝 notice
  await page.goto(app.origin + '/#/settings')
  const notice = page.getByTestId('notices').getByRole('alert')
  await expect(notice).toContainText('访问被拒绝')
  const noticeBox = (await page.getByTestId('notices').boundingBox())!
  const mainBox = (await page.locator('#main').boundingBox())!
  expect(mainBox.y).toBeGreaterThanOrEqual(noticeBox.y + noticeBox.height - 0.5)
  await screenshot(page, 'walkthrough-notice-in-flow')
  await page.clock.runFor(13_000)
  await expect(notice).toHaveCount(0)
})

test('「打印地址标签和卡片」 on a campaign opens the cards page with that campaign to print for', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300'])
  const plan = await cliAt<{ campaignId: number }>(app.dbPath, '2026-08-01', [
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
    '--seed',
    'e2e',
    '--name',
    '八月回访'
  ])
  await page.goto(app.url)
  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('campaign-row').filter({ hasText: '八月回访' }).click()
  await page.getByTestId('print-cards').click()
  await expect(page).toHaveURL(new RegExp(`#/cards\\?campaign=${plan.campaignId}$`))
  await expect(page.getByTestId('target-kind')).toHaveValue('campaign')
  await expect(page.getByTestId('target-value')).toHaveValue(String(plan.campaignId))
  await screenshot(page, 'walkthrough-cards-for-campaign')
})

test('the month still running is marked on the charts by month, not drawn as if complete', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300'])
  await page.goto(app.url)
  // the e2e shop's today is 2026-11-23: November runs to day 23
  await expect(page.getByTestId('chart-revenue').locator('canvas')).toHaveAttribute('aria-label', /最后一个月还没过完，只算到 23 日/)
  await screenshot(page, 'walkthrough-overview-partial-month')
  await page.getByTestId('nav-segments').click()
  await expect(page.getByTestId('chart-repeat-rate').locator('canvas')).toHaveAttribute('aria-label', /最后一个月还没过完，只算到 23 日/)
  await screenshot(page, 'walkthrough-segments-partial-month')
})

test('the customer list’s tier, ladder and last-purchase columns hold their English words whole', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300'])
  await page.setViewportSize({ width: 1366, height: 900 })
  await page.goto(app.url)
  await page.getByRole('button', { name: 'English' }).click()
  await page.getByTestId('nav-customers').click()
  await expect(page.getByTestId('customer-total')).toHaveText('300 customers')
  const table = page.getByTestId('customer-table')
  await expect(table.locator('.col-tier[role=gridcell]').first()).not.toBeEmpty()
  // a cell whose text is wider than the cell is cut off with an ellipsis
  const cut = await table
    .locator('.col-tier, .col-ladder, .col-last')
    .evaluateAll((cells) => cells.filter((c) => c.scrollWidth > c.clientWidth).map((c) => (c.textContent ?? '').trim()))
  expect(cut).toEqual([])
  await screenshot(page, 'walkthrough-customers-english-columns')
})

test('a customer file from a shop’s files says where each empty field comes from instead of a bare dash', async ({ page, app }) => {
  await app.cli(['import', journeyFile('members.csv')])
  await app.cli(['import', journeyFile('pos-2026-09.csv')])
  // 谢丹 (M024): the member list gives her birthday and gender, but no address, age band, child, referrer or tag
  const found = await app.cli<{ rows: { id: number }[] }>(['customers', '--search', 'M024'])
  await page.goto(`${app.url}#/customers/${found.rows[0].id}`)
  const profile = page.getByTestId('customer-profile')
  await expect(profile.getByTestId('empty-address')).toHaveText('未填：会员资料的“地址”列或网店订单的收货地址，或在编辑档案里填写')
  await expect(profile.getByTestId('empty-region')).toHaveText('未知：从地址里读出省、市、区')
  await expect(profile.getByTestId('empty-ageBand')).toHaveText('年龄段未填（会员资料的“年龄段”列）')
  await expect(profile.getByTestId('empty-children')).toContainText('宝宝姓名')
  await expect(profile.getByTestId('empty-referredBy')).toContainText('推荐人')
  await expect(profile.getByTestId('empty-tags')).toContainText('会员标签')
  // no product list yet: the lines have no category, and the figures say which file gives one
  await expect(page.getByTestId('empty-categories')).toHaveText('未归类：导入商品资料（“商品分类”列），买过的商品按编码、条码或名称归类')
  // what the member list gave is shown, not explained
  await expect(profile.getByTestId('empty-gender')).toHaveCount(0)
  await expect(profile.getByTestId('empty-birthday')).toHaveCount(0)
  await expect(profile).toContainText('1994-07-14')
  await screenshot(page, 'walkthrough-customer-empty-fields')
})

test('an old database’s one-batch demo (format demo) can be undone from the import history', async ({ page, app }) => {
  const [batch] = await app.cli<{ batchId: number }[]>(['import', journeyFile('pos-2026-09.csv')])
  // no file makes a 'demo' batch any more: the old demo wrote one straight through the ledger
  await run(
    process.execPath,
    [
      '-e',
      `const D = require('better-sqlite3'); const db = new D(process.argv[1]); db.prepare("UPDATE import_batches SET format = 'demo' WHERE id = ?").run(Number(process.argv[2])); db.close()`,
      app.dbPath,
      String(batch.batchId)
    ],
    { cwd: root }
  )
  await page.goto(`${app.url}#/import`)
  await page.getByTestId(`undo-${batch.batchId}`).click()
  await page.getByRole('dialog').getByRole('button', { name: '撤销导入' }).click()
  await expect(page.getByTestId(`batch-${batch.batchId}`)).toContainText('已撤销')
  expect((await app.cli<{ total: number }>(['customers'])).total).toBe(0)
  await screenshot(page, 'walkthrough-undo-old-demo-batch')
})

test('a gift mailing marked mailed today shows no results yet, not 0 buyers and an ROI of −100 %', async ({ page, app }) => {
  for (const f of ['members.csv', 'products.csv', 'pos-2026-09.csv']) await app.cli(['import', journeyFile(f)])
  await app.cli(['segments', 'create', '--name', '浙江客户', '--rule', JSON.stringify({ field: 'region', op: '=', value: '浙江省' })])
  await cliAt(app.dbPath, '2026-10-01', [
    'campaign',
    'plan',
    '--segment',
    '浙江客户',
    '--budget-fen',
    '40000',
    '--gift',
    'TOWEL:1500',
    '--postage-fen',
    '800',
    '--holdout',
    '0.2',
    '--seed',
    '7',
    '--name',
    '国庆小礼物'
  ])
  await page.goto(app.url)
  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('campaign-row').filter({ hasText: '国庆小礼物' }).click()
  // the shop's today: not a day observed after it
  await page.getByTestId('mail-date').fill('2026-11-23')
  await page.getByTestId('mark-mailed').click()
  await expect(page.getByTestId('mailed-on')).toContainText('2026-11-23', { timeout: 30_000 })
  await expect(page.getByTestId('results-not-yet')).toHaveText('寄出后还没有过去一天：导入寄出之后的销售，这里才会有结果。')
  await expect(page.getByTestId('results-roi')).toHaveText(['—', '—', '—'])
  await expect(page.getByTestId('uplift-row').first()).toContainText('还没有结果')
  await screenshot(page, 'walkthrough-campaign-no-results-yet')
})

test('the demo shop can be removed from the settings page too', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300'])
  await page.goto(`${app.url}#/settings`)
  await page.getByTestId('remove-demo').click()
  await page.getByRole('dialog').getByRole('button', { name: '移除示例数据' }).click()
  await expect(page.getByTestId('demo-banner')).toHaveCount(0, { timeout: 60_000 })
  expect((await app.cli<{ total: number }>(['customers'])).total).toBe(0)
  await screenshot(page, 'walkthrough-settings-demo-removed')
})
