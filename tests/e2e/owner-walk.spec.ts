/**
 * What a new shop owner tripped on (the 2026-12-06 walk through the app): each test here failed
 * before its fix.
 */
import { test, expect, screenshot } from './fixtures'
import { journeyFile } from '../integration/journey/journey-files'

test('a shop that started selling in September sees its charts start near then, not 22 empty months', async ({ page, app }) => {
  await app.cli(['import', journeyFile('products.csv'), journeyFile('members.csv'), journeyFile('pos-2026-09.csv'), journeyFile('pos-2026-10.csv')])
  await page.goto(app.url)
  // first sale 2026-09, today 2026-11-23: six months (the least a chart draws), not 24
  await expect(page.getByTestId('chart-revenue').locator('canvas')).toHaveAttribute('aria-label', /^最近 6 个月每月销售额柱状图/)
  await screenshot(page, 'owner-walk-overview-new-shop')
  await page.getByTestId('nav-segments').click()
  await expect(page.getByTestId('chart-repeat-rate').locator('canvas')).toHaveAttribute('aria-label', /^最近 6 个月每月复购率柱状图/)
})

test('the demo shop’s two years still fill all 24 months', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300'])
  await page.goto(app.url)
  await expect(page.getByTestId('chart-revenue').locator('canvas')).toHaveAttribute('aria-label', /^最近 24 个月/)
})

test.describe('in a browser set to English (US)', () => {
  test.use({ locale: 'en-US' })

  test('date fields read 2026-05-25, take what staff type, and work from the keyboard', async ({ page, app }) => {
    await app.cli(['demo', '--customers', '300'])
    await page.goto(app.url)
    await page.getByTestId('nav-predictions').click()
    const end = page.getByTestId('pred-calibration-end')
    // the text shown is the ISO day, not the browser's 05/25/2026
    await expect(end).toHaveValue('2026-05-25')
    await expect(end).toHaveAttribute('type', 'text')
    await screenshot(page, 'owner-walk-date-fields-en-us')
    // typed the way receipts write it, read as the same day
    await end.fill('2026/8/23')
    await end.press('Enter')
    await expect(end).toHaveValue('2026-08-23')
    await end.fill('2026年8月3日')
    await end.press('Tab')
    await expect(end).toHaveValue('2026-08-03')
    // ↑ moves a day on; the calendar button is the next stop on Tab
    await end.focus()
    await page.keyboard.press('ArrowUp')
    await expect(end).toHaveValue('2026-08-04')
    await page.keyboard.press('Tab')
    await expect(page.locator(':focus')).toHaveAttribute('aria-label', '从日历选择日期')
    // no such day: said, and the field is marked
    await end.fill('2026-02-30')
    await end.press('Enter')
    await expect(end).toHaveAttribute('aria-invalid', 'true')
  })
})

test('recording a call outcome shows one notice, the one carrying 撤销', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '300', '--seed', '7'])
  await page.goto(app.url)
  await page.getByTestId('nav-calls').click()
  await page.getByTestId('outcome-reached').first().click()
  await expect(page.getByTestId('calls-undo-outcome')).toContainText('已记录：')
  await expect(page.getByTestId('notices')).not.toContainText('已记录')
  await screenshot(page, 'owner-walk-calls-one-notice')
})
