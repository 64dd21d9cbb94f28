/**
 * A new shop's first months in Chromium, on its own export files only (tests/fixtures/journey):
 * the member list, the product list and September's counter and Taobao exports picked on the
 * import page → the overview's figures against an independent reading of the files → a region
 * segment built in the rule editor → a gift mailing (planned on 2026-10-01 through the CLI, which
 * takes a past date) marked mailed on the page → address labels printed to PDF, every word inside
 * its label → October's export imported → the results with the uplift and its interval → the
 * replenishment call made and its outcome logged → undoing October's batch moves the results back.
 * Same steps and figures as tests/integration/journey/new-shop.test.ts.
 */
import { execFile, execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { promisify } from 'node:util'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'
import { builtInSheets, cellRect, cellsPerSheet } from '../../shared/domain/sheets'
import { fileMembers, fileOnlineSales, filePosSales, journeyFile } from '../integration/journey/journey-files'

const run = promisify(execFile)
const root = resolve(__dirname, '../..')
const MM_PER_PT = 25.4 / 72

async function cliAt<T>(dbPath: string, asOf: string, args: string[]): Promise<T> {
  const { stdout } = await run(process.execPath, [join(root, 'out/main/cli.js'), ...args, '--db', dbPath, '--as-of', asOf, '--json'], { cwd: root })
  return JSON.parse(stdout) as T
}

/** Pick a file on the import page, import it as previewed, and answer the imported rows shown. */
async function importOnPage(page: Page, name: string): Promise<string> {
  await page.getByTestId('nav-import').click()
  if (await page.getByTestId('result-again').isVisible()) await page.getByTestId('result-again').click()
  await page.getByTestId('import-drop-zone').locator('input[type=file]').setInputFiles(journeyFile(name))
  await expect(page.getByTestId('import-preview')).toBeVisible()
  await page.getByTestId('import-start').click()
  await expect(page.getByTestId('import-result')).toBeVisible({ timeout: 30_000 })
  return (await page.getByTestId('result-imported').textContent())!.trim()
}

interface Word {
  page: number
  text: string
  xMin: number
  xMax: number
  yMin: number
  yMax: number
}
function pdfWords(pdf: string): Word[] {
  const xml = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' })
  const words: Word[] = []
  let page = -1
  for (const line of xml.split('\n')) {
    if (line.includes('<page ')) page++
    const m = line.match(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/)
    if (m) words.push({ page, text: m[5], xMin: +m[1] * MM_PER_PT, yMin: +m[2] * MM_PER_PT, xMax: +m[3] * MM_PER_PT, yMax: +m[4] * MM_PER_PT })
  }
  return words
}

test('a new shop’s first months on its files: import, overview, segment, gift, labels, results, a call, undo', async ({ page, app }) => {
  test.setTimeout(300_000)
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  const members = fileMembers()
  const september = [...filePosSales('pos-2026-09.csv'), ...fileOnlineSales('taobao-2026-09.csv')]
  const revenueFen = september.reduce((s, x) => s + x.fen, 0)

  await page.goto(app.url)
  await expect(page.getByTestId('overview-empty')).toBeVisible()
  // people first, then products, then the sales: 40 members, 3 products, 30 receipts, 21 orders
  expect(await importOnPage(page, 'members.csv')).toContain('40')
  expect(await importOnPage(page, 'products.csv')).toContain('3')
  expect(await importOnPage(page, 'pos-2026-09.csv')).toContain('30')
  await expect(page.getByTestId('result-walkin')).toContainText('1')
  expect(await importOnPage(page, 'taobao-2026-09.csv')).toContain('21')
  await expect(page.getByTestId('result-new')).toContainText('1')

  // the overview: every figure from the files
  await page.getByTestId('nav-overview').click()
  await expect(page.getByTestId('stat-customers')).toHaveAttribute('data-value', String(members.length + 1))
  await expect(page.getByTestId('stat-orders')).toHaveAttribute('data-value', String(new Set(september.map((s) => s.order)).size))
  await expect(page.getByTestId('stat-revenue')).toHaveAttribute('data-value', String(revenueFen))
  await expect(page.getByTestId('stat-revenue')).toContainText('9,537.30')
  await expect(page.getByTestId('demo-banner')).toHaveCount(0)
  await screenshot(page, 'journey-overview')

  // a region segment in the rule editor: the 23 Zhejiang members (one masked) and the Wenzhou buyer
  await page.getByTestId('nav-segments').click()
  const builder = page.getByTestId('segment-builder')
  await builder.getByTestId('rule-field').first().selectOption('region')
  await builder.getByTestId('rule-value').first().fill('浙江省')
  await expect(builder.getByTestId('segment-live-count')).toHaveAttribute('data-value', '24', { timeout: 20_000 })
  await builder.getByTestId('segment-name').fill('浙江客户')
  await builder.getByTestId('segment-save').click()
  await expect(page.getByTestId('saved-segment').filter({ hasText: '浙江客户' })).toBeVisible()

  // the mailing, planned on the first of October: 17 parcels of 23 yuan within 400 yuan, 4 held back
  type Plan = { campaignId: number; mailed: { ref: string; name: string }[]; control: { ref: string }[]; costFen: number; excluded: Record<string, number> }
  const plan = await cliAt<Plan>(app.dbPath, '2026-10-01', [
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
  expect(plan.mailed).toHaveLength(17)
  expect(plan.control).toHaveLength(4)
  expect(plan.costFen).toBe(39_100)
  expect(plan.excluded).toEqual({ address_masked: 1 })

  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('campaign-row').filter({ hasText: '国庆小礼物' }).click()
  await page.getByTestId('mail-date').fill('2026-10-02')
  await page.getByTestId('mark-mailed').click()
  await expect(page.getByTestId('mailed-on')).toContainText('2026-10-02', { timeout: 30_000 })
  await expect(page.getByTestId('results-row').first()).toContainText('0/17')

  // the labels for the parcels, as Chromium prints them: every word inside a label, each label one parcel's name and address
  await page.getByTestId('print-cards').click()
  await expect(page.getByTestId('target-kind')).toHaveValue('campaign')
  await page
    .getByTestId('template-list')
    .getByRole('button', { name: /地址标签 Avery L7160/ })
    .click()
  await page.getByTestId('preview-run').click()
  await expect(page.getByTestId('preview-summary')).toHaveText(/17 张 · 1 页/)
  const popupPromise = page.waitForEvent('popup')
  await page.getByTestId('open-printable').click()
  const popup = await popupPromise
  await popup.waitForLoadState()
  const pdf = join(mkdtempSync(join(tmpdir(), 'evergreen-journey-')), 'labels.pdf')
  writeFileSync(pdf, await popup.pdf({ preferCSSPageSize: true, printBackground: true }))
  await popup.close()
  const sheet = builtInSheets['avery-l7160']
  const cells = Array.from({ length: cellsPerSheet(sheet) }, (_, i) => cellRect(sheet, i))
  const words = pdfWords(pdf)
  expect(words.length).toBeGreaterThan(17)
  const cellOf = (w: Word) =>
    cells.findIndex((r) => w.xMin >= r.x - 0.5 && w.xMax <= r.x + r.width + 0.5 && w.yMin >= r.y - 0.5 && w.yMax <= r.y + r.height + 0.5)
  const outside = words.filter((w) => w.page !== 0 || cellOf(w) < 0)
  expect(outside.map((w) => w.text)).toEqual([])
  const labelText = cells.map((_, i) =>
    words
      .filter((w) => cellOf(w) === i)
      .map((w) => w.text)
      .join('')
  )
  const online = fileOnlineSales('taobao-2026-09.csv')
  for (const m of plan.mailed) {
    const address = (members.find((x) => x.card === m.ref)?.address ?? online.find((s) => s.phone === m.ref)!.address).replace(/\s/g, '')
    expect(
      labelText.filter((t) => t.includes(m.name) && t.includes(address)),
      `${m.ref} ${m.name}`
    ).toHaveLength(1)
  }

  // October's export: nine of the mailed and one held back come back within 30 days
  expect(await importOnPage(page, 'pos-2026-10.csv')).toContain('15')
  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('campaign-row').filter({ hasText: '国庆小礼物' }).click()
  await expect(page.getByTestId('results-row').first()).toContainText('9/17')
  await expect(page.getByTestId('results-row').first()).toContainText('1/4')
  // 9/17 − 1/4 = +27.9 points, Newcombe's interval [−22.1, +57.2]
  await expect(page.getByTestId('uplift-row').first()).toContainText('+27.9 pp [-22.1, +57.2]')
  await screenshot(page, 'journey-results')

  // the replenishment call: 陈丽's one can of formula from 10-31 runs out on 11-20
  const calls = await app.cli<{ entries: { key: string; reason: string; name: string | null; dueDate: string }[] }>(['calls'])
  const due = calls.entries.filter((e) => e.reason === 'replenish')
  expect(due.map((e) => [e.name, e.dueDate])).toEqual([['陈丽', '2026-11-15']])
  await page.getByTestId('nav-calls').click()
  const row = page.getByTestId(`call-${due[0].key}`)
  await expect(row).toContainText('陈丽')
  await row.getByTestId('outcome-reached').click()
  await expect(row).toHaveCount(0)
  const after = await app.cli<{ entries: { key: string }[] }>(['calls'])
  expect(after.entries.map((e) => e.key)).not.toContain(due[0].key)

  // undo October's batch: the results go back to nobody bought
  await page.getByTestId('nav-import').click()
  if (await page.getByTestId('result-again').isVisible()) await page.getByTestId('result-again').click()
  await page.getByTestId('undo-5').click()
  await page.getByRole('dialog').getByRole('button', { name: '撤销导入' }).click()
  await expect(page.getByTestId('batch-5')).toContainText('已撤销')
  await page.getByTestId('nav-campaigns').click()
  await page.getByTestId('campaign-row').filter({ hasText: '国庆小礼物' }).click()
  await expect(page.getByTestId('results-row').first()).toContainText('0/17')
  await expect(page.getByTestId('results-row').first()).toContainText('0/4')
  await page.getByTestId('nav-overview').click()
  await expect(page.getByTestId('stat-revenue')).toHaveAttribute('data-value', String(revenueFen))
  expect(errors).toEqual([])
})
