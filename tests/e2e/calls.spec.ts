/**
 * 今日回访 in Chromium: with the demo shop loaded, the call list shows entries grouped by
 * reason with a script and consent; recording an outcome takes the entry off the list and
 * writes it to the contact log (checked through the CLI on the same database).
 */
import { join } from 'node:path'
import { test, expect, screenshot } from './fixtures'

const shot = (name: string) => join(__dirname, '../../test-results/screenshots', `${name}.png`)

test('opens the call list, records an outcome and sees the entry leave', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300', '--seed', '7'])
  const before = await app.cli<{ entries: { key: string; reason: string; name: string | null }[] }>(['calls'])
  expect(before.entries.length).toBeGreaterThan(0)

  await page.goto(app.url)
  await page.getByTestId('nav-calls').click()
  await expect(page).toHaveURL(/#\/calls$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('今日回访')
  await expect(page.getByTestId('calls-total')).toHaveText(`共 ${before.entries.length} 条待联系`)
  await screenshot(page, 'calls-list')
  await page.screenshot({ path: shot('calls-list-top') })

  const first = before.entries[0]
  const row = page.getByTestId(`call-${first.key}`)
  await expect(row).toBeVisible()
  await expect(row.locator('.call__script')).toContainText('建议话术')
  await expect(row.locator('.call__detail')).not.toBeEmpty()
  await row.getByTestId('outcome-reached').click()
  await expect(row).toHaveCount(0)
  await expect(page.getByTestId('calls-total')).toHaveText(`共 ${before.entries.length - 1} 条待联系`)
  await screenshot(page, 'calls-after-outcome')

  const after = await app.cli<{ entries: { key: string }[] }>(['calls'])
  expect(after.entries.map((e) => e.key)).not.toContain(first.key)
  expect(after.entries).toHaveLength(before.entries.length - 1)
})

test('shows the call list in English', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300', '--seed', '7'])
  await page.goto(app.url)
  await page.getByTestId('nav-calls').click()
  await page.getByTestId('lang-en').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Calls today')
  await expect(page.locator('.call__script').first()).toContainText('Suggested words')
  await page.screenshot({ path: shot('calls-list-en-top') })
})
