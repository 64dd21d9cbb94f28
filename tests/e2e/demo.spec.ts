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

test('shows the removal’s progress with 取消 while it runs, then the empty overview', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '120', '--seed', '3'])
  await page.goto(app.url)
  const banner = page.getByTestId('demo-banner')
  await expect(banner).toBeVisible()
  // hold the job's progress answers, so the bar stays on screen (120 customers are removed in
  // milliseconds, before a cancel could reach them: cancelling is tested in demo-removal.test.ts)
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/jobs.progress', async (route) => {
    await held
    await route.continue()
  })
  await banner.getByTestId('remove-demo').click()
  await page.getByRole('dialog').getByRole('button', { name: '移除示例数据' }).click()
  const bar = page.getByTestId('demo-removing')
  await expect(bar).toContainText('正在移除示例数据')
  await expect(bar.getByRole('button', { name: '取消' })).toBeVisible()
  await expect(banner.getByTestId('remove-demo')).toBeDisabled()
  await screenshot(page, 'overview-demo-removing')
  release()
  await expect(page.getByTestId('overview-empty')).toBeVisible()
  await expect(page.getByText('示例数据已移除')).toBeVisible()
})
