/**
 * Master files (issue 17) in Chromium over the browser host: the GBK member list and the
 * product list are dropped on the window; the preview says which kind it found and why and
 * shows values as they will be stored (a lunar birthday with its solar date this year).
 * Figures by hand from tests/fixtures/imports/members-gbk.csv and products.csv.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Page } from '@playwright/test'
import { test, expect, screenshot } from './fixtures'

const fixture = (name: string) => join(__dirname, '../fixtures/imports', name)

/** Drop one fixture file on the window, as staff drag an export onto it. */
async function dropFile(page: Page, name: string, type: string): Promise<void> {
  const transfer = await page.evaluateHandle(
    ([b64, fileName, mime]) => {
      // runs in the page; this file is type-checked without the DOM library
      const g = globalThis as unknown as { DataTransfer: new () => { items: { add(f: File): void } }; atob(s: string): string }
      const binary = g.atob(b64)
      const bytes = new Uint8Array(binary.length)
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
      const dt = new g.DataTransfer()
      dt.items.add(new File([bytes], fileName, { type: mime }))
      return dt
    },
    [readFileSync(fixture(name)).toString('base64'), name, type] as const
  )
  await page.dispatchEvent('h1', 'dragenter', { dataTransfer: transfer })
  await page.dispatchEvent('h1', 'dragover', { dataTransfer: transfer })
  await page.dispatchEvent('h1', 'drop', { dataTransfer: transfer })
}

test('a dropped member list is previewed as members with values as stored, and can be read as another kind', async ({ page, app }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览')

  await dropFile(page, 'members-gbk.csv', 'text/csv')
  await expect(page).toHaveURL(/#\/import$/)
  await expect(page.getByTestId('import-preview')).toBeVisible()
  await expect(page.getByTestId('import-kind')).toHaveValue('members')
  await expect(page.getByTestId('import-kind-reason')).toContainText('会员资料')
  await expect(page.getByTestId('import-kind-reason')).toContainText('“会员卡号”')
  // no "no date column" warning for a member list
  await expect(page.getByText('还没有指定日期/时间列')).toHaveCount(0)

  const samples = page.getByTestId('import-samples')
  await expect(samples).toBeVisible()
  // the preview's own hint, not the demo files' (two message files once defined imports.samples.hint)
  await expect(samples).toContainText('空白的格子不会清除已有的内容。')
  // 1990-03-05 农历 falls on 21 Apr 2026; 农历八月十五 on 25 Sep 2026 (Mid-Autumn); 1988-07-21 is solar
  await expect(page.getByTestId('sample-birthday')).toContainText('农历三月初五（1990年） · 今年公历 2026-04-21')
  await expect(page.getByTestId('sample-birthday')).toContainText('公历 1988-07-21')
  await expect(page.getByTestId('sample-birthday')).toContainText('农历八月十五 · 今年公历 2026-09-25')
  await expect(page.getByTestId('sample-gender')).toContainText('女')
  await expect(page.getByTestId('sample-gender')).toContainText('男')
  await expect(page.getByTestId('sample-storedValue')).toContainText('¥388.50')
  await expect(page.getByTestId('sample-childName')).toContainText('小宝 2022-05-06；二宝 2024-08-01')
  await expect(page.getByTestId('sample-referrer')).toContainText('（空，不改动）')
  await screenshot(page, 'master-files-members-preview')

  // read as sales instead: the samples go and the sales warnings come back; then back to members
  await page.getByTestId('import-kind').selectOption('sales')
  await expect(page.getByTestId('import-kind-reason')).toContainText('按你的选择导入')
  await expect(samples).toHaveCount(0)
  await expect(page.getByText('还没有指定日期/时间列')).toBeVisible()
  await page.getByTestId('import-kind').selectOption('members')
  await expect(page.getByTestId('sample-birthday')).toBeVisible()

  expect(errors).toEqual([])
})

test('a dropped product list is previewed as products with prices as stored', async ({ page, app }) => {
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览')
  await dropFile(page, 'products.csv', 'text/csv')
  await expect(page.getByTestId('import-kind')).toHaveValue('products')
  await expect(page.getByTestId('import-kind-reason')).toContainText('商品资料')
  await expect(page.getByTestId('sample-unitPrice')).toContainText('¥268.00')
  await expect(page.getByTestId('sample-memberPrice')).toContainText('¥17.90')
  await expect(page.getByTestId('sample-daysPerUnit')).toContainText('20')
  await screenshot(page, 'master-files-products-preview')
})

/** The tile's figure: BaseStatTile shows label, value, hint; the value is what the test checks. */
const figure = (page: Page, id: string) => page.getByTestId(id).locator('.stat__value')

test('importing the member list and then the product list shows the figures of each kind', async ({ page, app }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览')

  await dropFile(page, 'members-gbk.csv', 'text/csv')
  await expect(page.getByTestId('import-kind')).toHaveValue('members')
  await page.getByTestId('import-start').click()
  await expect(page.getByTestId('result-members')).toBeVisible({ timeout: 20_000 })
  // six rows: K004's 2月30日 rejected, five members created; birthdays K001 and K003 lunar, K002, K005, K006 solar;
  // K001's two children; K002 → K001 by card and K003 → K001 by phone linked, K006 → K999 pending
  await expect(figure(page, 'result-imported')).toHaveText('5')
  await expect(figure(page, 'result-rejected')).toHaveText('1')
  await expect(page.getByTestId('result-rejected')).toContainText('可下载明细')
  await expect(figure(page, 'result-new')).toHaveText('5')
  await expect(figure(page, 'result-updated')).toHaveText('0')
  await expect(figure(page, 'result-conflicts')).toHaveText('0')
  await expect(figure(page, 'result-birthdays')).toHaveText('5')
  await expect(page.getByTestId('result-birthdays')).toContainText('公历 3 · 农历 2')
  await expect(figure(page, 'result-children')).toHaveText('2')
  await expect(figure(page, 'result-referrers')).toHaveText('2')
  await expect(page.getByTestId('result-referrers')).toContainText('1 位待关联')
  await expect(page.getByTestId('result-errors')).toContainText('2月30日')
  await expect(page.getByTestId('result-notices')).toContainText('推荐人是会员本人')
  // sales figures do not belong on a member list's page
  await expect(page.getByTestId('result-walkin')).toHaveCount(0)
  await expect(page.getByTestId('result-compare')).toHaveCount(0)
  await screenshot(page, 'master-files-members-result')

  await page.getByTestId('result-again').click()
  await dropFile(page, 'products.csv', 'text/csv')
  await expect(page.getByTestId('import-kind')).toHaveValue('products')
  await page.getByTestId('import-start').click()
  await expect(page.getByTestId('result-products')).toBeVisible({ timeout: 20_000 })
  // four products, none sold yet: all created, no line to categorise
  await expect(figure(page, 'result-imported')).toHaveText('4')
  await expect(figure(page, 'result-products-created')).toHaveText('4')
  await expect(figure(page, 'result-products-updated')).toHaveText('0')
  await expect(figure(page, 'result-categorised')).toHaveText('0')
  // nothing refused, so nothing to download: the tile says no more than its 0
  await expect(figure(page, 'result-rejected')).toHaveText('0')
  await expect(page.getByTestId('result-rejected').locator('.stat__hint')).toHaveCount(0)
  await expect(page.getByTestId('result-new')).toHaveCount(0)
  await screenshot(page, 'master-files-products-result')

  const batches = await app.cli<{ id: number; rowsImported: number }[]>(['batches'])
  expect(batches.map((b) => b.rowsImported)).toEqual([4, 5])
  expect(errors).toEqual([])
})

test("the customer file shows a member's figures and children, edits them, and the next list's conflict takes the file's value", async ({ page, app }) => {
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(e.message))
  await page.goto(app.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('概览')
  await dropFile(page, 'members-gbk.csv', 'text/csv')
  await page.getByTestId('import-start').click()
  await expect(page.getByTestId('result-members')).toBeVisible({ timeout: 20_000 })

  const found = await app.cli<{ rows: { id: number; memberCard: string | null }[] }>(['customers', '--search', 'K001'])
  const k1 = found.rows.find((r) => r.memberCard === 'K001')!.id
  await page.goto(`${app.url}#/customers/${k1}`)
  await expect(page.getByTestId('customer-name')).toContainText('王芳')
  // K001: 开卡 2020-01-02, 金卡, 1200 points, 388.50 stored, as of the import date; 小宝 and 二宝 from the list
  await expect(page.getByTestId('member-since')).toContainText('2020-01-02')
  await expect(page.getByTestId('member-tier')).toContainText('金卡')
  await expect(page.getByTestId('member-points')).toContainText('1200')
  await expect(page.getByTestId('member-stored')).toContainText('¥388.50')
  await expect(page.getByTestId('member-as-of')).toContainText('2026-11-23')
  await expect(page.getByTestId('customer-child')).toHaveText([/小宝\s+2022-05-06 · 4岁6个月/, /二宝\s+2024-08-01 · 2岁3个月/])
  await screenshot(page, 'master-files-customer-file')

  // edit: 1500 points, 二宝 removed, 三宝 (girl, 2026-10-01) added
  await page.getByTestId('edit-customer').click()
  await expect(page.getByTestId('edit-points')).toHaveValue('1200')
  await expect(page.getByTestId('edit-stored-value')).toHaveValue('388.5')
  await page.getByTestId('edit-points').fill('1500')
  await page.getByTestId('edit-child-1').getByTestId('edit-child-remove').click()
  await page.getByTestId('edit-child-add').click()
  const third = page.getByTestId('edit-child-1')
  await third.getByTestId('edit-child-name').fill('三宝')
  await third.getByTestId('edit-child-birthday').fill('2026-10-01')
  await third.getByTestId('edit-child-gender').selectOption('f')
  await screenshot(page, 'master-files-customer-edit')
  await page.getByTestId('edit-save').click()
  await expect(page.getByTestId('member-points')).toContainText('1500')
  await expect(page.getByTestId('customer-child')).toHaveText([/小宝\s+2022-05-06/, /三宝 女 2026-10-01 · 0岁1个月/])
  // the history says which child came and which went, in words, not the stored JSON
  const childrenLine = page.getByTestId('change-history').locator('tr').filter({ hasText: '孩子' }).first()
  await expect(childrenLine.getByTestId('history-old')).toHaveText('小宝 2022-05-06；二宝 2024-08-01')
  await expect(childrenLine.getByTestId('history-new')).toHaveText('→ 添加 三宝 女 2026-10-01；移除 二宝 2024-08-01')
  await expect(page.getByTestId('change-history')).not.toContainText('["')

  // the same list again: staff's 1500 wins and is listed; taking the file's value brings 1200 back
  await page.goto(`${app.url}#/import`)
  await dropFile(page, 'members-gbk.csv', 'text/csv')
  await page.getByTestId('import-start').click()
  await expect(page.getByTestId('result-members')).toBeVisible({ timeout: 20_000 })
  await expect(figure(page, 'result-conflicts')).toHaveText('1')
  const conflict = page.getByTestId('conflict-0')
  await expect(conflict).toContainText('可用积分')
  await expect(conflict).toContainText('1500')
  await expect(conflict).toContainText('1200')
  await screenshot(page, 'master-files-conflict')
  await page.getByTestId('conflict-take-0').click()
  await expect(conflict).toContainText('已采用')
  const after = await app.cli<{ rows: { id: number; memberCard: string | null }[] }>(['customers', '--search', 'K001'])
  expect(after.rows.some((r) => r.id === k1)).toBe(true)
  await page.goto(`${app.url}#/customers/${k1}`)
  await expect(page.getByTestId('member-points')).toContainText('1200')
  expect(errors).toEqual([])
})
