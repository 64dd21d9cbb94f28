/**
 * 预测 in Chromium: reached from the call list, fits the models on the demo shop with a
 * 26-week backtest (chart, totals, parameters), lists the customers worth most as of today
 * with the horizon picked, and saves a category's days
 * per unit (checked through the CLI-visible UI after a reload).
 */
import { test, expect, screenshot, clearNotices, AS_OF } from './fixtures'
import { join } from 'node:path'
import { daysBetween } from '../../shared/domain/dates'

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

interface ClvJson {
  chosen: string
  choice: { zh: string; en: string }
  regularity: { zh: string }
  backtests: Record<string, { forecastRepeat: number; actualRepeat: number; mae: number }>
  modelErrors: Record<string, { zh: string }>
}

test('compares every model on the holdout, marks the one in use, switches the chart, and pins a model and back to auto', async ({ page, app }) => {
  test.setTimeout(150_000)
  // the demo's members buy on a rhythm (formula, nappies): the regular-rhythm model should win its holdout
  await app.cli(['demo', '--customers', '800'])
  const backtestArgs = ['clv', '--calibration-end', '2026-05-25', '--holdout-end', AS_OF, '--unit', 'week']
  const clv = await app.cli<ClvJson>(backtestArgs)
  expect(clv.chosen).toBe('bgcnbd')
  expect(Object.keys(clv.backtests).sort()).toEqual(['bgcnbd', 'bgnbd', 'paretoNbd'])
  expect(Object.keys(clv.modelErrors).sort()).toEqual(['mbgcnbd', 'mbgnbd'])

  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(`${app.url}#/predictions`)
  await expect(page.getByTestId('pred-pin')).toHaveValue('auto')
  await page.getByTestId('pred-fit').click()
  const models = page.getByTestId('predictions-models')
  await expect(models).toBeVisible({ timeout: 60_000 })

  // the sentences are the service's own, as the CLI gives them
  await expect(page.getByTestId('pred-choice')).toHaveText(clv.choice.zh)
  await expect(page.getByTestId('pred-regularity')).toHaveText(`购买规律${clv.regularity.zh}`)
  await expect(page.getByTestId('pred-regularity')).toContainText('买得很有规律，大约每 34 天一次')

  // one row per model tried: figures for the three that answered, the reason for the two that did not
  await expect(models.locator('tbody tr')).toHaveCount(5)
  const chosenRow = page.getByTestId('model-row-bgcnbd')
  const bt = clv.backtests.bgcnbd
  await expect(chosenRow.locator('th')).toContainText('规律购买模型 (BG/CNBD-k)')
  await expect(chosenRow.locator('td')).toHaveText([
    bt.forecastRepeat.toFixed(1),
    String(bt.actualRepeat),
    `−${Math.round((Math.abs(bt.forecastRepeat - bt.actualRepeat) / bt.actualRepeat) * 100)}%`,
    bt.mae.toFixed(2),
    '12'
  ])
  await expect(page.getByTestId('model-row-bgnbd').locator('td').nth(3)).toHaveText(clv.backtests.bgnbd.mae.toFixed(2))
  await expect(page.getByTestId('model-row-bgnbd').locator('td').nth(4)).toHaveText('—')
  for (const failed of ['mbgnbd', 'mbgcnbd']) {
    await expect(page.getByTestId(`model-row-${failed}`).getByTestId('model-error')).toHaveText(clv.modelErrors[failed].zh)
  }
  // the chosen row is marked in words, once
  await expect(models.getByTestId('model-chosen')).toHaveCount(1)
  await expect(chosenRow.getByTestId('model-chosen')).toHaveText('✓ 在用')

  // the chart starts on the chosen model; another is picked by click or by arrow key
  await expect(page.getByTestId('bt-model-bgcnbd')).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('backtest-forecast')).toHaveText(String(Math.round(bt.forecastRepeat)))
  await page.getByTestId('bt-model-bgnbd').click()
  await expect(page.getByTestId('bt-model-bgnbd')).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('backtest-forecast')).toHaveText(String(Math.round(clv.backtests.bgnbd.forecastRepeat)))
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('bt-model-paretoNbd')).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('bt-model-paretoNbd')).toBeFocused()
  await expect(page.getByTestId('backtest-forecast')).toHaveText(String(Math.round(clv.backtests.paretoNbd.forecastRepeat)))
  await expect(page.getByTestId('backtest-chart').locator('canvas')).toBeVisible()

  // the top list names its model and why; it agrees with the backtest on these dates, so no extra line
  const top = page.getByTestId('predictions-top')
  await expect(top.getByTestId('top-model')).toContainText('打分模型规律购买模型 (BG/CNBD-k)')
  await expect(top.getByTestId('top-choice')).toContainText('BG/CNBD-k 预测得最准')
  await expect(top.getByTestId('top-differs')).toHaveCount(0)
  await page.getByTestId('bt-model-bgcnbd').click()
  await clearNotices(page)
  await screenshot(page, 'predictions-models-zh')

  // pin BG/NBD: saved as the shop's setting, both the comparison and the list use it and say so
  await page.getByTestId('pred-pin').selectOption('bgnbd')
  await expect(page.getByTestId('pred-choice')).toHaveText('使用设置里固定的 BG/NBD（不按检验结果挑选）', { timeout: 60_000 })
  await expect(page.getByTestId('model-row-bgnbd').getByTestId('model-chosen')).toHaveText('✓ 在用（已固定）')
  await expect(models.getByTestId('model-chosen')).toHaveCount(1)
  await expect(page.getByTestId('bt-model-bgnbd')).toHaveAttribute('aria-checked', 'true')
  await expect(top.getByTestId('top-model')).toContainText('随机购买模型 (BG/NBD)', { timeout: 60_000 })
  await expect(top.getByTestId('top-choice')).toHaveText('使用设置里固定的 BG/NBD（不按检验结果挑选）')
  const pinned = await app.cli<ClvJson>(backtestArgs)
  expect(pinned.chosen).toBe('bgnbd')
  expect(pinned.choice.zh).toBe('使用设置里固定的 BG/NBD（不按检验结果挑选）')
  await page.reload()
  await expect(page.getByTestId('pred-pin')).toHaveValue('bgnbd')

  // back to auto: the backtest chooses again, with the same sentence as before
  await page.getByTestId('pred-pin').selectOption('auto')
  await expect(top.getByTestId('top-model')).toContainText('规律购买模型 (BG/CNBD-k)', { timeout: 60_000 })
  await page.getByTestId('pred-fit').click()
  await expect(page.getByTestId('pred-choice')).toHaveText(clv.choice.zh, { timeout: 60_000 })
  await expect(page.getByTestId('model-row-bgcnbd').getByTestId('model-chosen')).toHaveText('✓ 在用')
  expect((await app.cli<ClvJson>(backtestArgs)).chosen).toBe('bgcnbd')

  // other dates, another winner: the list (its own 26 weeks) says in one line why it names another model
  await page.getByTestId('pred-calibration-end').fill('2026-08-23')
  await page.getByTestId('pred-fit').click()
  await expect(page.getByTestId('model-row-mbgcnbd').getByTestId('model-chosen')).toBeVisible({ timeout: 60_000 })
  await expect(top.getByTestId('top-differs')).toHaveText(
    '名单按 2026-11-23 之前 26 周另做检验（不含 Pareto/NBD），所以用 BG/CNBD-k；上方的比较按你选的日期，选的是 MBG/CNBD-k。'
  )
  await clearNotices(page)
  await screenshot(page, 'predictions-models-differs-zh')

  await page.getByTestId('lang-en').click()
  await expect(page.getByTestId('model-row-mbgcnbd').locator('th')).toContainText('Regular-rhythm model (one-time buyers drop out too) (MBG/CNBD-k)')
  await expect(page.getByTestId('model-row-mbgcnbd').getByTestId('model-chosen')).toHaveText('✓ in use')
  await expect(top.getByTestId('top-differs')).toContainText('so it uses BG/CNBD-k; the comparison above, on your dates, chose MBG/CNBD-k.')
  await screenshot(page, 'predictions-models-en')
})

test("shows the top list's job in the list's place while it runs, with its phase in words, then the list", async ({ page, app }) => {
  test.setTimeout(90_000)
  await app.cli(['demo', '--customers', '800'])
  // the job's finished answer is held back (its running answers pass), so its progress stays on screen
  let release!: () => void
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route('**/api/jobs.progress', async (route) => {
    const response = await route.fetch()
    const body = (await response.json()) as { ok: boolean; data?: { kind: string; state: string } }
    if (body.ok && body.data?.kind === 'predictions.top' && body.data.state !== 'running') await held
    await route.fulfill({ response, json: body })
  })
  await page.goto(`${app.url}#/predictions`)
  const top = page.getByTestId('predictions-top')
  const progress = top.getByTestId('top-progress')
  await expect(progress).toBeVisible()
  // whichever phase the job last reported before its answer was held (the fit's progress is not shown: no fit was asked for)
  await expect(progress).toContainText(/正在(读取购买记录|用前 26 周检验 \S+|用全部购买记录拟合 \S+|排列顾客)/)
  await expect(page.getByTestId('pred-progress')).toHaveCount(0)
  await screenshot(page, 'predictions-top-job')

  release()
  await expect(progress).toBeHidden()
  await expect(top.locator('tbody tr').first()).toBeVisible()
  await expect(top).toContainText('截至 2026-11-23 的全部购买记录拟合，按今后 90 天的预计消费排序')
})

test('says how late a customer is when the rules put their next purchase before today (a shop of files, too few repeat buyers)', async ({ page, app }) => {
  test.setTimeout(90_000)
  for (const f of ['members.csv', 'products.csv', 'pos-2026-09.csv', 'taobao-2026-09.csv', 'pos-2026-10.csv']) {
    await app.cli(['import', join(__dirname, '../fixtures/journey', f)])
  }
  const rows = (await app.cli(['clv', 'top', '--as-of', AS_OF, '--horizon', '90', '--limit', '100'])) as Array<{
    name: string
    nextPurchase: { date: string } | null
  }>
  const late = rows.find((r) => r.nextPurchase && r.nextPurchase.date < AS_OF)!
  const ahead = rows.find((r) => r.nextPurchase && r.nextPurchase.date >= AS_OF)!
  await page.goto(`${app.url}#/predictions`)
  const top = page.getByTestId('predictions-top')
  const row = (name: string) => top.locator('tbody tr').filter({ hasText: name })
  await expect(row(late.name).getByTestId('top-overdue')).toHaveText(`已过 ${daysBetween(late.nextPurchase!.date, AS_OF)} 天，还没来`, { timeout: 60_000 })
  await expect(row(ahead.name)).toContainText(ahead.nextPurchase!.date)
  await expect(row(ahead.name).getByTestId('top-overdue')).toHaveCount(0)
  await screenshot(page, 'predictions-top-overdue')
})
