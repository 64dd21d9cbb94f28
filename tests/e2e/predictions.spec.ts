/**
 * 预测 in Chromium: reached from the call list, fits the models on the demo shop with a
 * 26-week backtest (chart, totals, parameters), lists the customers worth most as of today
 * with the horizon picked, and saves a category's days
 * per unit (checked through the CLI-visible UI after a reload).
 */
import { test, expect, screenshot } from './fixtures'

test('fits the models, shows the backtest and parameters, and saves days per unit', async ({ page, app }) => {
  test.setTimeout(90_000)
  await app.cli(['demo', '--customers', '800'])
  await page.goto(app.url)
  await page.getByTestId('nav-calls').click()
  await page.getByTestId('open-predictions').click()
  await expect(page).toHaveURL(/#\/predictions$/)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('预测')

  // defaults: 26 weeks before the pinned today, and today
  await expect(page.getByTestId('pred-calibration-end')).toHaveValue('2026-05-25')
  await expect(page.getByTestId('pred-holdout-end')).toHaveValue('2026-11-23')

  await page.getByTestId('pred-fit').click()
  await expect(page.getByTestId('pred-progress').or(page.getByTestId('predictions-backtest'))).toBeVisible()
  await expect(page.getByTestId('predictions-backtest')).toBeVisible({ timeout: 60_000 })
  await expect(page.getByTestId('backtest-chart').locator('canvas')).toBeVisible()
  await expect(page.getByTestId('backtest-trust')).toContainText('%')
  await expect(page.getByTestId('params-bgnbd')).toContainText('r =')
  await expect(page.getByTestId('params-gg')).toContainText('p =')
  await expect(page.getByTestId('params-bgnbd-regularised')).toBeVisible()
  await screenshot(page, 'predictions-fit')

  // 最有价值的顾客: as of the pinned today (not the backtest's dates), 90 days by default, the horizon picked
  const top = page.getByTestId('predictions-top')
  await expect(top).toContainText('截至 2026-11-23 的全部购买记录拟合，按今后 90 天的预计消费排序')
  await expect(top.locator('tbody tr').first()).toBeVisible()
  await expect(page.getByTestId('top-horizon-90')).toHaveAttribute('aria-checked', 'true')
  await page.getByTestId('top-horizon-365').click()
  await expect(top).toContainText('按今后 365 天的预计消费排序')
  await expect(page.getByTestId('top-horizon-365')).toHaveAttribute('aria-checked', 'true')
  // nobody's last purchase is after the as-of day, and every row has its next purchase with an interval
  const lasts = await top.locator('tbody tr td:nth-child(6)').allTextContents()
  expect(lasts.length).toBeGreaterThan(10)
  expect(lasts.every((d) => d.trim() <= '2026-11-23')).toBe(true)
  await expect(top.locator('tbody tr').first().locator('td').nth(4)).toContainText('八成在')
  await top.scrollIntoViewIfNeeded()
  await screenshot(page, 'predictions-top')

  const cat = page.getByTestId('rs-cat-奶粉')
  await cat.getByTestId('rs-cat-input').fill('abc')
  await cat.getByTestId('rs-cat-save').click()
  await expect(cat.getByRole('alert')).toHaveText('请填数字')
  await cat.getByTestId('rs-cat-input').fill('12.5')
  await cat.getByTestId('rs-cat-save').click()
  await expect(page.getByText('已保存：奶粉 每件 12.5 天')).toBeVisible()
  await screenshot(page, 'predictions-settings-saved')

  await page.reload()
  await expect(page.getByTestId('rs-cat-奶粉').getByTestId('rs-cat-input')).toHaveValue('12.5')
})

test('saves the care calendar and shows the page in English', async ({ page, app }) => {
  await app.cli(['demo', '--customers', '800'])
  await page.goto(`${app.url}#/predictions`)
  await page.getByTestId('lang-en').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Predictions')
  // the settings arrive after the page opens (the top list is fitted meanwhile): edit them once they are there
  await expect(page.getByTestId('rs-lead-days')).not.toHaveValue('')
  await page.getByTestId('rs-member-day').fill('32')
  await page.getByTestId('rs-save-calendar').click()
  await expect(page.getByTestId('reminder-settings').getByRole('alert')).toHaveText('Enter a number from 1 to 31')
  await page.getByTestId('rs-member-day').fill('15')
  await page.getByTestId('rs-lead-days').fill('3')
  await page.getByTestId('rs-save-calendar').click()
  await expect(page.getByText('Care calendar saved')).toBeVisible()
  await page.reload()
  await expect(page.getByTestId('rs-member-day')).toHaveValue('15')
  await expect(page.getByTestId('rs-lead-days')).toHaveValue('3')
})

test('shows which model the fit is on and the models already answered, and cancels it from the keyboard', async ({ page, app }) => {
  test.setTimeout(240_000)
  // a shop big enough that the fit takes seconds: long enough to watch it and cancel it
  await app.cli(['demo', '--customers', '4000'])
  await page.goto(`${app.url}#/predictions`)
  await expect(page.getByTestId('pred-holdout-end')).toHaveValue('2026-11-23')
  await page.getByTestId('pred-fit').click()

  const progress = page.getByTestId('pred-progress')
  await expect(progress).toContainText(/正在(读取购买记录|拟合 )/, { timeout: 120_000 })
  // BG/NBD answers first and is listed while the slower models are still being fitted
  await expect(page.getByTestId('pred-partial')).toContainText('已得出：BG/NBD', { timeout: 120_000 })
  await expect(progress).toContainText(/正在拟合 (MBG\/NBD|BG\/CNBD-k|MBG\/CNBD-k|Pareto\/NBD)（第 [2-5]\/5 个模型）/)
  await expect(progress.getByRole('progressbar')).toHaveAttribute('aria-valuenow', /^\d+$/)
  await screenshot(page, 'predictions-fit-progress')

  const cancel = progress.getByRole('button', { name: '取消' })
  await cancel.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('pred-cancelled')).toContainText('已取消拟合，没有结果')
  await expect(progress).toHaveCount(0)
  await expect(page.getByTestId('predictions-backtest')).toHaveCount(0)
  await expect(page.getByTestId('pred-error')).toHaveCount(0)
  await screenshot(page, 'predictions-fit-cancelled')
})
