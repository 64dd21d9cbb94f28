/**
 * The demo shop in Chromium: loaded from the empty overview, the page says plainly that the
 * figures are the demo's; removing it (after a question) undoes its batches and the empty
 * overview is back, with the CLI agreeing that nothing is left.
 */
import { test, expect, screenshot } from './fixtures'

test('says the demo is loaded and removes it after asking', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '120', '--seed', '3'])
  await page.goto(app.url)
  const banner = page.getByTestId('demo-banner')
  await expect(banner).toContainText('现在看到的是示例母婴店的数据')
  await screenshot(page, 'overview-demo-banner')

  await banner.getByTestId('remove-demo').click()
  const dialog = page.getByRole('dialog')
  await expect(dialog).toContainText('移除示例母婴店？')
  await dialog.getByRole('button', { name: '移除示例数据' }).click()
  await expect(page.getByTestId('overview-empty')).toBeVisible()
  await expect(banner).toHaveCount(0)
  const stats = await app.cli<{ customers: number; orders: number }>(['stats'])
  expect(stats).toMatchObject({ customers: 0, orders: 0 })
})
